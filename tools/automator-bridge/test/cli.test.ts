import { ChildProcess, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import automator from 'miniprogram-automator'
import { parseArgs } from '../src/cli'
import { snapshotOutput, type OutputSnapshot } from '../../../devkit/taro-build'
import { freePort, startMock, type RunningMock } from '../../../tests/support/servers'

// The stand-in devtools CLI, as automator.launch() spawns it, and automator.connect() to it.
jest.setTimeout(120_000)

const CLI = path.join(__dirname, '..', 'bin', 'devtools-cli.js')
const ROOT = path.join(__dirname, '..', '..', '..')

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

describe('parseArgs', () => {
  it('reads the devtools auto command line and ignores the flags it does not need', () => {
    expect(parseArgs(['auto', '--project', '/p', '--auto-port', '9420', '--trust-project'])).toEqual({
      command: 'auto',
      project: '/p',
      port: 9420,
    })
    expect(
      parseArgs(['--mock-url', 'http://m', '--log', 'f', 'auto', '--auto-account', 'a', '--project', '/p']),
    ).toEqual({
      command: 'auto',
      project: '/p',
      mockUrl: 'http://m',
      logFile: 'f',
    })
  })

  it('prints its usage for anything but auto', () => {
    const res = spawnSync(process.execPath, [CLI, 'open'], { encoding: 'utf8' })
    expect(res.status).toBe(2)
    expect(res.stderr).toContain('usage: devtools-cli')
    expect(res.stderr).toContain('auto --project <path> --auto-port <port>')
  })
})

describe('launch and connect', () => {
  let mock: RunningMock
  let snapshot: OutputSnapshot
  beforeAll(async () => {
    mock = await startMock()
    snapshot = await snapshotOutput('h5')
  }, 180_000)

  afterAll(async () => {
    await mock?.close()
    snapshot?.dispose()
  })

  it('automator.launch({ cliPath }) starts the bridge; Tool.getInfo passes; close() (App.exit, Tool.close) ends it', async () => {
    const port = await freePort()
    const logFile = path.join(os.tmpdir(), `automator-cli-test-${process.pid}.log`)
    // launch() puts `args` before its own `auto --project ... --auto-port ...`.
    const args = ['--mock-url', mock.url, '--h5-root', snapshot.root, '--log', logFile]
    const mp = await automator.launch({ cliPath: CLI, projectPath: ROOT, port, timeout: 90_000, args })
    const page = await mp.currentPage()
    expect(page?.path).toBe('pages/login/index')
    // A second client attaches to the same app, as each spec file does.
    const other = await automator.connect({ wsEndpoint: `ws://127.0.0.1:${port}` })
    const idOf = (p: unknown) => (p as { id: number }).id
    expect(idOf(await other.currentPage())).toBe(idOf(page))
    other.disconnect()
    // launch() starts a 15 s timer of its own when the CLI exits; drop it so jest can exit at once.
    const handles = (process as unknown as { _getActiveHandles: () => unknown[] })._getActiveHandles()
    for (const h of handles) if (h instanceof ChildProcess && h.spawnfile === CLI) h.removeAllListeners('exit')
    await mp.close()
    const deadline = Date.now() + 5000
    while ((await listening(port)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    expect(await listening(port)).toBe(false)
    // The CLI logs "closed" once Chromium and its servers are down, just before it exits.
    const closedBy = Date.now() + 10_000
    let log = ''
    while (!(log = fs.readFileSync(logFile, 'utf8')).includes(' closed') && Date.now() < closedBy) {
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(log).toContain(`automator bridge listening on ws://127.0.0.1:${port}`)
    expect(log).toContain(mock.url)
    expect(log).toContain(' closed')
    fs.rmSync(logFile, { force: true })
  })
})
