import * as v from 'valibot'

/**
 * The login waiting room (issue 20): when more logins wait than the server can finish within the app's timeout
 * (CLIENT_TIMEOUT_MS, types/api.ts), it answers at once with 503, `Retry-After` and this body instead of making the
 * candidate wait on an open request. The place in line is kept by the request's own secret (the captcha it solved,
 * its recovery id or reset token): the app's retry (the same body and idempotency key) comes back to the same place.
 * `position` is null when the server cannot give one (a line past its size limit); `waitSeconds` is the server's
 * estimate from its measured hashing throughput.
 * Registration, password login, the security-answer check and the password reset wait in it (each hashes a password).
 */
export const LOGIN_QUEUE_CODE = 'LOGIN_QUEUE'

export const QueuePlace = v.object({
  /** 1 = next in line. */
  position: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** The estimated wait until this call is let in, in whole seconds (may be longer than one Retry-After). */
  waitSeconds: v.pipe(v.number(), v.integer(), v.minValue(0)),
})
export type QueuePlace = v.InferOutput<typeof QueuePlace>

export const LoginQueueErrorBody = v.object({
  error: v.object({
    code: v.literal(LOGIN_QUEUE_CODE),
    message: v.string(),
    queue: QueuePlace,
  }),
})
export type LoginQueueErrorBody = v.InferOutput<typeof LoginQueueErrorBody>

/** QA's view of the waiting room (`loginQueue`) and its one setting (`setLoginQueue`, types/qa.ts). */
export const LoginQueueStatus = v.object({
  /** Hashing units the server lets run or wait for a turn at once: the setting, else the measured capacity. */
  capacity: v.number(),
  /** What the measurement alone gives: the budget times the measured throughput. */
  measuredCapacity: v.number(),
  /** QA's fixed capacity, or null (measured). */
  override: v.nullable(v.number()),
  /** The longest an admitted call may take by the estimate, in ms. */
  budgetMs: v.number(),
  /** The throughput the room counts with, in hashes per second (the lower of scrypt's and the end-to-end one). */
  throughputPerSecond: v.number(),
  /** The mean duration of recent scrypt runs, in ms, and how many run at once. */
  scryptMeanMs: v.number(),
  concurrency: v.number(),
  /** Units admitted and not finished; tickets waiting in line. */
  inFlight: v.number(),
  waiting: v.number(),
  admitted: v.number(),
  refused: v.number(),
  /** The longest a ticket waited from its first refusal to its admission, in ms. */
  longestWaitMs: v.number(),
})
export const SetLoginQueueRequest = v.object({
  /** Units let in at once (0 = nobody: every login is told to wait); null = back to the measured capacity. */
  capacity: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10000))),
})
