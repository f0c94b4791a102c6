import * as v from 'valibot'

/**
 * The mock server's stand-ins for what only a real mini-program platform can do (face verification, payment,
 * subscription to reminders). The H5 build calls these instead; QA decides each outcome through the QA API.
 */
import { FaceOutcome, PayOutcome, SubscribeOutcome } from './states'
export { FaceOutcome, PayOutcome, SubscribeOutcome }

export const SimFaceRunRequest = v.object({ verifyId: v.pipe(v.string(), v.minLength(1)) })
export const SimFaceRunResponse = v.object({ verifyId: v.string(), outcome: FaceOutcome })
export type SimFaceRunResponse = v.InferOutput<typeof SimFaceRunResponse>

export const SimPayRunRequest = v.object({ orderId: v.pipe(v.string(), v.minLength(1)) })
export const SimPayRunResponse = v.object({ orderId: v.string(), outcome: PayOutcome })
export type SimPayRunResponse = v.InferOutput<typeof SimPayRunResponse>

export const SimSubscribeRequest = v.object({ templateIds: v.pipe(v.array(v.string()), v.minLength(1)) })
export const SimSubscribeResponse = v.object({ outcome: SubscribeOutcome, templateIds: v.array(v.string()) })
export type SimSubscribeResponse = v.InferOutput<typeof SimSubscribeResponse>
