import * as v from 'valibot'

export const HealthResponse = v.object({
  ok: v.literal(true),
  version: v.string(),
  qa: v.boolean(),
})
export type HealthResponse = v.InferOutput<typeof HealthResponse>
