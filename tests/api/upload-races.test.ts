import http from 'node:http'
import path from 'node:path'
import fs from 'node:fs'
import os from 'node:os'
import { DEMO_CANDIDATE } from '../../mock-server/scenarios'
import { startMock, type RunningMock } from '../support/servers'
import { makeJpeg } from '../support/photos'
import { bearer, expectContractError, registerCandidate, send } from './support/candidates'

/**
 * Every upload that keeps something re-checks its rule after the body has arrived, in one turn with the state write
 * (mock-server/core/upload-commit.ts), so a lock or a state change that lands while the file is on the wire wins
 * (issue 20). Each case sends half a multipart body by hand, changes the state, then finishes the body: the upload
 * is refused with the rule's code and the stored state is what the change left.
 */

/** A multipart upload whose body stops halfway until `finish()`; the answer as status and parsed JSON. */
async function pausedUpload(
  mock: RunningMock,
  urlPath: string,
  token: string,
  field: string,
  bytes: Buffer,
  file = { name: 'photo.jpg', type: 'image/jpeg' },
): Promise<{ finish: () => Promise<{ status: number; body: unknown }> }> {
  const boundary = `----race${Math.random().toString(16).slice(2)}`
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const req = http.request(`${mock.url}${urlPath}`, {
    method: 'POST',
    headers: {
      ...bearer(token),
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(body.length),
    },
  })
  const answer = new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    req.on('error', reject)
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }))
    })
  })
  const half = Math.floor(body.length / 2)
  req.write(body.subarray(0, half))
  // The handler has run its first check and is reading the body (the headers and half the file are in).
  await new Promise((r) => setTimeout(r, 300))
  return {
    finish: () => {
      req.end(body.subarray(half))
      return answer
    },
  }
}

const code = (res: { body: unknown }) => (res.body as { error?: { code?: string } }).error?.code

