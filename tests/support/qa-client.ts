import * as v from 'valibot'
import { qaEndpoints, type QaEndpointName, type QaRequestOf, type QaResponseOf } from '../../types/qa'

/** A QA call the server refused: its status and the contract's error body. */
export class QaError extends Error {
  constructor(
    readonly endpoint: QaEndpointName,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`QA ${endpoint}: ${status} ${JSON.stringify(body)}`)
  }
}

/** Calls the QA control API by name (types/qa.ts); the answer is checked against the endpoint's response schema. */
export type QaClient = <N extends QaEndpointName>(
  name: N,
  ...input: OptionalIfEmpty<QaRequestOf<N>>
) => Promise<QaResponseOf<N>>

type OptionalIfEmpty<T> = keyof T extends never ? [input?: T] : [input: T]

export function qaClient(baseUrl: string): QaClient {
  return async (name, ...args) => {
    const endpoint = qaEndpoints[name]
    const rest: Record<string, unknown> = { ...((args[0] as object | undefined) ?? {}) }
    // `:param` segments come from the input's fields of that name; the rest is the query (GET) or JSON body.
    const path = endpoint.path.replace(/:(\w+)/g, (_m, key: string) => {
      const value = rest[key]
      delete rest[key]
      return encodeURIComponent(String(value))
    })
    const hasBody = endpoint.method !== 'GET' && endpoint.method !== 'DELETE'
    const query = hasBody
      ? ''
      : new URLSearchParams(Object.entries(rest).map(([k, val]) => [k, String(val)])).toString()
    const res = await fetch(`${baseUrl}${path}${query ? `?${query}` : ''}`, {
      method: endpoint.method,
      headers: hasBody ? { 'content-type': 'application/json' } : {},
      body: hasBody ? JSON.stringify(rest) : undefined,
    })
    const json = (await res.json()) as unknown
    if (!res.ok) throw new QaError(name, res.status, json)
    return v.parse(endpoint.response, json) as QaResponseOf<typeof name>
  }
}
