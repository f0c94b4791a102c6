import { chinaDate } from './china-time'

/**
 * "Now" and "today" for the shared rules that depend on the date (no birth date and no graduation after today). The
 * contract's schemas run these rules on both sides, and each side has one clock of its own: the app the server's
 * time it learnt from answers (src/api/server-clock.ts), the mock server the clock QA sets and advances
 * (mock-server/core/clock.ts). The rules read `rulesNow()`, and each side points it at its clock:
 *
 * - the app once, at start: `setRulesClock(serverNow)`;
 * - the server per request: it validates each body inside `atRulesTime(store.clock.now(), () => parse(...))`. Not a
 *   process-wide setting, since one test process runs several mock servers, each with its own clock. A parse is
 *   synchronous, so nothing else runs while the moment is fixed and no request sees another server's time.
 *
 * Outside both (unit tests, scripts) it is the machine's clock.
 */

let clock: () => number = () => Date.now()
let fixed: number | null = null

/** Milliseconds since the epoch, as the rules see it. */
export function rulesNow(): number {
  return fixed ?? clock()
}

/** Points the rules at a clock for the whole process (the app: the server's time). */
export function setRulesClock(now: () => number): void {
  clock = now
}

/** Runs a synchronous check (a schema parse) with the rules' "now" fixed at `ms`; returns what the check returns. */
export function atRulesTime<T>(ms: number, check: () => T): T {
  const outer = fixed
  fixed = ms
  try {
    return check()
  } finally {
    fixed = outer
  }
}

/** A date in China (UTC+8), YYYY-MM-DD, from milliseconds since the epoch: "today" for a candidate in Beijing. */
export function chinaDateOf(ms: number): string {
  return chinaDate(ms)
}

/** Today's date in China on the rules' clock: a server in UTC must not refuse a Beijing morning's date. */
export function chinaToday(): string {
  return chinaDateOf(rulesNow())
}
