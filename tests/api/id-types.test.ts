import { idCheckChar } from '../../domain/id-card'
import type { IdType } from '../../domain/id-documents'
import { HISTORICAL_TYPE_CHANGED } from '../../mock-server/features/application/scenarios'
import { api, ApiError, setSessionToken } from '../../src/api'
import type { RegisterRequest } from '../../types/account'
import { clientAgainstMock } from './support/client-mock'
import { send } from './support/candidates'

/**
 * Registration with every ID type (issue 24) against the real mock server, through the app's client: each type
 * registers, logs in with its password and recovers by question; each refusal is a 4xx with a code and a Chinese
 * message; accounts are unique per (type, number), also when 20 registrations of one number arrive at once.
 */
// Hashing (scrypt, in the login waiting room) is slow on a busy machine: a flow of several logins takes seconds.
jest.setTimeout(30_000)

describe('every ID type', () => {
  const mock = clientAgainstMock({
    loginQueue: { budgetMs: 120_000 },
    rateLimits: { captcha: { limit: 10_000, windowMs: 60_000 } },
  })
  let seq = 200
  const gb = (first17: string) => first17 + idCheckChar(first17)

  /** A fresh valid number of each type (distinct per call). */
  function numberOf(type: IdType): string {
    const n = seq++
    const s3 = String(n % 1000).padStart(3, '0')
    switch (type) {
      case 'resident-id':
        return gb(`11010519900101${s3}`)
      case 'residence-permit':
        return gb(`81000019900101${s3}`)
      case 'foreign-permanent':
        return n % 2 ? gb(`932682198501${'01'}${s3}`) : `USA1100901231${String(n % 100).padStart(2, '0')}`
      case 'hk-mo-permit':
        return `H${String(10_000_000 + n)}`
      case 'tw-permit':
        return String(20_000_000 + n)
      case 'passport':
        return `E${String(30_000_000 + n)}`
    }
  }

  /**
   * What a type's holder gives besides the number (the number carries it for the resident ID and the permit; the
   * nationality only a passport's holder gives: the others' documents carry it, and what is sent beside is ignored).
   */
  const extra = { gender: 'female' as const, birthDate: '1991-03-04', nationality: 'GBR' }

  // The waiting room is not what this suite tests: it lets every registration in at once, so they race for the
  // (type, number) (its proven limit would start at two and turn the rest away with 503 LOGIN_QUEUE).
  beforeAll(() => mock.qaApi('setLoginQueue', { capacity: 10_000 }))
  beforeEach(() => setSessionToken(null))

  async function captcha() {
    const c = await api.captcha()
    const { answer } = await mock.qaApi('captchaAnswer', { captchaId: c.captchaId })
    return { captchaId: c.captchaId, captchaCode: answer }
  }

  /** Recovery by question as the page sends it: the type chosen, the number, the holder's name. */
  const recoverAs = async (idType: IdType, idNumber: string) =>
    api.recoverQuestionStart({ name: '陈美玲', idNumber, idType, ...(await captcha()) })

  const fail = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected the call to fail')
      },
      (e: unknown) => e as ApiError,
    )

  async function input(type: IdType, over: Partial<RegisterRequest> = {}): Promise<RegisterRequest> {
    return {
      username: `idt${seq++}`,
      password: 'Abcdef12',
      name: '陈美玲',
      idType: type,
      idNumber: numberOf(type),
      ...extra,
      questionId: 'q-birthplace',
      answer: '台北',
      ...(await captcha()),
      ...over,
    }
  }

  const TYPES: IdType[] = [
    'resident-id',
    'hk-mo-permit',
    'tw-permit',
    'residence-permit',
    'passport',
    'foreign-permanent',
  ]

  test.each(TYPES)('%s: registers, logs in by username and by number, recovers by question', async (type) => {
    const reg = await input(type)
    const session = await api.register(reg)
    expect(session.account.idType).toBe(type)
    expect(JSON.stringify(session)).not.toContain(reg.idNumber)

    const byName = await api.loginPassword({ username: reg.username, password: 'Abcdef12', ...(await captcha()) })
    expect(byName.account.username).toBe(reg.username)
    // The number as typed on a phone: lower case, spaces.
    const typed = reg.idNumber.toLowerCase().replace(/^(.{4})/, '$1 ')
    const byNumber = await api.loginPassword({ username: typed, password: 'Abcdef12', ...(await captcha()) })
    expect(byNumber.account.username).toBe(reg.username)

    const started = await api.recoverQuestionStart({ name: '陈美玲', idNumber: typed, ...(await captcha()) })
    expect(started.questionId).toBe('q-birthplace')
    const { resetToken } = await api.recoverQuestionAnswer(started.recoveryId, '台北')
    await api.resetPassword(resetToken, 'Newpass99')
    const after = await api.loginPassword({ username: reg.username, password: 'Newpass99', ...(await captcha()) })
    expect(after.account.idType).toBe(type)
  })

  test('gender and birth date: from the number where it has them, else as given, shown on the application', async () => {
    // Residence permit 830000…, sequence 226 (even: female), born 1990-03-15; what was "given" is ignored.
    await mock.qaApi('loadScenario', { name: 'historical' })
    const { token } = await mock.qaApi('createSession', { username: HISTORICAL_TYPE_CHANGED.username })
    setSessionToken(token)
    const { exams } = await api.applicationExams()
    const examId = exams.find((e) => e.kind === 'health' && e.windowState === 'open')!.id
    const app = await api.startApplication({ examId, province: '11' })
    expect(app.identity).toMatchObject({
      idTypeName: '港澳台居民居住证',
      gender: '女',
      birthDate: '1990-03-15',
      nationality: '中国',
    })
    // 历史考生 whose ID type differs from last year's (台胞证 then): the 成绩合并 notice, as for another number.
    expect(app.historical).toBe(true)
    expect(app.mergeNotice).toMatch(/成绩合并/)
  })

  test('a passport holder: gender and birth date as registered; the basic info names the document', async () => {
    const reg = await input('passport', { gender: 'male', birthDate: '1985-06-30' })
    const session = await api.register(reg)
    setSessionToken(session.token)
    expect((await api.profileBasic()).idTypeName).toBe('护照')
    const raw = await mock.qaApi('candidate', { username: reg.username })
    expect(raw.idNumber).toBe(reg.idNumber)
  })

  test('国籍/地区: a passport holder’s as chosen, a permanent-residence number’s as it carries it, China’s for the rest', async () => {
    const passport = await input('passport', { nationality: 'gbr' })
    const foreign2017 = await input('foreign-permanent', { idNumber: 'KAZ110090123188', nationality: 'GBR' })
    const foreign2023 = await input('foreign-permanent', { idNumber: gb('93284019850101188'), nationality: 'GBR' })
    const permit = await input('tw-permit', { nationality: 'GBR' })
    const expected: Array<[RegisterRequest, string]> = [
      [passport, 'GBR'],
      [foreign2017, 'KAZ'],
      [foreign2023, 'USA'],
      [permit, 'CHN'],
    ]
    for (const [reg, code] of expected) {
      await api.register(reg)
      expect((await mock.qaApi('candidate', { username: reg.username })).nationality).toBe(code)
    }
  })

  describe('refusals: 400 VALIDATION_FAILED with the Chinese message under the field', () => {
    test.each([
      ['resident-id', (n: string) => n.slice(0, 17) + (n[17] === '0' ? '1' : '0'), '身份证号码校验位不正确，请核对'],
      ['residence-permit', (n: string) => n.slice(0, 17) + (n[17] === '0' ? '1' : '0'), '证件号码校验位不正确，请核对'],
      ['foreign-permanent', () => '932682198501010018', '证件号码校验位不正确，请核对'],
      [
        'residence-permit',
        () => gb('11010519900101123'),
        '港澳台居民居住证号码以810000（香港）、820000（澳门）或830000（台湾）开头',
      ],
      ['resident-id', () => gb('81000019900101123'), '这是港澳台居民居住证号码，请将证件类型选为“港澳台居民居住证”'],
      ['hk-mo-permit', () => 'K12345678', '港澳居民来往内地通行证号码为H或M开头加8位或10位数字'],
      [
        'tw-permit',
        () => '1234567',
        '台湾居民来往大陆通行证号码为8位数字（2008年前签发的为10位数字，可带括号内的签发机关代码）',
      ],
      ['passport', () => 'E1-2345', '护照号码为5–17位字母或数字'],
      [
        'foreign-permanent',
        () => 'KA1110090123105',
        '外国人永久居留身份证号码为9开头的18位（2023版），或3位字母加12位数字（2017版）',
      ],
    ] as Array<[IdType, (n: string) => string, string]>)(
      '%s, a wrong number (case %#)',
      async (type, wrong, message) => {
        const reg = await input(type)
        const err = await fail(api.register({ ...reg, idNumber: wrong(reg.idNumber) }))
        expect(err.status).toBe(400)
        expect(err.code).toBe('VALIDATION_FAILED')
        expect(err.fields.idNumber).toBe(message)
      },
    )

    test('gender and birth date are required where the number has none', async () => {
      const reg = await input('hk-mo-permit', { gender: undefined, birthDate: undefined })
      const err = await fail(api.register(reg))
      expect(err.fields).toMatchObject({ gender: '请选择性别', birthDate: '请选择出生日期' })
      const future = await fail(api.register({ ...(await input('passport')), birthDate: '2999-01-01' }))
      expect(future.fields.birthDate).toBe('出生日期不能晚于今天')
    })

    test('国籍/地区: a passport without one, or with one no country has; a permanent-residence number with such a code', async () => {
      const none = await fail(api.register(await input('passport', { nationality: undefined })))
      expect([none.status, none.code]).toEqual([400, 'VALIDATION_FAILED'])
      expect(none.fields).toEqual({ nationality: '请选择国籍/地区' })
      const empty = await fail(api.register(await input('passport', { nationality: '' })))
      expect(empty.fields).toEqual({ nationality: '请选择国籍/地区' })
      const unknown = await fail(api.register(await input('passport', { nationality: 'XYZ' })))
      expect([unknown.status, unknown.code]).toEqual([400, 'VALIDATION_FAILED'])
      expect(unknown.fields).toEqual({ nationality: '国籍/地区不正确，请重新选择' })
      for (const idNumber of ['XYZ110090123105', gb('93299919850101001')]) {
        const code = await fail(api.register(await input('foreign-permanent', { idNumber })))
        expect([code.status, code.code]).toEqual([400, 'VALIDATION_FAILED'])
        expect(code.fields).toEqual({ idNumber: '证件号码中的国籍代码不正确，请核对' })
      }
    })

    test('an unknown type is refused; a resident ID keeps its region check', async () => {
      const err = await fail(api.register({ ...(await input('passport')), idType: 'driving-licence' as IdType }))
      expect(err.fields.idType).toBe('请选择证件类型')
      const region = await fail(api.register(await input('resident-id', { idNumber: gb('11990119900101123') })))
      expect(region.fields.idNumber).toBe('身份证号码的地区码不正确')
    })

    test('face login stays with the resident ID card', async () => {
      const res = await send(mock, 'POST', '/api/account/face-login/start', {
        name: '陈美玲',
        idType: 'passport',
        idNumber: 'E12345678',
        platform: 'h5',
        ...(await captcha()),
      })
      expect(res.status).toBe(400)
      expect((res.body as { error: { code: string; fields: Record<string, string> } }).error.fields.idType).toMatch(
        /人脸识别仅支持居民身份证/,
      )
    })
  })

  test('QA creates a candidate of any type, who logs in with the number', async () => {
    await mock.qaApi('createCandidate', {
      username: `qa${seq++}`,
      password: 'Abcdef12',
      name: '陈美玲',
      idType: 'hk-mo-permit',
      idNumber: 'm 1234 5678',
      gender: 'female',
      birthDate: '1992-05-06',
    })
    const session = await api.loginPassword({ username: 'M12345678', password: 'Abcdef12', ...(await captcha()) })
    expect(session.account.idType).toBe('hk-mo-permit')
  })

  describe('uniqueness per (type, number)', () => {
    test('the same number under another type is another document; under the same type it is taken', async () => {
      const number = String(40_000_000 + seq++)
      await api.register(await input('tw-permit', { idNumber: number }))
      await api.register(await input('passport', { idNumber: number }))
      const err = await fail(api.register(await input('passport', { idNumber: number.toLowerCase() })))
      expect(err.status).toBe(409)
      expect(err.code).toBe('ID_NUMBER_TAKEN')
    })

    test('a number under two types is ambiguous for login and recovery: 409 ID_NUMBER_AMBIGUOUS; the username works', async () => {
      const number = String(50_000_000 + seq++)
      const first = await input('tw-permit', { idNumber: number })
      await api.register(first)
      await api.register(await input('passport', { idNumber: number }))
      const login = await fail(api.loginPassword({ username: number, password: 'Abcdef12', ...(await captcha()) }))
      expect(login.status).toBe(409)
      expect(login.code).toBe('ID_NUMBER_AMBIGUOUS')
      expect(login.message).toContain('请使用用户名登录')
      const recover = await fail(api.recoverQuestionStart({ name: '陈美玲', idNumber: number, ...(await captcha()) }))
      expect(recover.code).toBe('ID_NUMBER_AMBIGUOUS')
      expect(recover.message).toContain('请选择证件类型后重试，或登录中国卫生人才网（www.21wecan.com）找回密码')
      // Naming the type settles it.
      expect((await recoverAs('tw-permit', number)).questionId).toBe('q-birthplace')
      expect(
        (await api.loginPassword({ username: first.username, password: 'Abcdef12', ...(await captcha()) })).token,
      ).toBeTruthy()
    })

    test('recovery looks the account up by type and number: each type its own account, another type none', async () => {
      const number = String(70_000_000 + seq++)
      const tw = await input('tw-permit', { idNumber: number, questionId: 'q-birthplace', answer: '台北' })
      const passport = await input('passport', { idNumber: number, questionId: 'q-mother-name', answer: '李梅' })
      await api.register(tw)
      await api.register(passport)
      expect((await recoverAs('tw-permit', number)).questionId).toBe('q-birthplace')
      const byPassport = await recoverAs('passport', number)
      expect(byPassport.questionId).toBe('q-mother-name')
      // The passport's answer resets the passport account's password, not the permit's.
      const { resetToken } = await api.recoverQuestionAnswer(byPassport.recoveryId, '李梅')
      await api.resetPassword(resetToken, 'Newpass77')
      const login = await api.loginPassword({
        username: passport.username,
        password: 'Newpass77',
        ...(await captcha()),
      })
      expect(login.account.idType).toBe('passport')
      expect(
        (await api.loginPassword({ username: tw.username, password: 'Abcdef12', ...(await captcha()) })).account.idType,
      ).toBe('tw-permit')
      // Under a type with no account for it: the same refusal as a wrong name (nothing says another type has one).
      const none = await fail(recoverAs('hk-mo-permit', number))
      expect(none.status).toBe(400)
      expect(none.code).toBe('VALIDATION_FAILED')
      expect(none.fields.idNumber).toContain('台湾居民来往大陆通行证')
      const wrongType = await fail(recoverAs('hk-mo-permit', `H${number}`))
      expect([wrongType.status, wrongType.code]).toEqual([400, 'IDENTITY_MISMATCH'])
    })

    test.each(['passport', 'residence-permit', 'foreign-permanent'] as IdType[])(
      '20 registrations of one %s number at once: exactly one wins, the others get ID_NUMBER_TAKEN',
      async (type) => {
        const number = numberOf(type)
        const inputs = await Promise.all(Array.from({ length: 20 }, () => input(type, { idNumber: number })))
        const answers = await Promise.all(inputs.map((body) => send(mock, 'POST', '/api/account/register', body)))
        const codes = answers.map((a) => (a.status === 200 ? 'OK' : (a.body as { error: { code: string } }).error.code))
        expect(codes.filter((c) => c === 'OK')).toHaveLength(1)
        expect(codes.filter((c) => c === 'ID_NUMBER_TAKEN')).toHaveLength(19)
        expect(answers.filter((a) => a.status === 409)).toHaveLength(19)
      },
      60_000,
    )

    test('20 at once of one number, half as 台胞证 and half as passport: one of each type wins', async () => {
      const number = String(60_000_000 + seq++)
      const types: IdType[] = Array.from({ length: 20 }, (_, i) => (i % 2 ? 'tw-permit' : 'passport'))
      const inputs = await Promise.all(types.map((type) => input(type, { idNumber: number })))
      const answers = await Promise.all(inputs.map((body) => send(mock, 'POST', '/api/account/register', body)))
      const won = answers.flatMap((a, i) => (a.status === 200 ? [types[i]] : []))
      expect(won.sort()).toEqual(['passport', 'tw-permit'])
    }, 60_000)
  })
})
