import * as v from 'valibot'
import { qaEndpoints, type QaEndpointName, type QaRequestOf, type QaResponseOf } from '../../types/qa'
import { requestTarget } from '../../types/api'

/**
 * The one way tests, specs, tools and scripts reach the QA control API: by its name in the registry (types/qa.ts),
 * never by a path string (ESLint refuses `/__qa/` literals outside this file). It lives in scripts/lib because
 * scripts and tools share nothing with tests/ (bench-load creates its candidates through it).
 */

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

type OptionalIfEmpty<T> = keyof T extends never ? [input?: T] : [input: T]

/** A request's fields by name, any value: what a test of refusals sends on purpose (a wrong type, a hostile id). */
export type QaLooseRequest<N extends QaEndpointName> = { [K in keyof QaRequestOf<N>]?: unknown }

/** The server's answer as it came: status, headers and body (JSON parsed, text when it is not JSON). */
export interface QaReply {
  status: number
  headers: Headers
  body: unknown
}

export interface QaClient {
  /** Calls the endpoint; a refusal throws QaError; the answer is checked against the endpoint's response schema. */
  <N extends QaEndpointName>(name: N, ...input: OptionalIfEmpty<QaRequestOf<N>>): Promise<QaResponseOf<N>>
  /** Calls the endpoint and answers whatever came back, unchecked: for tests that assert a refusal's status. */
  reply<N extends QaEndpointName>(name: N, input?: QaLooseRequest<N>): Promise<QaReply>
}

/**
 * Where a QA call goes, built as the app's client builds its calls (`requestTarget` of the contract): `:name` path
 * parameters from the input's fields of that name, the rest as the query (GET, DELETE) or the JSON body. An empty
 * base gives the path alone.
 */
export function qaRequestUrl(
  baseUrl: string,
  name: QaEndpointName,
  input: Record<string, unknown> = {},
): { url: string; method: string; body?: Record<string, unknown> } {
  const endpoint = qaEndpoints[name]
  const { path, body } = requestTarget(endpoint, input)
  return body
    ? { url: `${baseUrl}${path}`, method: endpoint.method, body }
    : { url: `${baseUrl}${path}`, method: endpoint.method }
}

async function send(baseUrl: string, name: QaEndpointName, input?: object): Promise<QaReply> {
  const { url, method, body } = qaRequestUrl(baseUrl, name, input as Record<string, unknown> | undefined)
  const res = await fetch(url, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  })
  return answerOf(res)
}

/** A response's status, headers and body: parsed JSON, or the text when it is not JSON (a 404 may be anything). */
export async function answerOf(res: Response): Promise<QaReply> {
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // Not JSON: kept as text, for the caller's checks to judge.
  }
  return { status: res.status, headers: res.headers, body: parsed }
}

/** The QA client of the mock server at `baseUrl` (a function, so it may be read when first called). */
export function qaClient(baseUrl: string | (() => string)): QaClient {
  const base = typeof baseUrl === 'string' ? () => baseUrl : baseUrl
  const call = async <N extends QaEndpointName>(
    name: N,
    ...input: OptionalIfEmpty<QaRequestOf<N>>
  ): Promise<QaResponseOf<N>> => {
    const { status, body } = await send(base(), name, input[0] as object | undefined)
    if (status < 200 || status >= 300) throw new QaError(name, status, body)
    return v.parse(qaEndpoints[name].response, body) as QaResponseOf<N>
  }
  return Object.assign(call, {
    reply: <N extends QaEndpointName>(name: N, input?: QaLooseRequest<N>) => send(base(), name, input),
  })
}
