/**
 * How long a hook that starts or stops Chromium, a mock server, a bundle in the host or the automator bridge may
 * take. With every core busy (scripts/stress.ts, or other work on the machine) these take far longer than jest's 5 s
 * default; and a `testTimeout` set on one project of jest.config.js does not reach its hooks (login.test.ts's
 * beforeAll failed at 5 s with the browser project's 60 s set). So every such hook names this.
 */
export const HOOK_TIMEOUT_MS = 180_000
