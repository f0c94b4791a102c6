import { parseArgs } from 'node:util'
import { buildMockServer } from './app'

/**
 * `npm run mock -- [--port 3100] [--host 127.0.0.1] [--qa] [--data FILE] [--scenario NAME] [--faults 0.3]
 *   [--public-base-url https://exam.example.cn] [--captcha-rate 60] [--certificate-check-rate 30]`
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.MOCK_PORT ?? '3100' },
    host: { type: 'string', default: '127.0.0.1' },
    qa: { type: 'boolean', default: false },
    data: { type: 'string' },
    scenario: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    // A share of API requests (0-1) meets a wire fault: 503/429 with Retry-After, a delay, or a dropped answer.
    faults: { type: 'string' },
    // Where the server's own links (the certificate's verification QR) start; by default the address it listens on.
    'public-base-url': { type: 'string', default: process.env.PUBLIC_BASE_URL },
    // Per-client limits per minute (core/rate-limit.ts); a load run from one machine raises the captcha's.
    'captcha-rate': { type: 'string' },
    'certificate-check-rate': { type: 'string' },
  },
})

/** Connections the kernel queues for the server to accept (see main). */
const LISTEN_BACKLOG = 4096

async function main(): Promise<void> {
  const app = await buildMockServer({
    qa: values.qa,
    dataFile: values.data,
    scenario: values.scenario,
    logger: values.quiet ? { level: 'warn' } : true,
    ...(values.faults ? { faults: { rate: Number(values.faults) } } : {}),
    ...(values['public-base-url'] ? { publicBaseUrl: values['public-base-url'] } : {}),
    rateLimits: {
      ...(values['captcha-rate'] ? { captcha: perMinute(values['captcha-rate']) } : {}),
      ...(values['certificate-check-rate'] ? { certificateCheck: perMinute(values['certificate-check-rate']) } : {}),
    },
  })
  // A peak opens its connections at once: past the listen backlog (Node's default 511) Linux drops the handshake and
  // the phone's TCP retries it after 1, 3, 7, then 15 s, so an answer the server gave at once reached the phone late,
  // past the app's 15 s timeout. 4096 (the kernel caps it at net.core.somaxconn) holds a 2,000-candidate burst.
  const address = await app.listen({ port: Number(values.port), host: values.host, backlog: LISTEN_BACKLOG })
  console.log(`mock server on ${address}${values.qa ? ' (QA control API on /__qa)' : ''}`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      void app.close().then(() => process.exit(0))
    })
  }
}

function perMinute(raw: string): { limit: number; windowMs: number } {
  const limit = Number(raw)
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`a rate is a whole number per minute: ${raw}`)
  return { limit, windowMs: 60_000 }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
