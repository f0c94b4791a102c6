import fs from 'node:fs'
import path from 'node:path'
import { DEMO_CANDIDATE } from '../../mock-server/scenarios'
import { startMock, type RunningMock } from '../support/servers'
import { makeJpeg } from '../support/photos'
import { bearer, send } from './support/candidates'

/**
 * A change of province (修改考区) takes everything tied to the old province with it (issue 20): the materials
 * (checked against the old province's list and formats), the confirmation and reviews, the centre and its enrolment
 * point (报名点). A PDF uploaded in 天津 is never "complete" in 新疆兵团, whose 单位工作证明 is JPG only.
 */
describe('修改考区 takes what belongs to the old province', () => {
  let mock: RunningMock
  const PDF = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'materials', 'proof.pdf'))
  let jpg: Buffer
  beforeAll(async () => {
    mock = await startMock()
    jpg = await makeJpeg({ width: 358, height: 441 })
  }, 60000)
  afterAll(() => mock.close())

  async function upload(token: string, id: string, key: string, bytes: Buffer, name: string, type: string) {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
    const res = await fetch(`${mock.url}/api/applications/${id}/materials/${key}`, {
      method: 'POST',
      headers: bearer(token),
      body: form,
    })
    expect(res.status).toBe(200)
  }

  test('materials uploaded in 天津 (a PDF among them) are gone in 新疆兵团, and the 报名点 with them', async () => {
    await mock.qaApi('loadScenario', { name: 'apply-open' })
    const { token } = await mock.qaApi('createSession', { username: DEMO_CANDIDATE.username })
    const { id } = await mock.qaApi('processApplication', {
      username: DEMO_CANDIDATE.username,
      province: '12',
      submit: false,
      materials: false,
    })
    await upload(token, id, 'id-card', jpg, 'id.jpg', 'image/jpeg')
    await upload(token, id, 'education', PDF, 'edu.pdf', 'application/pdf')
    await upload(token, id, 'work-proof', PDF, 'work.pdf', 'application/pdf')
    const inTianjin = (await send(mock, 'GET', `/api/applications/${id}/materials`, undefined, bearer(token))).body
    expect(inTianjin).toMatchObject({ complete: true })
    const app = mock.app.store.state.application.byId.get(id)!
    expect(app.steps.centre?.enrolPoint).toBeTruthy()

    const moved = await send(mock, 'POST', `/api/applications/${id}/province`, { province: '66' }, bearer(token))
    expect(moved.status).toBe(200)
    const inXinjiang = (await send(mock, 'GET', `/api/applications/${id}/materials`, undefined, bearer(token)))
      .body as { complete: boolean; required: Array<{ key: string; uploaded: unknown }> }
    expect(inXinjiang.complete).toBe(false)
    expect(inXinjiang.required.map((m) => m.uploaded)).toEqual(inXinjiang.required.map(() => null))
    expect(mock.app.store.state.process.materials.has(id)).toBe(false)
    const after = mock.app.store.state.application.byId.get(id)!
    expect(after.province).toBe('66')
    expect(after.steps.centre).toBeNull()
    expect(after.prefill.centre).toBeNull()
    expect(after).toMatchObject({
      confirmation: 'none',
      confirmationReason: null,
      centreReview: 'none',
      regionReview: 'none',
    })
  })

  test('a withdrawn, refused application changes province with its refusal and reviews gone', async () => {
    await mock.qaApi('loadScenario', { name: 'apply-open' })
    const { token } = await mock.qaApi('createSession', { username: DEMO_CANDIDATE.username })
    const { id } = await mock.qaApi('processApplication', { username: DEMO_CANDIDATE.username, province: '12' })
    await mock.qaApi('rejectConfirmation', { id, reason: '学历证书不清晰' })
    expect((await send(mock, 'POST', `/api/applications/${id}/withdraw`, {}, bearer(token))).status).toBe(200)
    expect(mock.app.store.state.process.materials.has(id)).toBe(true)
    const moved = await send(mock, 'POST', `/api/applications/${id}/province`, { province: '31' }, bearer(token))
    expect(moved.status).toBe(200)
    expect(mock.app.store.state.process.materials.has(id)).toBe(false)
    const materials = (await send(mock, 'GET', `/api/applications/${id}/materials`, undefined, bearer(token))).body
    expect(materials).toMatchObject({ complete: false, confirmation: 'none', reason: null })
  })
})
