import { endpoints, type EndpointName, type RequestOf, type ResponseOf } from '@contract/api'
import { callEndpoint, type CallOptions } from './request'
import type { RecordKind } from '../domain/education'

export { ApiError, messageOf } from './api-error'
export { setApiBase, getApiBase, newIdempotencyKey, type CallOptions } from './request'
export { getSessionToken, setSessionToken, setSessionExpiredListener } from './session-token'

/** Calls an endpoint by its contract name, typed end to end. */
export function call<N extends EndpointName>(
  name: N,
  input: RequestOf<N>,
  options?: CallOptions,
): Promise<ResponseOf<N>> {
  return callEndpoint<ResponseOf<N>>(endpoints[name], input as object, options)
}

/** One typed function per endpoint; pages and stores use these. */
export const api = {
  health: () => call('health', {}),
  captcha: () => call('captcha', {}),
  simFaceRun: (verifyId: string) => call('simFaceRun', { verifyId }),
  simPayRun: (orderId: string) => call('simPayRun', { orderId }),
  simSubscribe: (templateIds: string[]) => call('simSubscribe', { templateIds }),
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
  logout: () => call('logout', {}),
  cancelCheck: () => call('cancelCheck', {}),
  cancelAccount: (reason?: string) => call('cancelAccount', { confirm: true, reason }),
  // Personal-info hub (issue 5); the photo upload goes through platform.uploadFile (src/stores/profile.ts)
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
}
