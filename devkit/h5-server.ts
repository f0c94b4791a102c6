import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'

export const H5_DIST = path.join(__dirname, '..', 'dist', 'h5')

/**
 * Serves the H5 production build (dist/h5) on loopback. The app uses hash routing, so only files are served.
 * With `apiBase`, index.html gets `window.__API_BASE__` so one build can talk to a mock server on any port.
 */
export async function serveH5(
  options: { root?: string; port?: number; host?: string; apiBase?: string } = {},
): Promise<{
  app: FastifyInstance
  url: string
}> {
  const root = path.resolve(options.root ?? H5_DIST)
  const app = Fastify({ logger: false })
  const indexHtml = () => {
    const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8')
    if (!options.apiBase) return html
    return html.replace('<head>', `<head><script>window.__API_BASE__=${JSON.stringify(options.apiBase)}</script>`)
  }
  app.get('/', (_req, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(indexHtml()),
  )
  app.get('/index.html', (_req, reply) => reply.type('text/html; charset=utf-8').send(indexHtml()))
  await app.register(fastifyStatic, { root, index: false, cacheControl: false })
  const url = await app.listen({ port: options.port ?? 10086, host: options.host ?? '127.0.0.1' })
  return { app, url }
}
