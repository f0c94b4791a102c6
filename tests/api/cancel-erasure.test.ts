import { stateToJson } from '../../mock-server/core/persist'
import { startMock, type RunningMock } from '../support/servers'
import { bearer, registerCandidate, send, solvedCaptcha } from './support/candidates'

/**
 * Cancellation erases every record that names the candidate, face verifications included (issue 20): their own face
 * logins, and a stranger's face start with their ID number, on every platform. What may stay is the face rate
 * limit's count, under a digest of the ID number. The whole state (every Map, as the data file would hold it) is
 * walked for the name and the ID number.
 */
describe('cancellation leaves no record naming the candidate', () => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock()
  })
  afterAll(() => mock.close())

  test('after cancelling, no face verification holds their name or ID number', async () => {
    const c = await registerCandidate(mock, { name: '司马清扬' })
    const start = async (name: string, platform: string, extra: Record<string, string> = {}) => {
      const res = await send(mock, 'POST', '/api/account/face-login/start', {
        name,
        idNumber: c.idNumber,
        platform,
        ...extra,
        ...(await solvedCaptcha(mock)),
      })
      expect(res.status).toBe(200)
      return (res.body as { verifyId: string }).verifyId
    }
    // Their own face login, finished (H5 simulation), and one started on WeChat.
    await mock.qaApi('simFace', { outcome: 'pass' })
    const own = await start(c.name, 'h5')
    const finished = await send(mock, 'POST', '/api/account/face-login/finish', {
      verifyId: own,
      name: c.name,
      idNumber: c.idNumber,
    })
    expect(finished.status).toBe(200)
    await start(c.name, 'weapp', { loginCode: 'wx-code-erase-0001' })
    // A stranger tries their ID number with another name, on Alipay.
    await start('欧阳路人', 'alipay')
    const before = stateToJson(mock.app.store.state)
    expect(before).toContain(c.idNumber)
    expect(before).toContain(c.name)

    const cancel = await send(mock, 'POST', '/api/account/cancel', { confirm: true }, bearer(c.token))
    expect(cancel.status).toBe(200)
    const left = stateToJson(mock.app.store.state)
    expect(left).not.toContain(c.idNumber)
    expect(left).not.toContain(c.idNumber.slice(0, 17)) // nor the number without its check digit
    expect(left).not.toContain(c.name)
    expect(left).not.toContain('欧阳路人') // the stranger's try named them (by number) too
    const face = mock.app.store.state.face
    expect(face.flows.size).toBe(0)
    expect(face.wechat.verifications.size + face.alipay.verifications.size + face.sim.verifications.size).toBe(0)
    // The rate limit still remembers the tries, under a digest.
    expect([...face.starts.keys()].some((k) => k.startsWith('id:'))).toBe(true)
  })
})
