import fc from 'fast-check'
import sharp from 'sharp'
import type { OcrEngine } from '../../mock-server/features/scan/ocr/engine'
import { endpoints, type Endpoint } from '../../types/api'
import { isErrorCode } from '../../types/errors'
import { PHOTO_UPLOAD_PATH } from '../../types/profile'
import { startMock, type RunningMock } from '../support/servers'
import { makeJpeg } from '../support/photos'
import { registerCandidate, type Candidate } from './support/candidates'

/**
 * Bad input, generated (issue 11): for every endpoint of the contract, fast-check derives hostile requests from the
 * endpoint's own schema (its field names, its path parameters, its method): wrong types, prototype keys as ids and
 * field names, huge and deep values, control characters, lone surrogates, full-width digits, SQL and script
 * fragments. Uploads get malformed multipart bodies, fake, truncated, oversized and bomb images. The server must
 * answer every one below 500, in time, with the contract's error body (a known code, a Chinese message) whenever
 * it refuses, and stay healthy with Object.prototype untouched. Run counts are bounded: the suite takes seconds.
 */
const RUNS_PER_ENDPOINT = 15
const REQUEST_TIMEOUT_MS = 10000

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
]

/** Strings a hostile client would send. */
const hostileString = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.constantFrom(
    "' OR '1'='1",
    '1; DROP TABLE accounts;--',
    '" UNION SELECT * FROM sessions --',
    '%00',
    '../../etc/passwd',
  ),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '{{7*7}}',
    '${7*7}',
  ),
  fc.constantFrom('１１０１０５１９９００１０１００１Ｘ', '１２３４５６', 'ＡＢＣ＿１２３'),
  fc.constantFrom(
    '\uD800',
    '\uDFFF',
    'a\uD800b',
    '\uFFFE\uFFFF',
    '\u202Eevil',
    '\u0000',
    '\u0007\u001B[2J',
    '\r\n\r\nX: y',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 0, maxLength: 20 }),
  fc.constantFrom('a'.repeat(10_000), '张'.repeat(5_000), '9'.repeat(400)),
)

/** Any JSON value, deep and wide ones included. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  hostileString,
  fc.integer(),
  fc.constantFrom(0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.1),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 5 }),
  fc.constant(Array.from({ length: 5000 }, (_, i) => i)),
  fc.constant(deep(600)),
  fc.dictionary(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 8 })), fc.integer(), {
    maxKeys: 4,
  }),
)

function deep(levels: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < levels; i++) value = { a: value }
  return value
}

/** The request's field names, read from the endpoint's schema (valibot keeps an object schema's entries). */
function fieldsOf(endpoint: Endpoint): string[] {
  const entries = (endpoint.request as unknown as { entries?: Record<string, unknown> }).entries
  return entries ? Object.keys(entries) : []
}

