import * as v from 'valibot'

/** An empty request or response body. */
export const Empty = v.object({})

export const OkResponse = v.object({ ok: v.literal(true) })
export type OkResponse = v.InferOutput<typeof OkResponse>