describe('uploads re-check their rule when they are stored (a state change mid-body wins)', () => {
  let mock: RunningMock
  let photo: Buffer
  let otherPhoto: Buffer
  const PDF = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'materials', 'proof.pdf'))

  beforeAll(async () => {
    mock = await startMock()
    photo = await makeJpeg({ width: 358, height: 441 })
    otherPhoto = await makeJpeg({ width: 360, height: 441 })
  }, 60000)
  afterAll(() => mock.close())

  /** `apply-open`, the demo candidate logged in, and a complete application in `province` (not submitted). */
  async function openApplication(province: string, materials = true) {
    await mock.qaApi('loadScenario', { name: 'apply-open' })
    const { token } = await mock.qaApi('createSession', { username: DEMO_CANDIDATE.username })
    const a = await mock.qaApi('processApplication', {
      username: DEMO_CANDIDATE.username,
      province,
      submit: false,
      materials,
    })
    return { token, id: a.id }
  }
  const stored = (id: string) => mock.app.store.state.application.byId.get(id)!

  test('the hub photo: a photo that passes review while another is on the wire stays', async () => {
    const c = await registerCandidate(mock)
    const first = await pausedUpload(mock, '/api/profile/photo', c.token, 'photo', photo)
    expect((await first.finish()).status).toBe(200)
    const blob = mock.app.store.state.profile.byAccount.get(
      [...mock.app.store.state.accounts.values()].find((a) => a.username === c.username)!.id,
    )!.photo!.blob

    const second = await pausedUpload(mock, '/api/profile/photo', c.token, 'photo', otherPhoto)
    await mock.qaApi('photoOutcome', { username: c.username, outcome: 'passed' })
    const res = await second.finish()
    expectContractError(res, 409)
    expect(code(res)).toBe('PHOTO_LOCKED')
    const now = await send(mock, 'GET', '/api/profile/photo', undefined, bearer(c.token))
    expect(now.body).toMatchObject({ state: 'passed', locked: true })
    const account = [...mock.app.store.state.accounts.values()].find((a) => a.username === c.username)!
    expect(mock.app.store.state.profile.byAccount.get(account.id)!.photo!.blob).toBe(blob)
  })

  test('the exam photo: 提交报名信息 and 报名确认 while it is on the wire win', async () => {
    const { token, id } = await openApplication('11')
    const before = structuredClone(stored(id).photo)
    const upload = await pausedUpload(mock, `/api/applications/${id}/photo`, token, 'photo', otherPhoto)
    const submitted = await send(
      mock,
      'POST',
      `/api/applications/${id}/submit`,
      { version: stored(id).version },
      bearer(token),
    )
    expect(submitted.status).toBe(200)
    await mock.qaApi('confirmApplication', { id })
    const version = stored(id).version

    const res = await upload.finish()
    expectContractError(res, 409)
    expect(code(res)).toBe('APPLICATION_CONFIRMED')
    expect(stored(id).photo).toEqual(before)
    expect(stored(id).version).toBe(version) // the same 验证码
    expect(stored(id).confirmation).toBe('confirmed')
  })

  test('a material: a submission while it is on the wire wins (材料 locked as submitted)', async () => {
    const { token, id } = await openApplication('12')
    const before = structuredClone(mock.app.store.state.process.materials.get(id))
    const upload = await pausedUpload(mock, `/api/applications/${id}/materials/education`, token, 'file', PDF, {
      name: 'proof.pdf',
      type: 'application/pdf',
    })
    const submitted = await send(
      mock,
      'POST',
      `/api/applications/${id}/submit`,
      { version: stored(id).version },
      bearer(token),
    )
    expect(submitted.status).toBe(200)

    const res = await upload.finish()
    expectContractError(res, 409)
    expect(code(res)).toBe('MATERIALS_LOCKED')
    expect(mock.app.store.state.process.materials.get(id)).toEqual(before)
  })

  test('a material: a change of province (修改考区) while it is on the wire wins', async () => {
    const { token, id } = await openApplication('12', false)
    const upload = await pausedUpload(mock, `/api/applications/${id}/materials/work-proof`, token, 'file', PDF, {
      name: 'proof.pdf',
      type: 'application/pdf',
    })
    // 新疆兵团 asks for the same 单位工作证明, as a JPG only.
    const moved = await send(mock, 'POST', `/api/applications/${id}/province`, { province: '66' }, bearer(token))
    expect(moved.status).toBe(200)

    const res = await upload.finish()
    expectContractError(res, 409)
    expect(code(res)).toBe('PROVINCE_CHANGED')
    expect(mock.app.store.state.process.materials.get(id) ?? []).toEqual([])
  })

  test('with --data (the blob written to disk before the final check), a confirmation mid-body still wins', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-race-'))
    const disk = await startMock({ dataFile: path.join(dir, 'state.json') })
    try {
      await disk.qaApi('loadScenario', { name: 'apply-open' })
      const { token } = await disk.qaApi('createSession', { username: DEMO_CANDIDATE.username })
      const { id } = await disk.qaApi('processApplication', {
        username: DEMO_CANDIDATE.username,
        province: '12',
        submit: true,
        materials: true,
      })
      await disk.qaApi('rejectConfirmation', { id, reason: '学历证书不清晰' })
      const before = structuredClone(disk.app.store.state.process.materials.get(id))
      const upload = await pausedUpload(disk, `/api/applications/${id}/materials/education`, token, 'file', PDF, {
        name: 'proof.pdf',
        type: 'application/pdf',
      })
      await disk.qaApi('confirmApplication', { id })
      const res = await upload.finish()
      expectContractError(res, 409)
      expect(code(res)).toBe('MATERIALS_LOCKED')
      expect(disk.app.store.state.process.materials.get(id)).toEqual(before)
    } finally {
      await disk.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  test('an upload whose session ends (logout) while it is on the wire stores nothing', async () => {
    const c = await registerCandidate(mock)
    const upload = await pausedUpload(mock, '/api/profile/photo', c.token, 'photo', photo)
    expect((await send(mock, 'POST', '/api/account/logout', {}, bearer(c.token))).status).toBe(200)
    const res = await upload.finish()
    expect(res.status).toBe(401)
    const account = [...mock.app.store.state.accounts.values()].find((a) => a.username === c.username)!
    expect(mock.app.store.state.profile.byAccount.get(account.id)?.photo ?? null).toBeNull()
  })
})
