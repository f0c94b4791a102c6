import * as v from 'valibot'

/**
 * The mock server's stand-ins for what only a real mini-program platform can do (face verification, payment,
 * subscription to reminders). The H5 build calls these instead; QA decides each outcome through the QA API.
 */
import { FaceOutcome, PayOutcome, PlatformName, SubscribeAnswer, SubscribeOutcome } from './states'
export { FaceOutcome, PayOutcome, SubscribeAnswer, SubscribeOutcome }

export const SimFaceRunRequest = v.object({ verifyId: v.pipe(v.string(), v.minLength(1)) })
export const SimFaceRunResponse = v.object({ verifyId: v.string(), outcome: FaceOutcome })
export type SimFaceRunResponse = v.InferOutput<typeof SimFaceRunResponse>

/**
 * What the simulated cashier does: QA's outcome, or `pending` (the platform has no result yet: Alipay 8000/6004,
 * and no notification reaches the server).
 */
export const SimPayOutcome = v.picklist(['success', 'fail', 'cancel', 'pending'])
export type SimPayOutcome = v.InferOutput<typeof SimPayOutcome>
/** `payer`: the platform account that opened the cashier (the host's platform user); absent on H5. */
export const SimPayRunRequest = v.object({
  orderId: v.pipe(v.string(), v.minLength(1)),
  payer: v.optional(v.pipe(v.string(), v.maxLength(128))),
})
/** `refused`: the cashier was opened by another account than the order's payer (the platform fails it). */
export const SimPayRunResponse = v.object({
  orderId: v.string(),
  outcome: SimPayOutcome,
  refused: v.nullable(v.picklist(['payer-mismatch'])),
})
export type SimPayRunResponse = v.InferOutput<typeof SimPayRunResponse>

/** The platform whose dialog is simulated (its console's templates); H5's own when absent. */
export const SimSubscribeRequest = v.object({
  templateIds: v.pipe(v.array(v.string()), v.minLength(1)),
  platform: v.optional(PlatformName, 'h5'),
})
/**
 * What the dialog answered, per template (QA sets it), or why the platform refused to show it: `unknown-template` (an
 * id its console did not issue), `too-many` (more than three), the platform's own code being the host's to give.
 */
export const SimSubscribeRefusal = v.picklist(['unknown-template', 'too-many'])
export const SimSubscribeResponse = v.object({
  outcome: SubscribeOutcome,
  templateIds: v.array(v.string()),
  answers: v.record(v.string(), SubscribeAnswer),
  refused: v.nullable(SimSubscribeRefusal),
})
export type SimSubscribeResponse = v.InferOutput<typeof SimSubscribeResponse>
