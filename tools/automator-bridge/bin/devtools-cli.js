#!/usr/bin/env node
/*
 * A stand-in for the WeChat devtools CLI, so `automator.launch({ cliPath })` works on Linux:
 *   devtools-cli.js [--mock-url <url>] [--h5-root <dir>] [--log <file>] auto --project <path> --auto-port <port>
 * starts the automator bridge (the app's H5 build in headless Chromium) on ws://127.0.0.1:<port>.
 * --mock-url / MOCK_URL: the mock server the app talks to (without it the bridge starts one);
 * --h5-root / AUTOMATOR_H5_ROOT: a built H5 folder (without it dist/h5 is built if stale and copied);
 * --log / AUTOMATOR_BRIDGE_LOG: a file to log to (launch() ignores the CLI's own output).
 */
'use strict'
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry point, as launch() spawns it */
require('tsx/cjs')
const { main } = require('../src/cli.ts')

main(process.argv.slice(2)).then(
  // Exit at once when the bridge has closed (nothing else should keep this stand-in alive).
  (code) => process.exit(typeof code === 'number' ? code : 0),
  (err) => {
    const text = `${new Date().toISOString()} failed: ${err && err.stack ? err.stack : String(err)}\n`
    // launch() ignores this process's output: the log file is where a failure can be read.
    const logAt = process.argv.indexOf('--log')
    const logFile = logAt > 0 ? process.argv[logAt + 1] : process.env.AUTOMATOR_BRIDGE_LOG
    if (logFile) require('node:fs').appendFileSync(logFile, text)
    process.stderr.write(text)
    process.exit(1)
  },
)
