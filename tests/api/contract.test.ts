import path from 'node:path'
import * as v from 'valibot'
import { api, call, setApiBase, setSessionToken } from '../../src/api'
import { OcrEngine } from '../../mock-server/features/scan/ocr/engine'
import { DEMO_CANDIDATE, makeIdNumber } from '../../mock-server/scenarios'
import { endpoints, type EndpointName } from '../../types/api'
import { resetTaroStub } from '../support/taro-node'
import { startMock, type RunningMock } from '../support/servers'
import { FILLED, fillApplication } from '../support/application-fixture'

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
    await mock.qaApi('simFace', { outcome: 'pass' })
    await mock.qaApi('resetFaceRateLimits')
  })

  async function captcha() {
    const c = await api.captcha()
    const last = await mock.qaApi('lastCaptcha')
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
    const { ticketId } = await mock.qaApi('publishTicket', { username: input.username })
    return ticketId
  }
  /** A new candidate with every subject passed this year (QA published the scores). */
  async function withScores(): Promise<void> {
    const { input } = await candidate()
    const year = new Date().getFullYear()
    await mock.qaApi('publishScores', { username: input.username, year, scores: { 1: 60, 2: 61, 3: 70, 4: 88 } })
  }
  /** The demo candidate of `apply-open` (hub complete, windows open), logged in; this year's 卫生 exam. */
  async function applicant(): Promise<{ examId: string }> {
    await mock.qaApi('loadScenario', { name: 'apply-open' })
    const { token } = await mock.qaApi('createSession', { username: DEMO_CANDIDATE.username })
    setSessionToken(token)
    const { exams } = await api.applicationExams()
    return { examId: exams.find((e) => e.kind === 'health' && e.windowState === 'open')!.id }
  }
  /** An application started in 北京, the declarations accepted unless told otherwise. */
  async function applying(accept = true) {
    const app = await api.startApplication({ examId: (await applicant()).examId, province: '11' })
    return accept ? api.acceptDeclarations(app.id) : app
  }
  /** Every step saved and the hub photo confirmed. */
  async function filledApplication() {
    const { id } = await applying()
    return fillApplication(api, id, { educationRecordId: (await api.listRecords('education')).records[0].id })
  }

  /** How to get a real answer from each endpoint. */
  /** A complete application made by QA (issue 14), submitted unless told otherwise; materials only when submitted. */
  async function qaApplication(province: string, submit: boolean): Promise<{ id: string }> {
    await applicant()
    return await mock.qaApi('processApplication', {
      username: DEMO_CANDIDATE.username,
      province,
      submit,
      materials: submit,
    })
  }
  /** ... in 北京, confirmed and through both review stages (ready to pay). */
  async function reviewed(): Promise<{ id: string }> {
    const { id } = await qaApplication('11', true)
    await mock.qaApi('confirmApplication', { id })
    await mock.qaApi('reviewStage', { id, stage: 'centre', outcome: 'pass' })
    await mock.qaApi('reviewStage', { id, stage: 'region', outcome: 'pass' })
    return { id }
  }
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
    // Online application (issue 13): the demo candidate of `apply-open`, an application filled step by step.
    applicationExams: async () => (await applicant(), api.applicationExams()),
    applicationDictionaries: async () => api.applicationDictionaries((await applicant()).examId),
    applicationCentres: async () => api.applicationCentres((await applicant()).examId, '12'),
    listApplications: async () => (await applying(), api.listApplications()),
    startApplication: async () => {
      const { examId } = await applicant()
      return api.startApplication({ examId, province: '11' })
    },
    getApplication: async () => api.getApplication((await applying()).id),
    acceptDeclarations: async () => api.acceptDeclarations((await applying(false)).id),
    saveCentreStep: async () => api.saveCentreStep({ id: (await applying()).id, ...FILLED.centre }),
    saveBasicStep: async () => api.saveBasicStep({ id: (await applying()).id, ...FILLED.basic }),
    saveContactStep: async () => api.saveContactStep({ id: (await applying()).id, ...FILLED.contact }),
    saveExamInfoStep: async () => api.saveExamInfoStep({ id: (await applying()).id, ...FILLED.examInfo }),
    saveEducationStep: async () => {
      const { id } = await applying()
      const records = (await api.listRecords('education')).records
      return api.saveEducationStep({ id, educationRecordId: records[0].id })
    },
    saveWorkStep: async () => api.saveWorkStep({ id: (await applying()).id, ...FILLED.work }),
    confirmHubPhoto: async () => api.confirmHubPhoto((await applying()).id),
    uploadExamPhoto: async () => api.upload('uploadExamPhoto', PHOTO, { id: (await applying()).id }),
    reviewApplication: async () => api.reviewApplication((await applying()).id),
    submitApplication: async () => {
      const app = await filledApplication()
      return api.submitApplication(app.id, app.version)
    },
    applicationForm: async () => api.applicationForm((await filledApplication()).id),
    withdrawApplication: async () => {
      const app = await filledApplication()
      await api.submitApplication(app.id, app.version)
      return api.withdrawApplication(app.id)
    },
    changeProvince: async () => api.changeProvince((await applying()).id, '12'),
    paymentOf: async () => api.paymentOf((await reviewed()).id),
    startPayment: async () => api.startPayment((await reviewed()).id, 'h5'),
    checkPayment: async () => {
      const { id } = await reviewed()
      await api.startPayment(id, 'weapp')
      return api.checkPayment(id)
    },
    materialsOf: async () => api.materialsOf((await qaApplication('12', false)).id),
    uploadMaterial: async () =>
      api.upload('uploadMaterial', PHOTO, { id: (await qaApplication('12', false)).id, key: 'id-card' }),
    resubmitMaterials: async () => {
      const { id } = await qaApplication('12', true)
      await mock.qaApi('rejectConfirmation', { id, reason: '材料不清晰' })
      return api.resubmitMaterials(id)
    },
    subscribeReminders: async () => {
      await applicant()
      return api.subscribeReminders({ platform: 'h5', templateIds: ['tmpl-1'], outcome: 'accept' })
    },
    messages: async () => {
      const { id } = await reviewed()
      expect(id).toBeTruthy()
      return api.messages()
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
