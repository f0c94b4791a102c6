// Types only from the contract's registry (types/api.ts holds every schema): the calls need just the routes.
import type { JsonEndpointName, RequestOf, ResponseOf, UploadName } from '@contract/api'
import { apiRoutes } from '@contract/api-routes'
import { callEndpoint, uploadEndpoint, type CallOptions, type UploadCallOptions } from './request'
import type { RecordKind } from '@domain/education'
import { provideSimulation } from '../platform/simulation'

export { ApiError, messageOf } from './api-error'
export {
  setApiBase,
  getApiBase,
  newIdempotencyKey,
  withRetry,
  type CallOptions,
  type UploadCallOptions,
} from './request'
export { serverNow } from './server-clock'
export { getSessionToken, setSessionToken, setSessionExpiredListener } from './session-token'

/** Calls a JSON endpoint by its contract name, typed end to end. */
export function call<N extends JsonEndpointName>(
  name: N,
  input: RequestOf<N>,
  options?: CallOptions,
): Promise<ResponseOf<N>> {
  return callEndpoint<ResponseOf<N>>(apiRoutes[name], input as object, options)
}

/**
 * Sends a file (a path the platform's chooseImage gave) to an upload endpoint by its contract name, with `fields`
 * beside it: the same session, error mapping, retries and idempotency as `call()`.
 */
export function upload<N extends UploadName>(
  name: N,
  filePath: string,
  fields: Record<string, string> = {},
  options?: UploadCallOptions,
): Promise<ResponseOf<N>> {
  return uploadEndpoint<ResponseOf<N>>(apiRoutes[name], filePath, fields, options)
}

