import fs from 'node:fs'
import path from 'node:path'
import { api, ApiError, call, newIdempotencyKey, setSessionToken } from '../../src/api'
import { DEMO_CANDIDATE, makeIdNumber } from '../../mock-server/scenarios'
import { HISTORICAL_ID_CHANGED } from '../../mock-server/features/application/scenarios'
import type { ApplicationView } from '../../types/application'
import { makeJpeg } from '../support/photos'
import { stateToJson } from '../../mock-server/core/persist'
import type { QaEndpointName } from '../../types/qa'
import type { QaLooseRequest } from '../../scripts/lib/qa-client'
import { startMock } from '../support/servers'
import { clientAgainstMock } from './support/client-mock'
import { FILLED, fillApplication } from '../support/application-fixture'

/** The online application's server (issue 13): the real client against the live mock server. */
describe('application API', () => {
  const mock = clientAgainstMock()
  let seq = 500

  const fail = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected the call to fail')
      },
      (e: unknown) => e as ApiError,
    )

  async function scenario(name: string): Promise<void> {
    await mock.qaApi('loadScenario', { name })
  }
  async function login(username: string): Promise<string> {
    const { token } = await mock.qaApi('createSession', { username })
    setSessionToken(token)
    return token
  }
  /** A QA call's answer as it came (status and body), for the refusals these tests assert. */
  async function qaReply<N extends QaEndpointName>(name: N, input: QaLooseRequest<N>) {
    return (await mock.qaApi.reply(name, input)) as { status: number; body: Record<string, unknown> }
  }

  /** `apply-open` and the demo candidate logged in; this year's 卫生 exam id. */
  async function open(): Promise<string> {
    await scenario('apply-open')
    await login(DEMO_CANDIDATE.username)
    const { exams } = await api.applicationExams()
    return exams.find((e) => e.kind === 'health' && e.windowState === 'open')!.id
  }

  async function verifiedRecord(kind: 'education' | 'degree'): Promise<string> {
    return (await api.listRecords(kind)).records.find((r) => r.state === 'verified')!.id
  }

  // Typed with spaces, saved without.
  const contact = { ...FILLED.contact, mobile: '139 1234 5678' }
  const { examInfo, work } = FILLED

  /** Starts an application in 北京 and saves all six steps and the photo. */
  async function filled(examId: string, province = '11'): Promise<ApplicationView> {
    const app = await api.startApplication({ examId, province })
    await api.acceptDeclarations(app.id)
    return fillApplication(
      api,
      app.id,
      { educationRecordId: await verifiedRecord('education'), degreeRecordId: await verifiedRecord('degree') },
      `${province}01`,
    )
  }

  afterEach(() => mock.qaApi('setClock', { real: true }))

  test('exams: open ones with their windows, last year closed with its dates, the gate, an applied exam says so', async () => {
    const examId = await open()
    const { exams, gate } = await api.applicationExams()
    expect(gate.unlocked).toBe(true)
    const year = Number(examId.slice(-4))
    expect(exams.map((e) => [e.name, e.windowState])).toEqual([
      [`${year}年度卫生专业技术资格考试`, 'open'],
      [`${year}年护士执业资格考试`, 'open'],
      [`${year - 1}年度卫生专业技术资格考试`, 'closed'],
    ])
    for (const e of exams) {
      expect(Date.parse(e.window.opensAt)).toBeLessThan(Date.parse(e.window.closesAt))
      expect(e.examDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(e.application).toBeNull()
    }
    const app = await api.startApplication({ examId, province: '11' })
    const again = await api.applicationExams()
    expect(again.exams[0].application).toEqual({ id: app.id, province: '11', status: 'filling' })

    const closed = exams[2].id
    expect((await fail(api.startApplication({ examId: closed, province: '11' }))).code).toBe(
      'APPLICATION_WINDOW_CLOSED',
    )
    const dup = await fail(api.startApplication({ examId, province: '12' }))
    expect(dup).toMatchObject({ code: 'APPLICATION_EXISTS', status: 409 })
    expect(dup.details).toEqual({ applicationId: app.id })
  })

  test('dictionaries: 32 考区 with flags, centres per province, specialities with levels and subjects', async () => {
    const examId = await open()
    const d = await api.applicationDictionaries(examId)
    expect(d.provinces).toHaveLength(32)
    const flag = (name: string) => d.provinces.find((p) => p.name === name)!
    expect(flag('新疆兵团')).toMatchObject({ code: '66', onlineConfirmation: true, autoConfirm: true })
    expect(d.provinces.filter((p) => p.onlineConfirmation).map((p) => p.name)).toEqual(['天津', '上海', '新疆兵团'])
    expect(d.provinces.filter((p) => p.autoConfirm)).toHaveLength(12)
    expect(d.provinces.some((p) => p.onlinePayment && !p.mobilePayment)).toBe(true)
    expect(d.provinces.some((p) => !p.onlinePayment)).toBe(true)
    expect(d.levels.map((l) => l.name)).toEqual(['初级(士)', '初级(师)', '中级'])
    expect(d.specialities.find((s) => s.code === '368')).toMatchObject({ name: '内科护理', level: '3' })
    expect(d.categories.find((c) => c.code === 'pharmacy')!.practiceCategories).toEqual(['无'])
    const nurse = await api.applicationDictionaries(examId.replace('health', 'nurse'))
    expect(nurse.specialities[0].subjects.map((s) => s.name)).toEqual(['专业实务', '实践能力'])
    const tianjin = await api.applicationCentres(examId, '12')
    expect(tianjin.centres[0].enrolPoints.length).toBeGreaterThan(0)
    expect(tianjin.units.at(-1)).toBe('其他')
    expect((await api.applicationCentres(examId, '11')).centres[0].enrolPoints).toEqual([])
    expect((await fail(api.applicationCentres(examId, '99'))).code).toBe('VALIDATION_FAILED')
  })

  test('the hub gate applies: a candidate without photo, verified record and binding cannot start', async () => {
    const examId = await open()
    const username = `apply${seq++}`
    await mock.qaApi('createCandidate', {
      username,
      password: 'Abcdef12',
      name: '李四',
      idNumber: makeIdNumber('320102', '19950615', String(seq)),
    })
    await login(username)
    const e = await fail(api.startApplication({ examId, province: '11' }))
    expect(e).toMatchObject({ code: 'APPLY_GATE_LOCKED', status: 403 })
    expect(e.message).toBe('请先上传照片、添加学历信息、完成账号绑定，再进行网上报名')
  })

  test('steps: declarations first; each save is validated, stored and shown again; the version moves', async () => {
    const examId = await open()
    const app = await api.startApplication({ examId, province: '11' })
    expect(app).toMatchObject({ status: 'filling', version: 1, declarationsAccepted: false })
    expect(app.missing).toEqual(['centre', 'basic', 'contact', 'examInfo', 'education', 'work', 'photo'])
    expect(app.identity).toMatchObject({ name: '张三', gender: '男', birthDate: '1990-03-07', nationality: '中国' })
    expect(JSON.stringify(app)).not.toContain(DEMO_CANDIDATE.idNumber)

    expect((await fail(api.saveCentreStep({ id: app.id, centre: '1101' }))).code).toBe('DECLARATIONS_REQUIRED')
    await api.acceptDeclarations(app.id)
    const c = await api.saveCentreStep({ id: app.id, centre: '1101' })
    expect(c.version).toBe(2)
    expect(c.steps.centre).toEqual({ centre: '1101', enrolPoint: '' })
    const saved = await api.saveContactStep({ id: app.id, ...contact })
    expect(saved.steps.contact).toMatchObject({ mobile: '13912345678', postcode: '100191' })
    expect((await api.getApplication(app.id)).steps.contact?.mobile).toBe('13912345678')
    expect(saved.nodes.map((n) => [n.name, n.state])).toEqual([
      ['填写信息', 'current'],
      ['提交信息', 'todo'],
      ['报名确认', 'todo'],
      ['资格审核', 'todo'],
      ['报名缴费', 'todo'],
      ['报名成功', 'todo'],
    ])
    const done = await filled(examId.replace('health', 'nurse'), '11').catch((e: ApiError) => e)
    // The nurse exam has its own speciality: the 卫生 one is refused there.
    expect((done as ApiError).code).toBe('VALIDATION_FAILED')
  })

  test('every refused rule has its code and its field', async () => {
    const examId = await open()
    const app = await api.startApplication({ examId, province: '11' })
    await api.acceptDeclarations(app.id)
    const fields = async (p: Promise<unknown>) => {
      const e = await fail(p)
      expect(e.code).toBe('VALIDATION_FAILED')
      return e.fields ?? {}
    }
    const id = app.id
    expect(await fields(api.saveCentreStep({ id, centre: '1201' }))).toEqual({ centre: '请选择本考区的考点' })
    expect(await fields(api.saveContactStep({ id, ...contact, mobile: '12912345678' }))).toEqual({
      mobile: '手机号码应以13-19开头',
    })
    expect(await fields(api.saveContactStep({ id, ...contact, postcode: '10019' }))).toEqual({
      postcode: '邮政编码应为6位数字',
    })
    expect((await fields(api.saveContactStep({ id, ...contact, address: '北京' }))).address).toMatch(/太短/)
    expect(await fields(api.saveExamInfoStep({ id, ...examInfo, practiceCategory: '临床' }))).toEqual({
      practiceCategory: '所选执业类别与专业类别不符，请重新选择',
    })
    expect(await fields(api.saveExamInfoStep({ id, ...examInfo, firstRegistration: '' }))).toEqual({
      firstRegistration: '执业类别不为“无”时，请填写首次注册年月',
    })
    // 执业类别 无: 首次注册年月 not asked, and not kept.
    const none = await api.saveExamInfoStep({ id, ...examInfo, practiceCategory: '无', firstRegistration: '2013-09' })
    expect(none.steps.examInfo?.firstRegistration).toBe('')
    expect(await fields(api.saveExamInfoStep({ id, ...examInfo, residencyHolder: true }))).toEqual({
      residencyCertDate: '已取得住培合格证书的，请填写住培合格证书发证年月',
    })
    expect(await fields(api.saveExamInfoStep({ id, ...examInfo, subjects: ['P1'] }))).toEqual({
      subjects: '报考科目不属于所选专业',
    })
    expect((await fields(api.saveExamInfoStep({ id, ...examInfo, speciality: '203' }))).speciality).toBeTruthy()
    expect(await fields(api.saveWorkStep({ id, ...work, unitName: '其他', otherUnitName: '某某诊所' }))).toEqual({
      unitType: '单位名称为“其他”时，请选择单位类别',
    })
    const other = await api.saveWorkStep({
      id,
      ...work,
      unitName: '其他',
      otherUnitName: '北京某某诊所',
      unitType: '民营医疗机构',
    })
    expect(other.steps.work).toMatchObject({ otherUnitName: '北京某某诊所', unitType: '民营医疗机构' })
    expect(await fields(api.saveWorkStep({ id, ...work, workStart: '2999-01' }))).toEqual({
      workStart: '参加工作时间不能晚于本月',
    })
    await api.saveEducationStep({ id, educationRecordId: await verifiedRecord('education') })
    // The demo record graduated 2012-07: work cannot start before it.
    expect(await fields(api.saveWorkStep({ id, ...work, workStart: '2011-01', specialityYears: 1 }))).toEqual({
      workStart: '参加工作时间不能早于毕业时间（2012-07）',
    })
    expect((await fields(api.saveWorkStep({ id, ...work, specialityYears: 40 }))).specialityYears).toMatch(/不能超过/)

    await api.addRecord({
      kind: 'education',
      certificateNo: '104321202005009999',
      school: '首都医科大学',
      graduationDate: '2020-07-01',
      major: '护理学',
      level: '本科',
      studyMode: '全日制',
    })
    const unverified = (await api.listRecords('education')).records.find((r) => r.state === 'unverified')!
    const e = await fail(api.saveEducationStep({ id, educationRecordId: unverified.id }))
    expect(e).toMatchObject({ code: 'RECORD_NOT_VERIFIED', status: 400 })

    // 天津 confirms online: its 报名点 is required with the test centre.
    const exams = await api.applicationExams()
    const nurse = exams.exams.find((x) => x.kind === 'nurse')!.id
    const tj = await api.startApplication({ examId: nurse, province: '12' })
    await api.acceptDeclarations(tj.id)
    expect(await fields(api.saveCentreStep({ id: tj.id, centre: '1201' }))).toEqual({ enrolPoint: '请选择报名点' })
    const withPoint = await api.saveCentreStep({ id: tj.id, centre: '1201', enrolPoint: '120101' })
    expect(withPoint.nodes.map((n) => n.name)).toEqual([
      '填写信息',
      '上传材料',
      '提交信息',
      '报名确认',
      '资格审核',
      '报名缴费',
      '报名成功',
    ])
  })

  test('证件有效截止日期 before the exam date warns and is accepted', async () => {
    const examId = await open()
    const app = await api.startApplication({ examId, province: '11' })
    await api.acceptDeclarations(app.id)
    const soon = await api.saveBasicStep({ id: app.id, idValidUntil: '2020-01-01', ethnicity: '汉族' })
    expect(soon.steps.basic?.idValidUntil).toBe('2020-01-01')
    expect(soon.warnings[0]).toMatch(/^您的证件将于2020-01-01到期，早于考试日期/)
    const long = await api.saveBasicStep({ id: app.id, idValidUntil: '长期', ethnicity: '汉族' })
    expect(long.warnings).toEqual([])
  })

  test('submit: incomplete and stale refused; once submitted the steps are locked; a repeated key is answered once', async () => {
    const examId = await open()
    const start = await api.startApplication({ examId, province: '11' })
    await api.acceptDeclarations(start.id)
    const incomplete = await fail(api.submitApplication(start.id, 1))
    expect(incomplete).toMatchObject({ code: 'APPLICATION_INCOMPLETE', status: 409 })
    expect(incomplete.message).toBe(
      '报名信息尚未填写完整：考点信息、基本信息、联系方式、报考信息、教育情况、工作情况、考试照片',
    )
    expect((await fail(api.applicationForm(start.id))).code).toBe('APPLICATION_INCOMPLETE')
    await mock.qaApi('loadScenario', { name: 'apply-open' })
    await login(DEMO_CANDIDATE.username)

    const app = await filled(examId)
    expect(app.missing).toEqual([])
    expect(app.photo).toMatchObject({ source: 'hub', width: 358, height: 441 })
    const img = await fetch(`${mock.url}${app.photo!.imageUrl}`)
    expect(img.headers.get('content-type')).toBe('image/jpeg')

    expect((await fail(api.submitApplication(app.id, app.version - 1))).code).toBe('APPLICATION_CHANGED')
    const key = newIdempotencyKey()
    const submitted = await api.submitApplication(app.id, app.version, { idempotencyKey: key })
    expect(submitted).toMatchObject({ status: 'submitted', autoConfirmed: false, historical: false })
    expect(submitted.can).toEqual({ edit: false, submit: false, withdraw: true, changeProvince: false })
    const replay = await api.submitApplication(app.id, app.version, { idempotencyKey: key })
    expect(replay.submittedAt).toBe(submitted.submittedAt)
    expect(submitted.nodes.map((n) => n.state)).toEqual(['done', 'done', 'current', 'todo', 'todo', 'todo'])
    expect(submitted.nodes[2].hint).toMatch(/携带报名表/)

    const locked = await fail(api.saveContactStep({ id: app.id, ...contact }))
    expect(locked).toMatchObject({ code: 'APPLICATION_SUBMITTED', status: 409 })
    expect((await fail(api.confirmHubPhoto(app.id))).code).toBe('APPLICATION_SUBMITTED')
    expect((await fail(api.submitApplication(app.id, app.version))).code).toBe('APPLICATION_SUBMITTED')

    const form = await api.applicationForm(app.id)
    expect(form.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/)
    expect(form.title).toMatch(/报名申请表$/)
    const rows = form.sections.flatMap((s) => s.rows)
    expect(rows).toEqual(expect.arrayContaining([{ label: '专业', value: '368 内科护理' }]))
    expect(JSON.stringify(form)).not.toContain(DEMO_CANDIDATE.idNumber)
    // The same content and version: the same code.
    expect((await api.applicationForm(app.id)).code).toBe(form.code)
  })

  test('withdraw before 报名确认, edit and resubmit: a new 验证码', async () => {
    const examId = await open()
    const app = await filled(examId)
    expect((await fail(api.withdrawApplication(app.id))).code).toBe('APPLICATION_NOT_SUBMITTED')
    await api.submitApplication(app.id, app.version)
    const first = (await api.applicationForm(app.id)).code

    const back = await api.withdrawApplication(app.id)
    expect(back).toMatchObject({ status: 'filling', submittedAt: null })
    expect(back.version).toBe(app.version + 1)
    const afterWithdraw = (await api.applicationForm(app.id)).code
    expect(afterWithdraw).not.toBe(first)

    const edited = await api.saveContactStep({ id: app.id, ...contact, mobile: '13700001111' })
    const again = await api.submitApplication(app.id, edited.version)
    expect(again.status).toBe('submitted')
    const second = (await api.applicationForm(app.id)).code
    expect(second).not.toBe(first)
    expect(second).not.toBe(afterWithdraw)
  })

  test('change province: only before submission; clears this application and nothing else', async () => {
    const examId = await open()
    const nurseId = examId.replace('health', 'nurse')
    const nurse = await api.startApplication({ examId: nurseId, province: '11' })
    await api.acceptDeclarations(nurse.id)
    await api.saveContactStep({ id: nurse.id, ...contact })
    const app = await filled(examId)
    const before = await api.profileSummary()

    const moved = await api.changeProvince(app.id, '41')
    expect(moved).toMatchObject({ province: '41', provinceName: '河南', declarationsAccepted: false, photo: null })
    expect(moved.missing).toHaveLength(7)
    expect(Object.values(moved.steps).every((s) => s === null)).toBe(true)
    expect(moved.version).toBeGreaterThan(app.version)
    expect((await api.getApplication(nurse.id)).steps.contact?.mobile).toBe('13912345678')
    expect(await api.profileSummary()).toEqual(before)
    expect((await fail(api.changeProvince(app.id, '99'))).code).toBe('VALIDATION_FAILED')

    const done = await filled(nurseId).catch(() => null)
    expect(done).toBeNull() // already applied for the nurse exam
    const again = await api.getApplication(app.id)
    await api.acceptDeclarations(again.id)
    await api.saveCentreStep({ id: app.id, centre: '4101' })
    await api.saveBasicStep({ id: app.id, idValidUntil: '长期', ethnicity: '汉族' })
    await api.saveContactStep({ id: app.id, ...contact })
    await api.saveExamInfoStep({ id: app.id, ...examInfo })
    await api.saveEducationStep({ id: app.id, educationRecordId: await verifiedRecord('education') })
    await api.saveWorkStep({ id: app.id, ...work, unitName: '河南省人民医院' })
    const ready = await api.confirmHubPhoto(app.id)
    await api.submitApplication(app.id, ready.version)
    const refused = await fail(api.changeProvince(app.id, '11'))
    expect(refused).toMatchObject({ code: 'PROVINCE_CHANGE_REFUSED', status: 409 })
  })

  test('QA: confirm locks; reject with a reason; 考点审核 then 考区审核, each pass or fail', async () => {
    const examId = await open()
    const app = await filled(examId)
    await api.submitApplication(app.id, app.version)
    const list = await mock.qaApi('applications', { username: DEMO_CANDIDATE.username })
    expect(list.applications.map((a) => [a.id, a.status])).toEqual([[app.id, 'submitted']])
    expect(list.applications[0].code).toBe((await api.applicationForm(app.id)).code)

    const rejected = await qaReply('rejectConfirmation', { id: app.id, reason: '报名表未签字' })
    expect(rejected.body).toMatchObject({ status: 'confirm-rejected', confirmationReason: '报名表未签字' })
    const view = await api.getApplication(app.id)
    expect(view.nodes.find((n) => n.key === 'confirm')).toMatchObject({ state: 'failed' })
    expect(view.nodes.find((n) => n.key === 'confirm')!.hint).toMatch(/^确认不通过：报名表未签字/)
    // Withdraw, fix, resubmit; then the test centre confirms.
    const back = await api.withdrawApplication(app.id)
    await api.submitApplication(app.id, back.version)
    expect((await qaReply('reviewStage', { id: app.id, stage: 'centre', outcome: 'pass' })).status).toBe(409)
    expect((await qaReply('confirmApplication', { id: app.id })).body).toMatchObject({ status: 'confirmed' })
    expect((await qaReply('confirmApplication', { id: app.id })).body).toMatchObject({
      error: { code: 'APPLICATION_STATE' },
    })
    const confirmedLock = await fail(api.withdrawApplication(app.id))
    expect(confirmedLock).toMatchObject({ code: 'APPLICATION_CONFIRMED', status: 409 })
    expect((await fail(api.saveContactStep({ id: app.id, ...contact }))).code).toBe('APPLICATION_CONFIRMED')

    expect((await qaReply('reviewStage', { id: app.id, stage: 'region', outcome: 'pass' })).status).toBe(409)
    await qaReply('reviewStage', { id: app.id, stage: 'centre', outcome: 'pass' })
    const centre = await api.getApplication(app.id)
    expect(centre.nodes.find((n) => n.key === 'review')).toMatchObject({
      state: 'current',
      hint: '考点审核已通过，等待考区审核',
    })
    const failed = await qaReply('reviewStage', {
      id: app.id,
      stage: 'region',
      outcome: 'fail',
      reason: '工作年限不符合报考条件',
    })
    expect(failed.body).toMatchObject({ status: 'review-failed', reviewReason: '工作年限不符合报考条件' })
    expect((await api.getApplication(app.id)).nodes.find((n) => n.key === 'review')).toMatchObject({
      state: 'failed',
      hint: '考区审核未通过：工作年限不符合报考条件',
    })
  })

  test('review passed: payment due in a province with online payment; 报名成功 at once where there is none', async () => {
    const examId = await open()
    const app = await filled(examId)
    await api.submitApplication(app.id, app.version)
    await qaReply('confirmApplication', { id: app.id })
    await qaReply('reviewStage', { id: app.id, stage: 'centre', outcome: 'pass' })
    const passed = await qaReply('reviewStage', { id: app.id, stage: 'region', outcome: 'pass' })
    expect(passed.body.status).toBe('awaiting-payment')

    // 西藏 collects the fee at the test centre: 资格审核 passing is 报名成功.
    const nurse = await filled(examId.replace('health', 'nurse'), '54').catch((e: ApiError) => e)
    expect((nurse as ApiError).code).toBe('VALIDATION_FAILED') // 内科护理 is not a nurse-exam speciality
    const nurseApp = (await api.listApplications()).applications.find((a) => a.province === '54')!
    await api.saveExamInfoStep({
      id: nurseApp.id,
      category: 'nursing',
      level: 'N',
      speciality: 'N01',
      practiceCategory: '无',
      residencyHolder: false,
      subjects: ['P1', 'P2'],
    })
    await api.saveEducationStep({ id: nurseApp.id, educationRecordId: await verifiedRecord('education') })
    await api.saveWorkStep({ id: nurseApp.id, ...work, unitName: '西藏自治区人民医院' })
    const ready = await api.confirmHubPhoto(nurseApp.id)
    expect(ready.nodes.map((n) => n.name)).not.toContain('报名缴费')
    await api.submitApplication(nurseApp.id, ready.version)
    await qaReply('confirmApplication', { id: nurseApp.id })
    await qaReply('reviewStage', { id: nurseApp.id, stage: 'centre', outcome: 'pass' })
    const done = await qaReply('reviewStage', { id: nurseApp.id, stage: 'region', outcome: 'pass' })
    expect(done.body.status).toBe('succeeded')
    expect((await api.getApplication(nurseApp.id)).nodes.at(-1)).toMatchObject({ name: '报名成功', state: 'done' })
  })

  describe('historical candidates', () => {
    async function historical(username: string): Promise<{ app: ApplicationView; examId: string }> {
      await scenario('historical')
      await login(username)
      const { exams } = await api.applicationExams()
      const examId = exams.find((e) => e.kind === 'health' && e.windowState === 'open')!.id
      const app = await api.startApplication({ examId, province: '11' })
      await api.acceptDeclarations(app.id)
      return { app, examId }
    }

    /** Saves every step as prefilled from last year. */
    async function savePrefill(app: ApplicationView, change: { work?: Partial<typeof work> } = {}) {
      const p = app.prefill
      await api.saveCentreStep({ id: app.id, ...p.centre! })
      await api.saveBasicStep({ id: app.id, ...p.basic! })
      await api.saveContactStep({ id: app.id, ...p.contact! })
      await api.saveExamInfoStep({ id: app.id, ...p.examInfo! })
      await api.saveEducationStep({
        id: app.id,
        educationRecordId: p.education!.educationRecordId,
        degreeRecordId: p.education!.degreeRecordId,
      })
      await api.saveWorkStep({ id: app.id, ...p.work!, specialityYears: 14, ...change.work })
      return api.confirmHubPhoto(app.id)
    }

    test('prefilled from last year, the subjects not passed preselected; identical in 北京: confirmed at once and locked', async () => {
      const { app } = await historical(DEMO_CANDIDATE.username)
      expect(app.historical).toBe(true)
      expect(app.mergeNotice).toBeNull()
      expect(Object.values(app.steps).every((s) => s === null)).toBe(true)
      expect(app.prefill.centre).toEqual({ centre: '1101', enrolPoint: '' })
      expect(app.prefill.examInfo).toMatchObject({ speciality: '368', level: '3', subjects: ['3', '4'] })
      const ready = await savePrefill(app)
      const submitted = await api.submitApplication(app.id, ready.version)
      expect(submitted).toMatchObject({ status: 'confirmed', autoConfirmed: true, autoConfirmNote: null })
      expect(submitted.can.withdraw).toBe(false)
      expect(submitted.nodes.find((n) => n.key === 'confirm')).toMatchObject({
        state: 'done',
        hint: '已自动确认（与上一年度报名信息一致）',
      })
      expect((await fail(api.withdrawApplication(app.id))).code).toBe('APPLICATION_CONFIRMED')
      expect((await fail(api.saveContactStep({ id: app.id, ...contact }))).code).toBe('APPLICATION_CONFIRMED')
      expect((await fail(api.changeProvince(app.id, '12'))).code).toBe('APPLICATION_CONFIRMED')
      expect((await api.cancelCheck()).allowed).toBe(false)
    })

    test('different from last year (work unit): waits for the test centre, saying what differs', async () => {
      const { app } = await historical(DEMO_CANDIDATE.username)
      const ready = await savePrefill(app, { work: { unitName: '北京大学第一医院' } })
      const submitted = await api.submitApplication(app.id, ready.version)
      expect(submitted).toMatchObject({ status: 'submitted', autoConfirmed: false })
      expect(submitted.autoConfirmNote).toBe('工作情况与上一年度不一致，请按考点要求进行报名确认')
      expect(submitted.can.withdraw).toBe(true)
    })

    test('a province without auto-confirmation waits even when identical', async () => {
      const { app } = await historical(DEMO_CANDIDATE.username)
      const moved = await api.changeProvince(app.id, '13')
      expect(moved.prefill.centre).toBeNull()
      await api.acceptDeclarations(app.id)
      const ready = await savePrefill(
        { ...moved, prefill: { ...moved.prefill, centre: { centre: '1301', enrolPoint: '' } } },
        {
          work: { unitName: '河北省人民医院' },
        },
      )
      const submitted = await api.submitApplication(app.id, ready.version)
      expect(submitted.status).toBe('submitted')
      expect(submitted.autoConfirmNote).toBe('本考区未开通历史考生自动确认，请按考点要求进行报名确认')
    })

    test('an ID number different from last year: the 成绩合并 notice, and no auto-confirmation', async () => {
      const { app } = await historical(HISTORICAL_ID_CHANGED.username)
      expect(app.mergeNotice).toMatch(/成绩合并/)
      const ready = await savePrefill(app)
      const submitted = await api.submitApplication(app.id, ready.version)
      expect(submitted.autoConfirmed).toBe(false)
      expect(submitted.autoConfirmNote).toBe('基本信息与上一年度不一致，请按考点要求进行报名确认')
    })
  })

  test("another candidate's application is refused with 404 and no data", async () => {
    const examId = await open()
    const mine = await filled(examId)
    const username = `other${seq++}`
    await mock.qaApi('createCandidate', {
      username,
      password: 'Abcdef12',
      name: '赵六',
      idNumber: makeIdNumber('310101', '19920101', String(seq)),
    })
    await login(username)
    const attempts: Array<Promise<unknown>> = [
      api.getApplication(mine.id),
      api.reviewApplication(mine.id),
      api.applicationForm(mine.id),
      api.acceptDeclarations(mine.id),
      api.saveContactStep({ id: mine.id, ...contact }),
      api.confirmHubPhoto(mine.id),
      api.submitApplication(mine.id, mine.version),
      api.withdrawApplication(mine.id),
      api.changeProvince(mine.id, '12'),
      api.getApplication('__proto__'),
    ]
    for (const attempt of attempts) {
      const e = await fail(attempt)
      expect(e).toMatchObject({ code: 'NOT_FOUND', status: 404, message: '报名信息不存在' })
    }
    expect((await api.listApplications()).applications).toEqual([])
  })

  test('windows follow the clock: closed for edits after the window; withdraw closes with the confirmation window', async () => {
    const examId = await open()
    const app = await filled(examId)
    await api.submitApplication(app.id, app.version)
    const { exams } = await mock.qaApi('applicationCalendar')
    const exam = exams.find((e) => e.id === examId)!
    // Past the application window, inside the confirmation window: withdraw and resubmit still work.
    await mock.qaApi('setClock', { now: new Date(Date.parse(exam.applyClosesAt) + 1000).toISOString() })
    await login(DEMO_CANDIDATE.username)
    expect((await api.applicationExams()).exams.find((e) => e.id === examId)!.windowState).toBe('closed')
    const back = await api.withdrawApplication(app.id)
    expect(back.can).toMatchObject({ edit: true, changeProvince: false })
    // Its deadline is now the end of the confirmation window.
    expect(back.nodes.find((n) => n.key === 'submit')).toMatchObject({
      state: 'current',
      deadline: exam.confirmClosesAt,
    })
    expect((await fail(api.changeProvince(app.id, '12'))).code).toBe('APPLICATION_WINDOW_CLOSED')
    await api.submitApplication(app.id, back.version)
    // Past the confirmation window: no withdrawal.
    await mock.qaApi('setClock', { now: new Date(Date.parse(exam.confirmClosesAt) + 1000).toISOString() })
    await login(DEMO_CANDIDATE.username)
    expect((await fail(api.withdrawApplication(app.id))).code).toBe('WITHDRAW_CLOSED')
    const late = await fail(api.startApplication({ examId: examId.replace('health', 'nurse'), province: '11' }))
    expect(late.code).toBe('APPLICATION_WINDOW_CLOSED')
    expect(late.message).toMatch(/当前不在报名时间内$/)
  })

  test('a new exam photo (更换考试照片) passes the hub photo checks; the hub photo stays', async () => {
    const examId = await open()
    const app = await api.startApplication({ examId, province: '11' })
    const token = await login(DEMO_CANDIDATE.username)
    await api.acceptDeclarations(app.id)
    const upload = async (bytes: Buffer) => {
      const form = new FormData()
      form.append('photo', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'exam.jpg')
      const res = await fetch(`${mock.url}/api/applications/${app.id}/photo`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      })
      return { status: res.status, body: (await res.json()) as ApplicationView & { error?: { code: string } } }
    }
    const small = await upload(await makeJpeg({ width: 295, height: 413, noise: false, bytes: 46080 }))
    expect(small.body.error?.code).toBe('PHOTO_FILE_TOO_SMALL')
    const png = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'photos', 'not-jpeg-358x441.png'))
    expect((await upload(png)).body.error?.code).toBe('PHOTO_FORMAT')
    // A real JPEG cut off after 60 KB: its header and size are there, the image is not.
    const valid = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'photos', 'valid-358x441.jpg'))
    const cut = await upload(valid.subarray(0, 60000))
    expect(cut.body.error?.code).toBe('PHOTO_FORMAT')
    // Malformed multipart is a 400 with the contract body, as for the hub's photo (never a 500).
    for (const body of [
      '--xx\r\nbroken',
      '--xx\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\n\r\nabc',
      '--xx\r\nContent-Disposition: form-data; name="x"\r\n\r\nabc\r\n--xx--\r\n',
      '',
    ]) {
      const res = await fetch(`${mock.url}/api/applications/${app.id}/photo`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=xx' },
        body,
      })
      expect([res.status, ((await res.json()) as { error?: { code: string } }).error?.code]).toEqual([
        400,
        expect.any(String),
      ])
    }
    const ok = await upload(await makeJpeg({ width: 400, height: 560, noise: false, bytes: 60000 }))
    expect(ok.status).toBe(200)
    expect(ok.body.photo).toMatchObject({ source: 'exam', width: 400, height: 560 })
    expect((await api.profilePhoto()).width).toBe(358)
  })

  test('account cancellation is refused once an application has data, allowed for a bare start', async () => {
    const examId = await open()
    const app = await api.startApplication({ examId, province: '11' })
    expect((await api.cancelCheck()).allowed).toBe(true)
    await api.acceptDeclarations(app.id)
    await api.saveContactStep({ id: app.id, ...contact })
    expect(await api.cancelCheck()).toEqual({ allowed: false, reason: '您已填写报名信息，不能注销账号' })
    expect((await fail(api.cancelAccount())).code).toBe('CANCEL_REFUSED')
  })

  test('cancelling an account with a bare application erases the application', async () => {
    const examId = await open()
    const app = await api.startApplication({ examId, province: '11' })
    await api.cancelAccount('不再报考')
    expect(mock.app.store.state.application.byId.has(app.id)).toBe(false)
  })

  test('state survives a restart: applications, last year and the calendar round-trip as Maps', async () => {
    const examId = await open()
    const app = await filled(examId)
    await scenario('historical')
    await login(DEMO_CANDIDATE.username)
    const again = await filled(examId).catch((e: ApiError) => e)
    expect(again).not.toBeInstanceOf(ApiError)
    const state = mock.app.store.state
    const revived = mock.app.store.revive(JSON.parse(stateToJson(state)))
    expect(revived.application.byId).toBeInstanceOf(Map)
    expect([...revived.application.byId.keys()]).toEqual([...state.application.byId.keys()])
    expect(revived.application.history.size).toBe(3) // the historical scenario: three candidates with last year
    expect(revived.application.calendar).toEqual(state.application.calendar)
    expect(revived.application.byId.has(app.id)).toBe(false) // the scenario replaced the state
    // A file written before this feature has no slice: it starts empty.
    expect(mock.app.store.revive({ accounts: [] }).application).toEqual({
      byId: new Map(),
      history: new Map(),
      calendar: null,
    })
  })

  test('QA routes: prototype names are unknown ids; without --qa they do not exist', async () => {
    await open()
    for (const id of ['__proto__', 'constructor', 'toString']) {
      expect((await qaReply('confirmApplication', { id })).status).toBe(404)
      expect((await qaReply('applications', { username: id })).status).toBe(404)
    }
    expect((await qaReply('setApplicationCalendar', { examId: '__proto__' })).status).toBe(404)
    const plain = await startMock({ qa: false, scenario: 'apply-open' })
    try {
      const res = await plain.qaApi.reply('applications', { username: 'demo2026' })
      expect(res.status).toBe(404)
      expect((res.body as { error: { code: string } }).error.code).toBe('QA_DISABLED')
    } finally {
      await plain.close()
    }
  })

  test('declarations: both are needed; the hub photo refused since the start cannot be confirmed (PHOTO_MISSING)', async () => {
    const examId = await open()
    const app = await api.startApplication({ examId, province: '11' })
    const one = await fail(call('acceptDeclarations', { id: app.id, accepted: ['important-notice'] }))
    expect(one).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '请阅读并同意《重要声明》和《考生诚信考试承诺书》',
    })
    expect((await api.acceptDeclarations(app.id)).declarationsAccepted).toBe(true)
    // Verification refused the hub photo after the application started.
    for (const profile of mock.app.store.state.profile.byAccount.values()) profile.photo!.state = 'failed'
    const e = await fail(api.confirmHubPhoto(app.id))
    expect(e).toMatchObject({ code: 'PHOTO_MISSING', status: 409, message: '请先在个人信息管理中上传符合要求的照片' })
  })
})