/** A JSON text, written by hand so prototype keys become real keys (JSON.stringify would drop __proto__). */
function jsonText(fields: Array<[string, unknown]>): string {
  return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`
}

/** Percent-encodes a path segment, lone surrogates included (encodeURIComponent throws on them). */
function pathSegment(value: string): string {
  if (value === '') return '%20'
  try {
    return encodeURIComponent(value)
  } catch {
    return '%ED%A0%80'
  }
}

const hostileRequest = (endpoint: Endpoint) => {
  const names = fieldsOf(endpoint)
  const field = fc.tuple(fc.constantFrom(...names, ...PROTOTYPE_KEYS, 'extra'), hostileValue)
  const kept = fc.tuple(fc.constantFrom(...(names.length ? names : ['x'])), hostileValue)
  return fc.record({
    fields: fc.array(fc.oneof(field, kept), { maxLength: 6 }),
    params: fc.array(hostileString, { minLength: 3, maxLength: 3 }),
    withSession: fc.boolean(),
    rawBody: fc.option(
      fc.constantFrom('{', '[]', 'null', '"x"', '{"a":', '\u0000', '1e999', '{"__proto__":{"polluted":1}}'),
      {
        freq: 4,
      },
    ),
    key: fc.option(fc.constantFrom('__proto__', 'k'.repeat(200), 'same-key', 'constructor'), { freq: 2 }),
  })
}

describe('generated hostile input', () => {
  let mock: RunningMock
  let candidate: Candidate
  const stubOcr = { queued: 0, recognise: async () => ({ boxes: [] }) } as unknown as OcrEngine

  /** Cancellation is fuzzed on a candidate of its own: a generated `confirm: true` may really cancel it. */
  let bystander: Candidate
  beforeAll(async () => {
    mock = await startMock({ ocr: stubOcr })
    candidate = await registerCandidate(mock)
    bystander = await registerCandidate(mock)
  }, 30000)

  const sessionOf = async (c: Candidate) => (await mock.qaApi('createSession', { username: c.username })).token
  afterAll(() => mock.close())

  /** Every refusal is the contract's body; nothing is a 5xx; nothing hangs. */
  async function expectContractAnswer(res: Response, what: string): Promise<void> {
    const text = await res.text()
    if (res.status >= 500 || (res.status >= 400 && !isContractError(text))) {
      throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`)
    }
  }

  function isContractError(text: string): boolean {
    try {
      const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error
      return isErrorCode(error?.code) && /[\u4e00-\u9fff]/.test(String(error?.message))
    } catch {
      return false
    }
  }

  test.each(Object.entries(endpoints))(
    '%s answers every generated request with a 4xx contract body or a 2xx',
    async (name, endpoint) => {
      await fc.assert(
        fc.asyncProperty(hostileRequest(endpoint), async (r) => {
          let i = 0
          const path = endpoint.path.replace(/:([A-Za-z0-9_]+)/g, () => pathSegment(r.params[i++] ?? ''))
          const headers: Record<string, string> = {}
          // A fresh session each time: a generated logout (or cancellation) must not starve the runs after it.
          if (r.withSession)
            headers.authorization = `Bearer ${await sessionOf(name === 'cancelAccount' ? bystander : candidate)}`
          if (r.key) headers['idempotency-key'] = r.key
          let url = `${mock.url}${path}`
          let body: string | undefined
          if (endpoint.method === 'GET' || endpoint.method === 'DELETE') {
            const query = r.fields.map(
              ([k, v]) => `${pathSegment(k)}=${pathSegment(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`,
            )
            url += `?${query.join('&')}`
          } else {
            headers['content-type'] = 'application/json'
            body = r.rawBody ?? jsonText(r.fields)
          }
          const res = await fetch(url, {
            method: endpoint.method,
            headers,
            body,
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          })
          await expectContractAnswer(res, `${name} ${endpoint.method} ${url.slice(0, 120)}`)
        }),
        { numRuns: RUNS_PER_ENDPOINT },
      )
    },
    60000,
  )

  test('uploads: malformed multipart, fake, truncated, oversized and bomb images are refused with a 4xx', async () => {
    const valid = await makeJpeg({ width: 358, height: 441 })
    const bomb = await sharp({ create: { width: 8000, height: 6400, channels: 3, background: '#fff' } })
      .jpeg({ quality: 20 })
      .toBuffer()
    const declaring = (w: number, h: number) => {
      const copy = Buffer.from(valid)
      const sof = copy.indexOf(Buffer.from([0xff, 0xc0]))
      copy.writeUInt16BE(h, sof + 5)
      copy.writeUInt16BE(w, sof + 7)
      return copy
    }
    const image = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
      fc
        .uint8Array({ maxLength: 2000 })
        .map((b) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from(b), Buffer.alloc(50000)])),
      fc
        .integer({ min: 3, max: valid.length - 1 })
        .map((n) => Buffer.concat([valid.subarray(0, n), Buffer.alloc(60000)])),
      fc.tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 })).map(([w, h]) => declaring(w, h)),
      fc.constant(bomb),
      fc.constant(Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n'), Buffer.alloc(60000)])),
      fc.constant(Buffer.alloc(6 * 1024 * 1024, 0xff)),
    )
    const multipartBody = fc.oneof(
      image.map((bytes) => ({ kind: 'file' as const, bytes })),
      fc
        .constantFrom(
          '--xx\r\nbroken',
          '--xx\r\n',
          '',
          '--xx\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\n\r\nabc',
          '--xx\r\nContent-Disposition: form-data; name="__proto__"; filename="a.jpg"\r\n\r\nabc\r\n--xx--\r\n',
          '--xx\r\nContent-Disposition: form-data; name="file"; filename="\uD800.jpg"\r\n\r\n\u0000\r\n--xx',
          '--xx--\r\n'.repeat(1000),
        )
        .map((text) => ({ kind: 'raw' as const, text })),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(PHOTO_UPLOAD_PATH, endpoints.scanEducation.path),
        multipartBody,
        fc.boolean(),
        async (path, part, boundary) => {
          const auth = { authorization: `Bearer ${await sessionOf(candidate)}` }
          let res: Response
          if (part.kind === 'file') {
            const form = new FormData()
            form.append(path === PHOTO_UPLOAD_PATH ? 'photo' : 'file', new Blob([new Uint8Array(part.bytes)]), 'x.jpg')
            res = await fetch(`${mock.url}${path}`, {
              method: 'POST',
              headers: auth,
              body: form,
              signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            })
          } else {
            res = await fetch(`${mock.url}${path}`, {
              method: 'POST',
              headers: {
                ...auth,
                'content-type': boundary ? 'multipart/form-data; boundary=xx' : 'multipart/form-data',
              },
              body: part.text,
              signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            })
          }
          await expectContractAnswer(res, `upload ${path}`)
          // Nothing hostile is ever accepted as an image.
          expect(res.status).toBeGreaterThanOrEqual(400)
        },
      ),
      { numRuns: 40 },
    )
  }, 60000)

  test('afterwards the server is healthy, Object.prototype untouched, the candidate still served', async () => {
    expect(Object.keys(Object.prototype)).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const health = await fetch(`${mock.url}/api/health`)
    expect(health.status).toBe(200)
    const me = await fetch(`${mock.url}/api/account/me`, {
      headers: { authorization: `Bearer ${await sessionOf(candidate)}` },
    })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { username: string }).username).toBe(candidate.username)
  })
})
