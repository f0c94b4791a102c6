// Automator steps cross a WebSocket and a browser (or the devtools): allow more than jest's default 5 s per test.
jest.setTimeout(30_000)
