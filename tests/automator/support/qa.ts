import { mockUrl } from './env'

/** Calls the mock server's QA API (/__qa/...), as QA does from their own specs. */
export async function qa<T = unknown>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${mockUrl()}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json()) as T
  if (!res.ok) throw new Error(`QA ${path}: ${res.status} ${JSON.stringify(json)}`)
  return json
}
