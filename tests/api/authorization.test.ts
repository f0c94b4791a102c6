import { stateToJson } from '../../mock-server/core/persist'
import { endpoints } from '../../types/api'
import { startMock, type RunningMock } from '../support/servers'
import { makeJpeg } from '../support/photos'
import { postEducationRecord } from '../support/records'
import { bearer, registerCandidate, send, type Candidate } from './support/candidates'

/**
 * Authorization by enumeration (issue 11): every route the server registered (its own route table, not a list kept
 * by hand) that is not public is called with another candidate's session, an expired one, a logged-out one, a
 * forged one and none. Always refused, never the victim's data; QA and simulation routes absent unless enabled.
 */
describe('authorization by enumeration', () => {
  let mock: RunningMock
  let victim: Candidate
  let victimRecordId: string
  const tokens: Record<string, string | null> = {}

  /**
   * Public: the contract's `auth: false` endpoints, and the photos and uploaded materials shown by a short-lived
   * ticket (an <image> cannot send the session header; the ticket is issued to the session that may see the file).
   */
  const ticketRoutes = [
    'GET /api/photo-view/:ticket',
    'GET /api/application-photo/:ticket',
    'GET /api/material-view/:ticket',
  ]
  const publicRoutes = new Set([
    ...Object.values(endpoints)
      .filter((e) => !e.auth)
      .map((e) => `${e.method} ${e.path}`),
    ...ticketRoutes,
  ])
  const candidateRoutes = () =>
    mock.app.routeTable.filter(
      (r) =>
        r.url.startsWith('/api/') &&
        !['HEAD', 'OPTIONS'].includes(r.method) &&
        !publicRoutes.has(`${r.method} ${r.url}`),
    )

  beforeAll(async () => {
    mock = await startMock()
    victim = await registerCandidate(mock, { name: '受害者' })
    const form = new FormData()
    form.append('photo', new Blob([new Uint8Array(await makeJpeg({ width: 358, height: 441 }))]), 'p.jpg')
    await fetch(`${mock.url}/api/profile/photo`, { method: 'POST', headers: bearer(victim.token), body: form })
    const record = await postEducationRecord(mock.url, victim.token, 'VICTIM-0001')
    victimRecordId = ((await record.json()) as { id: string }).id
    await send(
      mock,
      'POST',
      '/api/profile/binding',
      { platform: 'h5', code: 'h5-victim-device-1' },
      bearer(victim.token),
    )

    tokens.other = (await registerCandidate(mock)).token
    const expired = await registerCandidate(mock)
    await mock.qaApi('expireSessions', { username: expired.username })
    tokens.expired = expired.token
    const loggedOut = await registerCandidate(mock)
    await send(mock, 'POST', '/api/account/logout', {}, bearer(loggedOut.token))
    tokens['logged-out'] = loggedOut.token
    tokens.forged = 'Zm9yZ2VkLXRva2VuLWZvcmdlZC10b2tlbg'
    tokens.none = null
  }, 30000)
  afterAll(() => mock.close())

  const fill = (url: string) =>
    url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) =>
      name === 'kind' ? 'education' : name === 'id' ? victimRecordId : 'x',
    )

  test('the route table holds candidate routes, and every /api route is in the contract or known', () => {
    const routes = candidateRoutes()
    expect(routes.length).toBeGreaterThanOrEqual(12)
    const contract = new Set(Object.values(endpoints).map((e) => `${e.method} ${e.path}`))
    for (const r of routes) expect(contract.has(`${r.method} ${r.url}`) || r.url === '/api/profile/photo').toBe(true)
  })

  test.each(['expired', 'logged-out', 'forged', 'none'])(
    'a %s session is refused by every candidate route',
    async (kind) => {
      for (const r of candidateRoutes()) {
        const token = tokens[kind]
        const res = await send(
          mock,
          r.method,
          fill(r.url),
          r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
          {
            ...(token ? bearer(token) : {}),
            'idempotency-key': `authz-${kind}-${r.method}-${r.url}`,
          },
        )
        const error = (res.body as { error?: { code?: string; message?: string } }).error
        expect({ route: `${r.method} ${r.url}`, status: res.status }).toEqual({
          route: `${r.method} ${r.url}`,
          status: 401,
        })
        expect(['UNAUTHORIZED', 'SESSION_EXPIRED']).toContain(error?.code)
        expect(error?.message).toMatch(/[\u4e00-\u9fff]/)
      }
    },
  )

  test("another candidate's session never reaches the victim's data", async () => {
    const before = victimView()
    for (const r of candidateRoutes()) {
      // Cancelling the other candidate's own account would end the walk early: it is checked last.
      if (r.url === endpoints.cancelAccount.path || r.url === endpoints.logout.path) continue
      const res = await send(
        mock,
        r.method,
        fill(r.url),
        r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        {
          ...bearer(tokens.other!),
          'idempotency-key': `authz-other-${r.method}-${r.url}`,
        },
      )
      expect(res.status).toBeLessThan(500)
      const text = JSON.stringify(res.body)
      for (const secret of [
        victim.username,
        victim.name,
        victim.idNumber,
        victim.idNumber.slice(-4) + '"',
        'VICTIM-0001',
        victimRecordId,
      ])
        expect({ route: `${r.method} ${r.url}`, leaks: text.includes(secret) }).toEqual({
          route: `${r.method} ${r.url}`,
          leaks: false,
        })
    }
    expect(victimView()).toEqual(before)
    // The victim's own session still works and sees everything.
    const records = await send(mock, 'GET', '/api/profile/records/education', undefined, bearer(victim.token))
    expect(JSON.stringify(records.body)).toContain('VICTIM-0001')
  })

  /** What the server keeps about the victim (their account, hub, binding), to compare before and after. */
  function victimView(): string {
    const state = mock.app.store.state
    const account = [...state.accounts.values()].find((a) => a.username === victim.username)!
    const bindings = [...state.profile.bindings.entries()].filter(([, b]) => b.accountId === account.id)
    return stateToJson({ account, profile: state.profile.byAccount.get(account.id), bindings })
  }

  test('without --qa there are no QA or simulation routes', async () => {
    const bare = await startMock({ qa: false })
    try {
      const leaked = bare.app.routeTable.filter((r) => r.url.startsWith('/__qa') || r.url.startsWith('/api/sim'))
      expect(leaked).toEqual([])
      const res = await fetch(`${bare.url}/api/sim/face/v-1/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
      expect(res.status).toBe(404)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
      // With --qa (npm start, the tests) the H5 app's stand-ins are there.
      expect(mock.app.routeTable.some((r) => r.url === endpoints.simFaceRun.path)).toBe(true)
    } finally {
      await bare.close()
    }
  })
})
