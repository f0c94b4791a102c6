import { idCheckChar, maskIdNumber } from '../../domain/id-card'
import { ID_TYPE_LABELS, ID_TYPES, type IdType } from '../../domain/id-documents'
import { ApiError, call, setSessionToken } from '../../src/api'
import { clientAgainstMock } from './support/client-mock'

const HOUR = 3600_000
jest.setTimeout(30_000)

/**
 * After registration, every ID type (issue 24): the application shows the identity as registered (the type, the
 * number masked, the gender and birth date the candidate gave where the number has none), an online-confirmation
 * province asks for the candidate's own document, the 报名表 names it, and the ticket carries the type, the masked
 * number for the screen and the whole number for the printed 准考证. The real client against the mock server.
 */
describe('every ID type after registration', () => {
  const mock = clientAgainstMock()
  let seq = 300
  const gb = (first17: string) => first17 + idCheckChar(first17)

  beforeAll(async () => {
    await mock.qaApi('loadScenario', { name: 'apply-open' })
  })
  afterEach(() => setSessionToken(null))

  /** A number of each type, what the candidate gives besides it, and their identity document's material name. */
  const CASES: Record<
    IdType,
    { number: string; gender: '男' | '女'; birthDate: string; given: boolean; material: string }
  > = {
    'resident-id': {
      number: gb('11010519870412003'),
      gender: '男',
      birthDate: '1987-04-12',
      given: false,
      material: '身份证（正反面）',
    },
    'hk-mo-permit': {
      number: 'H12345678',
      gender: '女',
      birthDate: '1991-03-04',
      given: true,
      material: '港澳居民来往内地通行证（正反面）',
    },
    'tw-permit': {
      number: '0561682001(D)',
      gender: '女',
      birthDate: '1991-03-04',
      given: true,
      material: '台湾居民来往大陆通行证（正反面）',
    },
    'residence-permit': {
      number: gb('83000019900315123'),
      gender: '男',
      birthDate: '1990-03-15',
      given: false,
      material: '港澳台居民居住证（正反面）',
    },
    passport: { number: 'G123456', gender: '女', birthDate: '1991-03-04', given: true, material: '护照（个人资料页）' },
    'foreign-permanent': {
      number: 'USA110090123105',
      gender: '女',
      birthDate: '1991-03-04',
      given: true,
      material: '外国人永久居留身份证（正反面）',
    },
  }

  test("QA's ticket for an application: only once it succeeded, only the candidate's own; its exam, speciality, subjects and centre", async () => {
    const username = `jrnapi${seq++}`
    await mock.qaApi('createCandidate', {
      username,
      password: 'Journey#2026',
      name: '玛丽·居里',
      idNumber: 'G7654321',
      idType: 'passport',
      gender: 'female',
      birthDate: '1988-04-09',
    })
    // 西藏 takes no payment online: 报名成功 once both reviews passed.
    const app = await mock.qaApi('processApplication', { username, province: '54' })
    const now = Date.parse((await mock.qaApi('clock')).now)
    const times = { opensAt: new Date(now - HOUR).toISOString(), examAt: new Date(now + 72 * HOUR).toISOString() }
    const early = await mock.qaApi.reply('publishTicket', { username, applicationId: app.id, ...times })
    expect(early.status).toBe(409)
    expect(early.body).toMatchObject({ error: { code: 'APPLICATION_STATE', message: '报名尚未成功，不能发放准考证' } })
    await mock.qaApi('confirmApplication', { id: app.id })
    await mock.qaApi('reviewStage', { id: app.id, stage: 'centre', outcome: 'pass' })
    await mock.qaApi('reviewStage', { id: app.id, stage: 'region', outcome: 'pass' })
    const notTheirs = await mock.qaApi.reply('publishTicket', { username: 'demo2026', applicationId: app.id, ...times })
    expect(notTheirs.status).toBe(404)

    const { ticketId, ticketNo } = await mock.qaApi('publishTicket', { username, applicationId: app.id, ...times })
    expect(ticketNo).toMatch(/^\d{4}5401\d{6}$/)
    const { token } = await mock.qaApi('createSession', { username })
    setSessionToken(token)
    const ticket = await call('ticket', { ticketId })
    expect(ticket.brief.examName).toBe(app.examName)
    expect(ticket.speciality).toBe('内科护理（中级）')
    expect(ticket.sittings.map((x) => x.subjectName)).toEqual(['基础知识', '相关专业知识', '专业知识', '专业实践能力'])
    expect(ticket.sittings[0]).toMatchObject({ centre: '西藏拉萨市考点', location: null })
    expect(ticket).toMatchObject({ idTypeName: '护照', idNumber: 'G7654321', idNumberMasked: 'G7****21' })
  })

  test.each(ID_TYPES.map((t) => [ID_TYPE_LABELS[t], t] as const))(
    '%s: the application, the materials, the 报名表 and the ticket name the document',
    async (label, idType) => {
      const c = CASES[idType]
      const username = `jrnapi${seq++}`
      await mock.qaApi('createCandidate', {
        username,
        password: 'Journey#2026',
        name: '陈美玲',
        idNumber: c.number,
        idType,
        ...(c.given ? { gender: 'female' as const, birthDate: c.birthDate } : {}),
      })
      const { token } = await mock.qaApi('createSession', { username })
      setSessionToken(token)
      // 天津 confirms online: the identity document is among the materials.
      const app = await mock.qaApi('processApplication', { username, province: '12', submit: false, materials: false })
      const masked = maskIdNumber(c.number)

      const view = await call('getApplication', { id: app.id })
      expect(view.identity).toMatchObject({
        idType,
        idTypeName: label,
        idNumberMasked: masked,
        gender: c.gender,
        birthDate: c.birthDate,
      })

      // 证件有效截止日期 长期 is a 居民身份证's alone; every other document gives its end date.
      const longTerm = call('saveBasicStep', { id: app.id, idValidUntil: '长期', ethnicity: '汉族' })
      if (idType === 'resident-id') {
        expect((await longTerm).steps.basic?.idValidUntil).toBe('长期')
      } else {
        const refused = await longTerm.then(
          () => null,
          (e: unknown) => e as ApiError,
        )
        expect(refused).toMatchObject({
          status: 400,
          code: 'VALIDATION_FAILED',
          fields: { idValidUntil: '只有居民身份证可以长期有效，请选择证件有效截止日期' },
        })
        const dated = await call('saveBasicStep', { id: app.id, idValidUntil: '2034-06-30', ethnicity: '汉族' })
        expect(dated.steps.basic?.idValidUntil).toBe('2034-06-30')
      }

      const materials = await call('materialsOf', { id: app.id })
      const idMaterial = materials.required.find((m) => m.key === 'id-card')
      expect(idMaterial?.name).toBe(c.material)

      const form = await call('applicationForm', { id: app.id })
      const basic = Object.fromEntries(
        form.sections.find((s) => s.step === 'basic')!.rows.map((r) => [r.label, r.value] as const),
      )
      expect(basic).toMatchObject({ 证件类型: label, 证件号码: masked, 出生日期: c.birthDate, 性别: c.gender })

      const now = Date.parse((await mock.qaApi('clock')).now)
      const { ticketId } = await mock.qaApi('publishTicket', {
        username,
        opensAt: new Date(now - HOUR).toISOString(),
        examAt: new Date(now + 72 * HOUR).toISOString(),
      })
      const ticket = await call('ticket', { ticketId })
      expect(ticket).toMatchObject({ idTypeName: label, idNumberMasked: masked, idNumber: c.number })
      // At least half of any number is hidden on the screen.
      expect(2 * (masked.match(/\*/g) ?? []).length).toBeGreaterThanOrEqual(c.number.length)
    },
  )
})
