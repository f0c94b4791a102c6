import path from 'node:path'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'

/** Serves the H5 production build (dist/h5) on loopback. The app uses hash routing, so only files are served. */
export async function serveH5(options: { root?: string; port?: number; host?: string } = {}): Promise<{
  app: FastifyInstance
  url: string
}> {
  const root = path.resolve(options.root ?? path.join(__dirname, '..', '..', 'dist', 'h5'))
  const app = Fastify({ logger: false })
  await app.register(fastifyStatic, { root, index: ['index.html'], cacheControl: false })
  const url = await app.listen({ port: options.port ?? 10086, host: options.host ?? '127.0.0.1' })
  return { app, url }
}