/** One typed function per endpoint; pages and stores use these. */
export const api = {
  /** Every file upload (the photo, the scanner's screenshot) goes through here. */
  upload,
  health: () => call('health', {}),
  captcha: () => call('captcha', {}),
  simFaceRun: (verifyId: string) => call('simFaceRun', { verifyId }),
  simPayRun: (orderId: string, payer?: string) => call('simPayRun', { orderId, ...(payer ? { payer } : {}) }),
  simSubscribe: (templateIds: string[]) => call('simSubscribe', { templateIds, platform: 'h5' }),
  reminderTemplates: (platform: RequestOf<'reminderTemplates'>['platform']) => call('reminderTemplates', { platform }),
  // Account (issue 4)
  register: (input: RequestOf<'register'>, options?: CallOptions) => call('register', input, options),
  loginPassword: (input: RequestOf<'loginPassword'>) => call('loginPassword', input),
  faceLoginStart: (input: RequestOf<'faceLoginStart'>) => call('faceLoginStart', input),
  faceLoginFinish: (input: RequestOf<'faceLoginFinish'>) => call('faceLoginFinish', input),
  recoverQuestionStart: (input: RequestOf<'recoverQuestionStart'>) => call('recoverQuestionStart', input),
  recoverQuestionAnswer: (recoveryId: string, answer: string) => call('recoverQuestionAnswer', { recoveryId, answer }),
  recoverFaceStart: (input: RequestOf<'recoverFaceStart'>) => call('recoverFaceStart', input),
  recoverFaceFinish: (input: RequestOf<'recoverFaceFinish'>) => call('recoverFaceFinish', input),
  resetPassword: (resetToken: string, newPassword: string) => call('resetPassword', { resetToken, newPassword }),
  me: () => call('me', {}),
  // Best effort and quick: the device is logged out whatever the server answers.
  logout: () => call('logout', {}, { retry: { retries: 1 } }),
  cancelCheck: () => call('cancelCheck', {}),
  cancelAccount: (reason?: string) => call('cancelAccount', { confirm: true, reason }),
  // Personal-info hub (issue 5); the photo goes up with api.upload('uploadPhoto', ...)
  profileSummary: () => call('profileSummary', {}),
  profileBasic: () => call('profileBasic', {}),
  profilePhoto: () => call('profilePhoto', {}),
  listRecords: (kind: RecordKind) => call('listRecords', { kind }),
  addRecord: (input: RequestOf<'addRecord'>, options?: CallOptions) => call('addRecord', input, options),
  deleteRecord: (kind: RecordKind, id: string) => call('deleteRecord', { kind, id }),
  searchSchools: (keyword: string) => call('searchSchools', { keyword }),
  binding: () => call('binding', {}),
  bind: (input: RequestOf<'bind'>) => call('bind', input),
  unbind: () => call('unbind', {}),
  // After the exam (issue 15)
  resultsSummary: () => call('resultsSummary', {}),
  ticket: (ticketId: string) => call('ticket', { ticketId }),
  ticketReminder: (ticketId: string) => call('ticketReminder', { ticketId }),
  scores: () => call('scores', {}),
  certificate: () => call('certificate', {}),
  verifyCertificate: (number: string) => call('verifyCertificate', { number }),
  // Online application (issue 13, docs/application.md); the exam photo upload goes through the platform's upload
  applicationExams: () => call('applicationExams', {}),
  applicationDictionaries: (examId: string) => call('applicationDictionaries', { examId }),
  applicationCentres: (examId: string, province: string) => call('applicationCentres', { examId, province }),
  listApplications: () => call('listApplications', {}),
  startApplication: (input: RequestOf<'startApplication'>) => call('startApplication', input),
  getApplication: (id: string) => call('getApplication', { id }),
  acceptDeclarations: (id: string) =>
    call('acceptDeclarations', { id, accepted: ['important-notice', 'integrity-pledge'] }),
  saveCentreStep: (input: RequestOf<'saveCentreStep'>) => call('saveCentreStep', input),
  saveBasicStep: (input: RequestOf<'saveBasicStep'>) => call('saveBasicStep', input),
  saveContactStep: (input: RequestOf<'saveContactStep'>) => call('saveContactStep', input),
  saveExamInfoStep: (input: RequestOf<'saveExamInfoStep'>) => call('saveExamInfoStep', input),
  saveEducationStep: (input: RequestOf<'saveEducationStep'>) => call('saveEducationStep', input),
  saveWorkStep: (input: RequestOf<'saveWorkStep'>) => call('saveWorkStep', input),
  confirmHubPhoto: (id: string) => call('confirmHubPhoto', { id }),
  reviewApplication: (id: string) => call('reviewApplication', { id }),
  /** `version` is the one the candidate reviewed; reuse `idempotencyKey` when retrying the same tap. */
  submitApplication: (id: string, version: number, options?: CallOptions) =>
    call('submitApplication', { id, version }, options),
  applicationForm: (id: string) => call('applicationForm', { id }),
  withdrawApplication: (id: string) => call('withdrawApplication', { id }),
  changeProvince: (id: string, province: string) => call('changeProvince', { id, province }),
  // After submission (issue 14, docs/process.md); materials go up with api.upload('uploadMaterial', path, { id, key })
  paymentOf: (id: string) => call('paymentOf', { id }),
  /** Opens (or reuses) the application's one order; reuse `idempotencyKey` when retrying the same tap. */
  /** `payerCode`: a fresh login code of the account that pays (mini-programs; the server binds the order to it). */
  startPayment: (
    id: string,
    platform: RequestOf<'startPayment'>['platform'],
    { payerCode, ...options }: CallOptions & { payerCode?: string } = {},
  ) => call('startPayment', { id, platform, ...(payerCode ? { payerCode } : {}) }, options),
  /** After the platform's cashier closes: the server asks the platform (its record, not the phone's word). */
  checkPayment: (id: string) => call('checkPayment', { id }),
  materialsOf: (id: string) => call('materialsOf', { id }),
  resubmitMaterials: (id: string) => call('resubmitMaterials', { id }),
  subscribeReminders: (input: RequestOf<'subscribeReminders'>) => call('subscribeReminders', input),
  messages: () => call('messages', {}),
}

// A browser has no platform to verify a face, pay or ask for reminders: the H5 stand-ins (platform.h5.ts) ask the mock
// server's simulation through this client, handed over here so that the platform never imports the client (the
// mini-programs' platforms never ask for it).
provideSimulation({ faceRun: api.simFaceRun, payRun: api.simPayRun, subscribe: api.simSubscribe })
