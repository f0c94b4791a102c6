// Automator steps cross a WebSocket and a browser (or the devtools), and must pass on a loaded machine: a test may
// wait several times for the helpers' WAIT_MS (support/app.ts).
jest.setTimeout(120_000)
