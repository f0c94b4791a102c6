import path from 'node:path'
import * as v from 'valibot'
import { api, call, setApiBase, setSessionToken } from '../../src/api'
import { OcrEngine } from '../../mock-server/features/scan/ocr/engine'
import { makeIdNumber } from '../../mock-server/scenarios'
import { endpoints, type EndpointName } from '../../types/api'
import { resetTaroStub } from '../support/taro-node'
import { startMock, type RunningMock } from '../support/servers'

/**
 * The contract is closed: every endpoint of the registry (types/api.ts), uploads included, is called through the
 * app's own client against the real mock server, and its answer must pass `v.parse` of the endpoint's response
 * schema. A new endpoint without a case here fails the typecheck (the table is keyed by every endpoint name) and the
 * first test.
 */
jest.setTimeout(120_000)

const PHOTO = path.join(__dirname, '..', 'fixtures', 'photos', 'valid-358x441.jpg')
const SCREENSHOT = path.join(__dirname, '..', 'fixtures', 'xuexin', 'other-750.jpg')

describe('every endpoint answers what its response schema says', () => {
  let mock: RunningMock
  const engine = new OcrEngine()
  let seq = 500
  beforeAll(async () => {
    mock = await startMock({ ocr: engine })
    setApiBase(mock.url)
  })
  afterAll(async () => {
    await mock.close()
    await engine.close()
  })
  beforeEach(async () => {
    resetTaroStub()
    setSessionToken(null)
    await mock.qa('/__qa/sim/face', { outcome: 'pass' })
    await mock.qa('/__qa/face/rate-limits/reset', {})
  })

  async function captcha() {
    const c = await api.captcha()
    const last = (await mock.qa('/__qa/captcha/last')) as { answer: string }
    return { captchaId: c.captchaId, captchaCode: last.answer }
  }

  /** A newly registered candidate, logged in (the client holds the session). */
  async function candidate() {
    const input = {
      username: `contract${seq}`,
      password: 'Abcdef12',
      name: '王·玥',
      idType: 'resident-id' as const,
      idNumber: makeIdNumber('110105', '19880229', String(seq++)),
      questionId: 'q-birthplace' as const,
      answer: '北京',
    }
    const session = await api.register({ ...input, ...(await captcha()) })
    setSessionToken(session.token)
    return { input, session }
  }

  const record = {
    kind: 'education' as const,
    certificateNo: '104321202005001234',
    school: '首都医科大学',
    graduationDate: '2020-07-01',
    major: '护理学',
    level: '本科',
    studyMode: '全日制' as const,
  }

  type FaceStart = typeof api.faceLoginStart | typeof api.recoverFaceStart
  /** A face verification opened on H5 (its simulated screen), for a new candidate. */
  async function faceOpened(start: FaceStart) {
    const { input } = await candidate()
    setSessionToken(null)
    const who = { name: input.name, idNumber: input.idNumber }
    const { verifyId } = await start({ ...who, platform: 'h5', ...(await captcha()) })
    return { verifyId, ...who }
  }
  /** ... and passed (QA's outcome, run by the simulated screen). */
  async function faceVerified(start: FaceStart) {
    const opened = await faceOpened(start)
    await api.simFaceRun(opened.verifyId)
    return opened
  }

  /** A new candidate whose ticket QA published, printable now; resolves with its id. */
  async function withTicket(): Promise<string> {
    const { input } = await candidate()
    const { ticketId } = (await mock.qa('/__qa/results/tickets', { username: input.username })) as { ticketId: string }
    return ticketId
  }
  /** A new candidate with every subject passed this year (QA published the scores). */
  async function withScores(): Promise<void> {
    const { input } = await candidate()
    const year = new Date().getFullYear()
    await mock.qa('/__qa/results/scores', { username: input.username, year, scores: { 1: 60, 2: 61, 3: 70, 4: 88 } })
  }

  /** How to get a real answer from each endpoint. */
  const cases: Record<EndpointName, () => Promise<unknown>> = {
    health: () => api.health(),
    captcha: () => api.captcha(),
    simFaceRun: async () => api.simFaceRun((await faceOpened(api.faceLoginStart)).verifyId),
    simPayRun: () => api.simPayRun(`order-${seq++}`),
    simSubscribe: () => api.simSubscribe(['tmpl-1']),
    register: async () => (await candidate()).session,
    loginPassword: async () => {
      const { input } = await candidate()
      return api.loginPassword({ username: input.username, password: input.password, ...(await captcha()) })
    },
    faceLoginStart: async () => {
      const { input } = await candidate()
      return api.faceLoginStart({ name: input.name, idNumber: input.idNumber, platform: 'h5', ...(await captcha()) })
    },
    faceLoginFinish: async () => api.faceLoginFinish(await faceVerified(api.faceLoginStart)),
    recoverQuestionStart: async () => {
      const { input } = await candidate()
      return api.recoverQuestionStart({ name: input.name, idNumber: input.idNumber, ...(await captcha()) })
    },
    recoverQuestionAnswer: async () => {
      const { input } = await candidate()
      const start = await api.recoverQuestionStart({ name: input.name, idNumber: input.idNumber, ...(await captcha()) })
      return api.recoverQuestionAnswer(start.recoveryId, input.answer)
    },
    recoverFaceStart: async () => {
      const { input } = await candidate()
      return api.recoverFaceStart({ name: input.name, idNumber: input.idNumber, platform: 'h5', ...(await captcha()) })
    },
    recoverFaceFinish: async () => api.recoverFaceFinish(await faceVerified(api.recoverFaceStart)),
    resetPassword: async () => {
      const { resetToken } = await api.recoverFaceFinish(await faceVerified(api.recoverFaceStart))
      return api.resetPassword(resetToken, 'NewPass#2026')
    },
    me: async () => (await candidate(), api.me()),
    logout: async () => (await candidate(), api.logout()),
    cancelCheck: async () => (await candidate(), api.cancelCheck()),
    cancelAccount: async () => (await candidate(), api.cancelAccount('不再报考')),
    profileSummary: async () => (await candidate(), api.profileSummary()),
    profileBasic: async () => (await candidate(), api.profileBasic()),
    profilePhoto: async () => (await candidate(), api.profilePhoto()),
    listRecords: async () => {
      await candidate()
      await api.addRecord(record)
      return api.listRecords('education')
    },
    addRecord: async () => (await candidate(), api.addRecord(record)),
    deleteRecord: async () => {
      await candidate()
      const added = await api.addRecord(record)
      return api.deleteRecord('education', added.id)
    },
    searchSchools: () => api.searchSchools('首都'),
    binding: async () => (await candidate(), api.binding()),
    bind: async () => (await candidate(), api.bind({ platform: 'h5', code: `h5-contract${seq++}` })),
    unbind: async () => {
      await candidate()
      await api.bind({ platform: 'h5', code: `h5-contract${seq++}` })
      return api.unbind()
    },
    uploadPhoto: async () => (await candidate(), api.upload('uploadPhoto', PHOTO)),
    scanEducation: async () => (await candidate(), api.upload('scanEducation', SCREENSHOT)),
    resultsSummary: async () => (await withTicket(), api.resultsSummary()),
    ticket: async () => api.ticket(await withTicket()),
    ticketReminder: async () => api.ticketReminder(await withTicket()),
    scores: async () => (await withScores(), api.scores()),
    certificate: async () => (await withScores(), api.certificate()),
    verifyCertificate: async () => {
      await withScores()
      const cert = await api.certificate()
      return api.verifyCertificate(cert.available ? cert.certificate.number : 'none')
    },
  }

  test('the table covers the whole registry', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(endpoints).sort())
  })

  test.each(Object.keys(endpoints) as EndpointName[])('%s', async (name) => {
    const answer = await cases[name]()
    expect(() => v.parse(endpoints[name].response, answer)).not.toThrow()
  })

  test('call() refuses upload endpoints at compile time; uploads share the session handling', async () => {
    // @ts-expect-error an upload endpoint is not a JSON call
    void (() => call('uploadPhoto', {}))
    setSessionToken('not-a-session')
    await expect(api.upload('uploadPhoto', PHOTO)).rejects.toMatchObject({ status: 401, code: expect.any(String) })
  })
})
