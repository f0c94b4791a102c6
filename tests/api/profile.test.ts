import fs from 'node:fs'
import path from 'node:path'
import { api, ApiError, setApiBase, setSessionToken } from '../../src/api'
import { makeIdNumber } from '../../mock-server/scenarios'
import { PHOTO_UPLOAD_PATH } from '../../types/profile'
import { makeJpeg } from '../support/photos'
import { startMock } from '../support/servers'
import { clientAgainstMock } from './support/client-mock'

/** The personal-info hub's server rules (issue 5): limits, locks and verification transitions. */
describe('profile API', () => {
  const mock = clientAgainstMock()
  let seq = 300
  const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'photos', name))

  /** A fresh candidate, logged in through the QA session shortcut. */
  async function candidate(): Promise<{ username: string; token: string; idNumber: string }> {
    const username = `hub${seq}`
    const idNumber = makeIdNumber('320102', '19950615', String(seq++))
    await mock.qaApi('createCandidate', { username, password: 'Abcdef12', name: '李四', idNumber })
    const { token } = await mock.qaApi('createSession', { username })
    setSessionToken(token)
    return { username, token, idNumber }
  }

  const fail = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected the call to fail')
      },
      (e: unknown) => e as ApiError,
    )

  async function upload(token: string, bytes: Buffer, filename = 'photo.jpg', type = 'image/jpeg') {
    const form = new FormData()
    form.append('photo', new Blob([new Uint8Array(bytes)], { type }), filename)
    const res = await fetch(`${mock.url}${PHOTO_UPLOAD_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    })
    return {
      status: res.status,
      body: (await res.json()) as { state?: string; error?: { code: string; message: string } },
    }
  }

  const record = (over: Record<string, string> = {}) => ({
    kind: 'education' as const,
    certificateNo: '104321202005001234',
    school: '首都医科大学',
    graduationDate: '2020-07-01',
    major: '护理学',
    level: '本科',
    studyMode: '全日制' as const,
    ...over,
  })

  test('a new candidate: everything missing, 网上报名 locked with the reason', async () => {
    await candidate()
    const s = await api.profileSummary()
    expect(s.photo.state).toBe('none')
    expect(s.education).toEqual({ total: 0, verified: 0, rejected: 0 })
    expect(s.binding.bound).toBe(false)
    expect(s.gate).toEqual({
      unlocked: false,
      missing: ['photo', 'education', 'binding'],
      reason: '请先上传照片、添加学历信息、完成账号绑定，再进行网上报名',
    })
  })

  test('basic info masks the ID number (first 4, last 4)', async () => {
    const { idNumber, username } = await candidate()
    const b = await api.profileBasic()
    expect(b.idNumberMasked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`)
    expect(JSON.stringify(b)).not.toContain(idNumber)
    expect(b).toMatchObject({ username, name: '李四', idTypeName: '居民身份证', identity: 'passed', photo: 'none' })
    await mock.qaApi('identity', { username, state: 'failed' })
    expect((await api.profileBasic()).identity).toBe('failed')
  })

  test('photo upload: checked from the bytes, not the name; each rule its own code', async () => {
    const { token } = await candidate()
    const png = await upload(token, fixture('not-jpeg-358x441.png'), 'renamed.jpg', 'image/jpeg')
    expect(png.status).toBe(400)
    expect(png.body.error).toMatchObject({
      code: 'PHOTO_FORMAT',
      message: '照片格式不符：只能上传 JPG/JPEG 格式，所选文件为 PNG',
    })

    const at45 = await upload(token, await makeJpeg({ width: 295, height: 413, noise: false, bytes: 46080 }))
    expect(at45.body.error?.code).toBe('PHOTO_FILE_TOO_SMALL')
    const few = await upload(token, fixture('few-pixels-260x380.jpg'))
    expect(few.body.error).toMatchObject({ code: 'PHOTO_PIXELS_TOO_FEW' })
    expect(few.body.error?.message).toContain('所选照片为 260×380')

    const ok = await upload(
      token,
      await makeJpeg({ width: 295, height: 413, noise: false, bytes: 46081 }),
      'x.png',
      'image/png',
    )
    expect(ok.status).toBe(200)
    expect(ok.body.state).toBe('pending')
  })

  test('photo without a session is refused; the shown image needs a fresh ticket, not a personal id', async () => {
    const { token } = await candidate()
    setSessionToken(null)
    const anon = await fetch(`${mock.url}${PHOTO_UPLOAD_PATH}`, { method: 'POST', body: new FormData() })
    expect(anon.status).toBe(401)
    setSessionToken(token)
    const bytes = fixture('valid-358x441.jpg')
    expect((await upload(token, bytes)).status).toBe(200)
    const info = await api.profilePhoto()
    expect(info).toMatchObject({ state: 'pending', width: 358, height: 441, size: bytes.length, locked: false })
    expect(info.imageUrl).toMatch(/^\/api\/photo-view\/[A-Za-z0-9_-]{20,}$/)
    const img = await fetch(`${mock.url}${info.imageUrl}`)
    expect(img.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await img.arrayBuffer()).equals(bytes)).toBe(true)
    expect((await fetch(`${mock.url}/api/photo-view/not-a-ticket`)).status).toBe(404)
  })

  test('photo verification: 待核验 → 不通过 (reason, may replace) → 通过 (locked)', async () => {
    const { token, username } = await candidate()
    await expect(mock.qaApi('photoOutcome', { username, outcome: 'passed' })).rejects.toThrow(/PHOTO_MISSING/)
    await upload(token, fixture('valid-358x441.jpg'))
    await mock.qaApi('photoOutcome', { username, outcome: 'failed', reason: '背景不是白色' })
    expect(await api.profilePhoto()).toMatchObject({ state: 'failed', reason: '背景不是白色', locked: false })
    expect((await api.profileSummary()).gate.missing).toContain('photo')

    expect((await upload(token, fixture('valid-358x441.jpg'))).body.state).toBe('pending')
    await mock.qaApi('photoOutcome', { username, outcome: 'passed' })
    expect(await api.profilePhoto()).toMatchObject({
      state: 'passed',
      locked: true,
      lockReason: '照片已核验通过，不能更换',
    })
    const again = await upload(token, fixture('valid-358x441.jpg'))
    expect(again.status).toBe(409)
    expect(again.body.error?.code).toBe('PHOTO_LOCKED')
    await expect(mock.qaApi('photoOutcome', { username, outcome: 'failed' })).rejects.toThrow(/409/)
  })

  test('photo is locked once an application exists', async () => {
    const { token, username } = await candidate()
    await upload(token, fixture('valid-358x441.jpg'))
    await mock.qaApi('applicationData', { username: username, present: true })
    expect(await api.profilePhoto()).toMatchObject({
      state: 'pending',
      locked: true,
      lockReason: '您已报名考试，照片不能更换',
    })
    expect((await upload(token, fixture('valid-358x441.jpg'))).body.error?.code).toBe('PHOTO_LOCKED')
  })

  test('records: validation messages per field, lists checked on the server', async () => {
    await candidate()
    const future = await fail(api.addRecord(record({ graduationDate: '2999-01-01' })))
    expect(future.code).toBe('VALIDATION_FAILED')
    expect(future.fields.graduationDate).toBe('毕业时间不能晚于今天')
    const unknown = await fail(api.addRecord(record({ school: '霍格沃茨魔法学校' })))
    expect(unknown.fields.school).toContain('未找到该学校')
    const other = await api.addRecord(
      record({ school: '其他学校', otherSchool: '某县卫生学校', major: '其他专业', otherMajor: '社区护理' }),
    )
    expect(other).toMatchObject({
      otherSchool: '某县卫生学校',
      otherMajor: '社区护理',
      state: 'unverified',
      deletable: true,
    })
    const degreeWithEducationLevel = await fail(api.addRecord(record({ kind: 'degree', level: '本科' })))
    expect(degreeWithEducationLevel.fields.level).toBe('请选择学位')
  })

  test('a degree has no 培养方式: saved without one (one sent is not kept); an education record needs it', async () => {
    await candidate()
    const { studyMode: _omitted, ...noMode } = record()
    const education = await fail(api.addRecord(noMode))
    expect(education.fields.studyMode).toBe('请选择培养方式')
    const degree = await api.addRecord({ ...noMode, kind: 'degree', level: '学士' })
    expect(degree).toMatchObject({ kind: 'degree', level: '学士', studyMode: '' })
    const older = await api.addRecord(record({ kind: 'degree', level: '硕士', certificateNo: '1024642018117520' }))
    expect(older.studyMode).toBe('')
    expect((await api.listRecords('degree')).records.map((r) => r.studyMode)).toEqual(['', ''])
  })

  test('at most 5 records of each kind: the sixth is refused, the other kind is separate', async () => {
    await candidate()
    for (let i = 0; i < 5; i++) await api.addRecord(record({ certificateNo: `10432120200500${1000 + i}` }))
    const sixth = await fail(api.addRecord(record()))
    expect(sixth.status).toBe(409)
    expect(sixth.code).toBe('RECORD_LIMIT')
    expect(sixth.message).toBe('学历信息最多添加 5 条')
    await api.addRecord(record({ kind: 'degree', level: '学士' }))
    expect((await api.listRecords('education')).records).toHaveLength(5)
    expect((await api.listRecords('degree')).records).toHaveLength(1)
  })

  test('verification transitions; a verified record cannot be deleted, others can; the gate opens', async () => {
    const { token, username } = await candidate()
    const a = await api.addRecord(record())
    const b = await api.addRecord(record({ certificateNo: '104321202005009999' }))
    expect((await api.profileSummary()).gate.reason).toContain('等待学历信息核验通过')

    const verified = await mock.qaApi('recordOutcome', { username, id: a.id, outcome: 'verified' })
    expect(verified.state).toBe('verified')
    await expect(mock.qaApi('recordOutcome', { username, id: a.id, outcome: 'rejected' })).rejects.toThrow(/409/)
    await mock.qaApi('recordOutcome', { username, outcome: 'rejected', reason: '证书编号与学信网不符' })

    const list = (await api.listRecords('education')).records
    expect(list.map((r) => [r.state, r.deletable])).toEqual([
      ['verified', false],
      ['rejected', true],
    ])
    expect(list[1].reason).toBe('证书编号与学信网不符')
    const refused = await fail(api.deleteRecord('education', a.id))
    expect(refused.code).toBe('RECORD_NOT_DELETABLE')
    expect(refused.message).toBe('已核验通过的记录不能删除')
    await api.deleteRecord('education', b.id)
    expect((await fail(api.deleteRecord('education', b.id))).code).toBe('NOT_FOUND')

    await upload(token, fixture('valid-358x441.jpg'))
    await api.bind({ platform: 'h5', code: 'h5-device0001' + seq })
    const s = await api.profileSummary()
    expect(s.education).toEqual({ total: 1, verified: 1, rejected: 0 })
    expect(s.gate).toEqual({ unlocked: true, missing: [], reason: null })
  })

  test('binding: one platform account binds one candidate; unbind then the gate locks again', async () => {
    const first = await candidate()
    const code = `h5-shared${seq}`
    const bound = await api.bind({ platform: 'h5', code })
    expect(bound).toMatchObject({ bound: true, platform: 'h5' })
    expect(bound.accountMasked).not.toBe(code)
    expect(bound.followQr).toMatch(/^data:image\/png;base64,/)
    expect(await api.bind({ platform: 'h5', code })).toMatchObject({ bound: true }) // same again: no change
    expect((await fail(api.bind({ platform: 'h5', code: 'h5-otherdevice' }))).code).toBe('BINDING_EXISTS')

    await candidate()
    const taken = await fail(api.bind({ platform: 'h5', code }))
    expect(taken.status).toBe(409)
    expect(taken.code).toBe('BINDING_TAKEN')
    expect(taken.message).toBe('该浏览器账号已绑定其他考生，一个平台账号只能绑定一名考生')
    expect((await fail(api.bind({ platform: 'h5', code: 'weapp-123' }))).code).toBe('BINDING_CODE_INVALID')
    expect(await api.bind({ platform: 'weapp', code: '0a1b2c3d' })).toMatchObject({ bound: true, platform: 'weapp' })

    setSessionToken(first.token)
    expect(await api.unbind()).toMatchObject({ bound: false, platform: null })
    expect((await fail(api.unbind())).code).toBe('BINDING_NONE')
    expect((await api.profileSummary()).gate.missing).toContain('binding')
  })

  test('school search: keyword over the shipped list, no login needed', async () => {
    setSessionToken(null)
    const { schools } = await api.searchSchools('协和')
    expect(schools).toContain('北京协和医学院')
    expect((await api.searchSchools('卫生职业')).schools.length).toBeGreaterThan(5)
    expect((await api.searchSchools('没有这种学校')).schools).toEqual([])
    expect((await fail(api.searchSchools(' '))).code).toBe('VALIDATION_FAILED')
  })

  test('QA session shortcut needs an existing candidate', async () => {
    await expect(mock.qaApi('createSession', { username: 'nobody-here' })).rejects.toThrow(/404/)
  })
})

describe('hub-ready scenario', () => {
  test('the demo candidate starts with the hub complete and 网上报名 open', async () => {
    const mock = await startMock({ scenario: 'hub-ready' })
    try {
      setApiBase(mock.url)
      const { token } = await mock.qaApi('createSession', { username: 'demo2026' })
      setSessionToken(token)
      const s = await api.profileSummary()
      expect(s.gate).toEqual({ unlocked: true, missing: [], reason: null })
      expect(s.photo.state).toBe('passed')
      const photo = await api.profilePhoto()
      expect(photo).toMatchObject({ locked: true, width: 358, height: 441 })
      const img = await fetch(`${mock.url}${photo.imageUrl}`)
      expect(img.status).toBe(200)
      expect((await api.listRecords('degree')).records[0]).toMatchObject({ state: 'verified', deletable: false })
    } finally {
      await mock.close()
      setSessionToken(null)
    }
  })
})
