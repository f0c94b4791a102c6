import { examYearOf } from '../../domain/results'
import { LATIN_NAME_MESSAGES, NAME_MESSAGES } from '../../domain/person-name'
import type { IdType } from '../../domain/id-documents'
import { api, ApiError, call, setSessionToken } from '../../src/api'
import type { RegisterRequest } from '../../types/account'
import { clientAgainstMock } from './support/client-mock'
import { send } from './support/candidates'

/**
 * Names in Latin letters (issue 24), through the app's client against the real mock server: a passport's or a
 * 外国人永久居留身份证's holder registers the name as the document prints it (typed in any case, with extra spaces:
 * kept in capitals with single spaces), logs in, recovers by question with it, and finds it on the application, the
 * 报名表, the ticket and the certificate; a Latin name under any other document is a 400 VALIDATION_FAILED with the
 * Chinese message under `name`, as the form shows it.
 */
jest.setTimeout(60_000)

const HOUR = 3600_000
const NAME = "MARIE-CLAIRE JOSEPHINE O'NEILL-BERTRAND"

describe('names in Latin letters', () => {
  const mock = clientAgainstMock({
    loginQueue: { budgetMs: 120_000 },
    rateLimits: { captcha: { limit: 10_000, windowMs: 60_000 } },
  })
  let seq = 500

  beforeAll(async () => {
    await mock.qaApi('setLoginQueue', { capacity: 10_000 })
    await mock.qaApi('loadScenario', { name: 'apply-open' })
  })
  beforeEach(() => setSessionToken(null))

  async function captcha() {
    const c = await api.captcha()
    const { answer } = await mock.qaApi('captchaAnswer', { captchaId: c.captchaId })
    return { captchaId: c.captchaId, captchaCode: answer }
  }

  const fail = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected the call to fail')
      },
      (e: unknown) => e as ApiError,
    )

  const numbers: Record<IdType, () => string> = {
    'resident-id': () => '11010519491231002X',
    'hk-mo-permit': () => `H${10_000_000 + seq++}`,
    'tw-permit': () => String(20_000_000 + seq++),
    'residence-permit': () => '810000199001010019',
    passport: () => `E${30_000_000 + seq++}`,
    'foreign-permanent': () => `FRA${String(110_090_123_000 + seq++)}`,
  }

  async function input(idType: IdType, name: string, over: Partial<RegisterRequest> = {}): Promise<RegisterRequest> {
    return {
      username: `latin${seq++}`,
      password: 'Abcdef12',
      name,
      idType,
      idNumber: numbers[idType](),
      gender: 'female',
      birthDate: '1990-05-06',
      nationality: 'FRA',
      questionId: 'q-birthplace',
      answer: 'LYON',
      ...(await captcha()),
      ...over,
    }
  }

  test('a passport holder: registers, logs in, recovers by question, and the name is on the application, 报名表, ticket and certificate', async () => {
    const reg = await input('passport', '  marie-claire  josephine   o’neill-bertrand ')
    const session = await api.register(reg)
    expect(session.account.name).toBe(NAME)
    expect((await mock.qaApi('candidate', { username: reg.username })).name).toBe(NAME)

    const login = await api.loginPassword({ username: reg.idNumber, password: 'Abcdef12', ...(await captcha()) })
    expect(login.account.name).toBe(NAME)

    // Recovery: the name typed as the candidate types it again, with the type chosen (the page) or without (older apps).
    for (const idType of ['passport', undefined] as const) {
      const started = await api.recoverQuestionStart({
        name: "Marie-Claire Josephine O'Neill-Bertrand",
        idNumber: reg.idNumber,
        ...(idType ? { idType } : {}),
        ...(await captcha()),
      })
      expect(started.questionId).toBe('q-birthplace')
    }
    const started = await api.recoverQuestionStart({
      name: NAME,
      idNumber: reg.idNumber,
      idType: 'passport',
      ...(await captcha()),
    })
    const { resetToken } = await api.recoverQuestionAnswer(started.recoveryId, 'LYON')
    await api.resetPassword(resetToken, 'Newpass99')
    // Another name is another person: the same refusal as any wrong name.
    const other = await fail(
      api.recoverQuestionStart({
        name: 'MARIE CURIE',
        idNumber: reg.idNumber,
        idType: 'passport',
        ...(await captcha()),
      }),
    )
    expect([other.status, other.code]).toEqual([400, 'IDENTITY_MISMATCH'])

    // 基本信息, the 报名表 and the ticket (西藏: no payment online, 报名成功 once both reviews passed).
    setSessionToken((await mock.qaApi('createSession', { username: reg.username })).token)
    expect((await api.profileBasic()).name).toBe(NAME)
    const app = await mock.qaApi('processApplication', { username: reg.username, province: '54' })
    expect((await call('getApplication', { id: app.id })).identity.name).toBe(NAME)
    const form = await call('applicationForm', { id: app.id })
    const basic = form.sections.find((s) => s.step === 'basic')!.rows
    expect(basic.find((r) => r.label === '姓名')?.value).toBe(NAME)
    await mock.qaApi('confirmApplication', { id: app.id })
    await mock.qaApi('reviewStage', { id: app.id, stage: 'centre', outcome: 'pass' })
    await mock.qaApi('reviewStage', { id: app.id, stage: 'region', outcome: 'pass' })
    const now = Date.parse((await mock.qaApi('clock')).now)
    const { ticketId } = await mock.qaApi('publishTicket', {
      username: reg.username,
      applicationId: app.id,
      opensAt: new Date(now - HOUR).toISOString(),
      examAt: new Date(now + 72 * HOUR).toISOString(),
    })
    expect((await call('ticket', { ticketId })).name).toBe(NAME)

    // Every subject passed: the certificate names the holder; a stranger checking it sees each word's initial only.
    const year = examYearOf(now)
    await mock.qaApi('publishScores', {
      username: reg.username,
      year,
      scores: { '1': 70, '2': 71, '3': 72, '4': 73 },
    })
    const cert = await api.certificate()
    if (!cert.available) throw new Error('expected the certificate')
    expect(cert.certificate.name).toBe(NAME)
    setSessionToken(null)
    const check = await api.verifyCertificate(cert.certificate.number)
    expect(check.nameMasked).toBe('M*********** J******** O***************')
  })

  test('a permanent-residence card holder registers a Latin name; a Chinese name stays allowed for both documents', async () => {
    const foreign = await api.register(await input('foreign-permanent', 'nguyen van an'))
    expect(foreign.account.name).toBe('NGUYEN VAN AN')
    const chinese = await api.register(await input('passport', '玛丽·居里'))
    expect(chinese.account.name).toBe('玛丽·居里')
    const withStandIn = await api.register(await input('foreign-permanent', '张yan明'))
    expect(withStandIn.account.name).toBe('张yan明')
  })

  describe('refusals: 400 VALIDATION_FAILED, the Chinese message under `name`', () => {
    test.each(['resident-id', 'hk-mo-permit', 'tw-permit', 'residence-permit'] as IdType[])(
      'a Latin name with a %s: the Chinese rule and its message, as before',
      async (idType) => {
        const err = await fail(api.register(await input(idType, 'JOHN SMITH')))
        expect([err.status, err.code]).toEqual([400, 'VALIDATION_FAILED'])
        expect(err.fields).toEqual({ name: NAME_MESSAGES.characters })
        const pinyin = await fail(api.register(await input(idType, 'zhang san')))
        expect(pinyin.fields).toEqual({ name: NAME_MESSAGES['pinyin-only'] })
      },
    )

    test.each([
      ['JOHN 史密斯', LATIN_NAME_MESSAGES.mixed],
      ['JOHN3 SMITH', LATIN_NAME_MESSAGES['latin-characters']],
      ['JOSÉ GARCÍA', LATIN_NAME_MESSAGES['latin-characters']],
      ["O' NEILL", LATIN_NAME_MESSAGES['latin-mark']],
      ['J', LATIN_NAME_MESSAGES['latin-too-short']],
      [`${'ABCDEFGHI '.repeat(6)}X`, LATIN_NAME_MESSAGES['latin-too-long']],
    ])('a passport holder’s %p', async (name, message) => {
      const err = await fail(api.register(await input('passport', name)))
      expect([err.status, err.code]).toEqual([400, 'VALIDATION_FAILED'])
      expect(err.fields).toEqual({ name: message })
    })

    test('question recovery with a Latin name and the resident ID chosen: refused before any lookup', async () => {
      const err = await fail(
        api.recoverQuestionStart({
          name: 'JOHN SMITH',
          idNumber: '11010519491231002X',
          idType: 'resident-id',
          ...(await captcha()),
        }),
      )
      expect([err.status, err.code]).toEqual([400, 'VALIDATION_FAILED'])
      expect(err.fields).toEqual({ name: NAME_MESSAGES.characters })
    })

    test('face login stays with Chinese names (the resident ID card only)', async () => {
      const res = await send(mock, 'POST', '/api/account/face-login/start', {
        name: 'JOHN SMITH',
        idNumber: '11010519491231002X',
        platform: 'h5',
        ...(await captcha()),
      })
      expect(res.status).toBe(400)
      expect((res.body as { error: { code: string; fields: Record<string, string> } }).error).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: { name: NAME_MESSAGES.characters },
      })
    })
  })

  test('20 registrations of one passport at once, the name typed two ways: one account, named once', async () => {
    const idNumber = numbers.passport()
    const requests = await Promise.all(
      Array.from({ length: 20 }, async (_, i) =>
        input('passport', i % 2 ? 'john  smith' : 'JOHN SMITH', { idNumber, username: `latinrace${seq}x${i}` }),
      ),
    )
    const answers = await Promise.all(requests.map((r) => send(mock, 'POST', '/api/account/register', r)))
    const codes = answers.map((a) => (a.status === 200 ? 'OK' : (a.body as { error: { code: string } }).error.code))
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1)
    expect(codes.filter((c) => c === 'ID_NUMBER_TAKEN')).toHaveLength(19)
    const winner = requests[answers.findIndex((a) => a.status === 200)]
    expect((await mock.qaApi('candidate', { username: winner.username })).name).toBe('JOHN SMITH')
  })
})
