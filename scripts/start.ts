import { buildMockServer } from '../mock-server/app'
import { DEMO_CANDIDATE } from '../mock-server/scenarios'
import { serveH5 } from '../devkit/h5-server'
import { ensureBuilt } from '../devkit/taro-build'

/**
 * `npm start`: the mock server in QA mode with the demo scenario, and the H5 production build served against it,
 * both on 127.0.0.1. Builds H5 first when the build is missing, older than the sources or a development build.
 */
async function main(): Promise<void> {
  const mockPort = Number(process.env.MOCK_PORT ?? 3100)
  const h5Port = Number(process.env.H5_PORT ?? 10086)

  await ensureBuilt('h5', { log: (line) => console.log(`${line}…`) })

  // Face verification passes on the demo until QA sets another outcome (QA's simFace).
  const mock = await buildMockServer({ qa: true, scenario: 'demo', faceOutcome: 'pass', logger: { level: 'warn' } })
  const mockUrl = await mock.listen({ port: mockPort, host: '127.0.0.1' })
  const { url: h5Url } = await serveH5({ port: h5Port, apiBase: mockUrl })

  console.log('')
  console.log(`  Mock server (QA API on /__qa): ${mockUrl}`)
  console.log(`  H5 app:                        ${h5Url}/`)
  console.log(`  Demo candidate:                ${DEMO_CANDIDATE.username} / ${DEMO_CANDIDATE.password}`)
  console.log('')
  console.log('Press Ctrl+C to stop.')
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
