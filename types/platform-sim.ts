import * as v from 'valibot'

/**
 * The mock server's stand-ins for what only a real mini-program platform can do (face verification, payment,
 * subscription to reminders). The H5 build calls these instead; QA decides each outcome through the QA API.
 */
/**
 * What the candidate's face verification comes to, as the platform reports it to the server: passed, failed (not the
 * same person, or the capture was unusable), cancelled, timed out (`expired`), or the phone cannot do it
 * (`unsupported`). `pending` is QA's way to say the candidate has not finished yet: the platform has no result.
 */
export const FaceOutcome = v.picklist(['pass', 'fail', 'cancel', 'expired', 'unsupported', 'pending'])
export type FaceOutcome = v.InferOutput<typeof FaceOutcome>

export const PayOutcome = v.picklist(['success', 'fail', 'cancel'])
export type PayOutcome = v.InferOutput<typeof PayOutcome>

export const SubscribeOutcome = v.picklist(['accept', 'reject'])
export type SubscribeOutcome = v.InferOutput<typeof SubscribeOutcome>

export const SimFaceRunRequest = v.object({ verifyId: v.pipe(v.string(), v.minLength(1)) })
export const SimFaceRunResponse = v.object({ verifyId: v.string(), outcome: FaceOutcome })
export type SimFaceRunResponse = v.InferOutput<typeof SimFaceRunResponse>

export const SimPayRunRequest = v.object({ orderId: v.pipe(v.string(), v.minLength(1)) })
export const SimPayRunResponse = v.object({ orderId: v.string(), outcome: PayOutcome })
export type SimPayRunResponse = v.InferOutput<typeof SimPayRunResponse>

export const SimSubscribeRequest = v.object({ templateIds: v.pipe(v.array(v.string()), v.minLength(1)) })
export const SimSubscribeResponse = v.object({ outcome: SubscribeOutcome, templateIds: v.array(v.string()) })
export type SimSubscribeResponse = v.InferOutput<typeof SimSubscribeResponse>
