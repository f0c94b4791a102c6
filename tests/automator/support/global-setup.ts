import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import automator from 'miniprogram-automator'
import { snapshotOutput } from '../../../devkit/taro-build'
import { freePort, startMock } from '../../support/servers'
import { automatorTarget, REPO_ROOT, STAND_IN_CLI } from './env'
import { setRun } from './run-state'

/**
 * One launch per run: starts the mock server (unless MOCK_URL is given), builds the H5 app if stale, launches the
 * devtools CLI (the bridge's stand-in unless AUTOMATOR_CLI_PATH names the real one) and exports
 * AUTOMATOR_WS_ENDPOINT and MOCK_URL to the spec files, which connect to it.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[automator] ${line}\n`)
  if (process.env.AUTOMATOR_WS_ENDPOINT) {
    log(`connecting to ${process.env.AUTOMATOR_WS_ENDPOINT} (nothing launched)`)
    if (!process.env.MOCK_URL) log('MOCK_URL is not set: specs that use the QA API will fail')
    setRun({})
    return
  }
  if (process.env.AUTOMATOR_CLI_PATH && !process.env.MOCK_URL) {
    log('MOCK_URL is not set: the mini-program talks to the API_BASE it was built with, not to the mock started here')
  }
  const mock = process.env.MOCK_URL ? null : await startMock()
  if (mock) process.env.MOCK_URL = mock.url

  const realCli = process.env.AUTOMATOR_CLI_PATH
  const cliPath = realCli || STAND_IN_CLI
  let snapshot = null
  let logFile: string | undefined
  const args: string[] = []
  const target = automatorTarget()
  if (!realCli && target !== 'h5') {
    // The same specs over the weapp/alipay/swan bundle in the mini-program host (tools/miniprogram-host).
    // AUTOMATOR_MINI_ROOT: a built dist/<target> folder to drive instead of a fresh copy of dist/<target>.
    const miniRoot = process.env.AUTOMATOR_MINI_ROOT || (snapshot = await snapshotOutput(target, { log })).root
    logFile = path.join(os.tmpdir(), `automator-bridge-${process.pid}.log`)
    process.env.AUTOMATOR_BRIDGE_LOG = logFile
    args.push(
      '--target',
      target,
      '--mini-root',
      miniRoot,
      '--mock-url',
      process.env.MOCK_URL as string,
      '--log',
      logFile,
    )
  } else if (!realCli) {
    if (!process.env.AUTOMATOR_H5_ROOT) {
      snapshot = await snapshotOutput('h5', { log })
      process.env.AUTOMATOR_H5_ROOT = snapshot.root
    }
    logFile = path.join(os.tmpdir(), `automator-bridge-${process.pid}.log`)
    process.env.AUTOMATOR_BRIDGE_LOG = logFile
    // The stand-in's own flags (the real devtools CLI would refuse them); launch() puts them before `auto`.
    args.push(
      '--mock-url',
      process.env.MOCK_URL as string,
      '--h5-root',
      process.env.AUTOMATOR_H5_ROOT,
      '--log',
      logFile,
    )
  }
  const port = await freePort()
  const started = Date.now()
  try {
    const miniProgram = await automator.launch({
      cliPath,
      projectPath: process.env.AUTOMATOR_PROJECT_PATH || REPO_ROOT,
      port,
      timeout: 120_000,
      args,
    })
    process.env.AUTOMATOR_WS_ENDPOINT = `ws://127.0.0.1:${port}`
    log(
      `launched ${realCli ? 'the devtools' : target === 'h5' ? 'the H5 bridge' : `the ${target} mini-program host`} on ${process.env.AUTOMATOR_WS_ENDPOINT} in ${Date.now() - started} ms`,
    )
    setRun({ miniProgram, mock, snapshot, logFile })
  } catch (err) {
    if (logFile && fs.existsSync(logFile)) log(`bridge log:\n${fs.readFileSync(logFile, 'utf8')}`)
    await mock?.close()
    snapshot?.dispose()
    throw err
  }
}
