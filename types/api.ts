import * as v from 'valibot'
import {
  CancelAccountRequest,
  CancelCheckResponse,
  FaceFinishRequest,
  FaceStartRequest,
  FaceStartResponse,
  Me,
  RecoverQuestionAnswerRequest,
  RecoverQuestionStartRequest,
  RecoverQuestionStartResponse,
  RegisterRequest,
  ResetPasswordRequest,
  ResetTokenResponse,
  SessionResponse,
} from './account'
import { PasswordLoginRequest } from './auth'
import { CaptchaResponse } from './captcha'
import { Empty, OkResponse } from './common'
import { HealthResponse } from './health'
import {
  AddRecordRequest,
  BasicInfoResponse,
  BindingResponse,
  BindRequest,
  DeleteRecordRequest,
  EducationRecord,
  ListRecordsRequest,
  ListRecordsResponse,
  PhotoResponse,
  ProfileSummaryResponse,
  SchoolSearchRequest,
  SchoolSearchResponse,
} from './profile'
import {
  SimFaceRunRequest,
  SimFaceRunResponse,
  SimPayRunRequest,
  SimPayRunResponse,
  SimSubscribeRequest,
  SimSubscribeResponse,
} from './platform-sim'
import {
  CertificateResponse,
  ReminderResponse,
  ResultsSummaryResponse,
  ScoresResponse,
  TicketRequest,
  TicketResponse,
  VerifyCertificateRequest,
  VerifyCertificateResponse,
} from './results'
import { ScanEducationResponse } from './scan'
import {
  AcceptDeclarationsRequest,
  ApplicationFormResponse,
  ApplicationListResponse,
  ApplicationRef,
  ApplicationView,
  CentresRequest,
  CentresResponse,
  ChangeProvinceRequest,
  DictionariesRequest,
  DictionariesResponse,
  ExamsResponse,
  ReviewResponse,
  SaveBasicRequest,
  SaveCentreRequest,
  SaveContactRequest,
  SaveEducationRequest,
  SaveExamInfoRequest,
  SaveWorkRequest,
  StartApplicationRequest,
  SubmitRequest,
} from './application'
import {
  ApplicationRef as ProcessRef,
  MaterialsView,
  MaterialUploadRequest,
  MessagesResponse,
  PaymentView,
  ReminderTemplatesRequest,
  ReminderTemplatesResponse,
  ResubmitResponse,
  StartPaymentRequest,
  StartPaymentResponse,
  SubscribeRequest,
  SubscribeResponse,
} from './process'

import { apiRoutes, type Route, type RouteName, type UploadSpec } from './api-routes'

export {
  apiRoutes,
  CLIENT_TIMEOUT_MS,
  IDEMPOTENCY_HEADER,
  isStateChanging,
  requestTarget,
  SERVER_TIME_HEADER,
  SESSION_HEADER,
  type HttpMethod,
  type Route,
  type RouteName,
  type UploadSpec,
} from './api-routes'

/**
 * One endpoint of the contract: its route (types/api-routes.ts: method, path, session, upload field) with the schemas
 * of its request and its response. The server validates every request against `request`; the client's forms use
 * the same schemas.
 */
export interface Endpoint<
  Req extends v.GenericSchema = v.GenericSchema,
  Res extends v.GenericSchema = v.GenericSchema,
> extends Route {
  request: Req
  response: Res
}

/** The endpoint `name`: its route with its schemas (for an upload, `request` describes the fields beside the file). */
function endpoint<N extends RouteName, Req extends v.GenericSchema, Res extends v.GenericSchema>(
  name: N,
  request: Req,
  response: Res,
): (typeof apiRoutes)[N] & { request: Req; response: Res } {
  return { ...apiRoutes[name], request, response }
}

/** The whole API, by name: every route of types/api-routes.ts with its schemas (the typecheck wants each one). */
export const endpoints = {
  health: endpoint('health', Empty, HealthResponse),
  captcha: endpoint('captcha', Empty, CaptchaResponse),
  simFaceRun: endpoint('simFaceRun', SimFaceRunRequest, SimFaceRunResponse),
  simPayRun: endpoint('simPayRun', SimPayRunRequest, SimPayRunResponse),
  simSubscribe: endpoint('simSubscribe', SimSubscribeRequest, SimSubscribeResponse),
  // Account (issue 4)
  register: endpoint('register', RegisterRequest, SessionResponse),
  loginPassword: endpoint('loginPassword', PasswordLoginRequest, SessionResponse),
  faceLoginStart: endpoint('faceLoginStart', FaceStartRequest, FaceStartResponse),
  faceLoginFinish: endpoint('faceLoginFinish', FaceFinishRequest, SessionResponse),
  recoverQuestionStart: endpoint('recoverQuestionStart', RecoverQuestionStartRequest, RecoverQuestionStartResponse),
  recoverQuestionAnswer: endpoint('recoverQuestionAnswer', RecoverQuestionAnswerRequest, ResetTokenResponse),
  recoverFaceStart: endpoint('recoverFaceStart', FaceStartRequest, FaceStartResponse),
  recoverFaceFinish: endpoint('recoverFaceFinish', FaceFinishRequest, ResetTokenResponse),
  resetPassword: endpoint('resetPassword', ResetPasswordRequest, OkResponse),
  me: endpoint('me', Empty, Me),
  logout: endpoint('logout', Empty, OkResponse),
  cancelCheck: endpoint('cancelCheck', Empty, CancelCheckResponse),
  cancelAccount: endpoint('cancelAccount', CancelAccountRequest, OkResponse),
  // Personal-info hub (issue 5)
  profileSummary: endpoint('profileSummary', Empty, ProfileSummaryResponse),
  profileBasic: endpoint('profileBasic', Empty, BasicInfoResponse),
  profilePhoto: endpoint('profilePhoto', Empty, PhotoResponse),
  listRecords: endpoint('listRecords', ListRecordsRequest, ListRecordsResponse),
  addRecord: endpoint('addRecord', AddRecordRequest, EducationRecord),
  deleteRecord: endpoint('deleteRecord', DeleteRecordRequest, OkResponse),
  searchSchools: endpoint('searchSchools', SchoolSearchRequest, SchoolSearchResponse),
  binding: endpoint('binding', Empty, BindingResponse),
  bind: endpoint('bind', BindRequest, BindingResponse),
  unbind: endpoint('unbind', Empty, BindingResponse),
  uploadPhoto: endpoint('uploadPhoto', Empty, PhotoResponse),
  // Scanner (issue 6)
  scanEducation: endpoint('scanEducation', Empty, ScanEducationResponse),
  // After the exam (issue 15): ticket, scores, certificate
  resultsSummary: endpoint('resultsSummary', Empty, ResultsSummaryResponse),
  ticket: endpoint('ticket', TicketRequest, TicketResponse),
  ticketReminder: endpoint('ticketReminder', TicketRequest, ReminderResponse),
  scores: endpoint('scores', Empty, ScoresResponse),
  certificate: endpoint('certificate', Empty, CertificateResponse),
  verifyCertificate: endpoint('verifyCertificate', VerifyCertificateRequest, VerifyCertificateResponse),
  // Online application (issue 13, docs/application.md)
  applicationExams: endpoint('applicationExams', Empty, ExamsResponse),
  applicationDictionaries: endpoint('applicationDictionaries', DictionariesRequest, DictionariesResponse),
  applicationCentres: endpoint('applicationCentres', CentresRequest, CentresResponse),
  listApplications: endpoint('listApplications', Empty, ApplicationListResponse),
  startApplication: endpoint('startApplication', StartApplicationRequest, ApplicationView),
  getApplication: endpoint('getApplication', ApplicationRef, ApplicationView),
  acceptDeclarations: endpoint('acceptDeclarations', AcceptDeclarationsRequest, ApplicationView),
  saveCentreStep: endpoint('saveCentreStep', SaveCentreRequest, ApplicationView),
  saveBasicStep: endpoint('saveBasicStep', SaveBasicRequest, ApplicationView),
  saveContactStep: endpoint('saveContactStep', SaveContactRequest, ApplicationView),
  saveExamInfoStep: endpoint('saveExamInfoStep', SaveExamInfoRequest, ApplicationView),
  saveEducationStep: endpoint('saveEducationStep', SaveEducationRequest, ApplicationView),
  saveWorkStep: endpoint('saveWorkStep', SaveWorkRequest, ApplicationView),
  uploadExamPhoto: endpoint('uploadExamPhoto', ApplicationRef, ApplicationView),
  confirmHubPhoto: endpoint('confirmHubPhoto', ApplicationRef, ApplicationView),
  reviewApplication: endpoint('reviewApplication', ApplicationRef, ReviewResponse),
  submitApplication: endpoint('submitApplication', SubmitRequest, ApplicationView),
  applicationForm: endpoint('applicationForm', ApplicationRef, ApplicationFormResponse),
  withdrawApplication: endpoint('withdrawApplication', ApplicationRef, ApplicationView),
  changeProvince: endpoint('changeProvince', ChangeProvinceRequest, ApplicationView),
  // After submission (issue 14, docs/process.md): payment, materials, reminders
  paymentOf: endpoint('paymentOf', ProcessRef, PaymentView),
  startPayment: endpoint('startPayment', StartPaymentRequest, StartPaymentResponse),
  checkPayment: endpoint('checkPayment', ProcessRef, PaymentView),
  materialsOf: endpoint('materialsOf', ProcessRef, MaterialsView),
  uploadMaterial: endpoint('uploadMaterial', MaterialUploadRequest, MaterialsView),
  resubmitMaterials: endpoint('resubmitMaterials', ProcessRef, ResubmitResponse),
  reminderTemplates: endpoint('reminderTemplates', ReminderTemplatesRequest, ReminderTemplatesResponse),
  subscribeReminders: endpoint('subscribeReminders', SubscribeRequest, SubscribeResponse),
  messages: endpoint('messages', Empty, MessagesResponse),
} satisfies { [N in RouteName]: Endpoint }

export type Endpoints = typeof endpoints
export type EndpointName = keyof Endpoints
export type RequestOf<N extends EndpointName> = v.InferInput<Endpoints[N]['request']>
export type ResponseOf<N extends EndpointName> = v.InferOutput<Endpoints[N]['response']>
/** The endpoints that take a file (multipart), by name. */
export type UploadName = {
  [N in EndpointName]: Endpoints[N] extends { upload: UploadSpec } ? N : never
}[EndpointName]
/** The endpoints that take JSON (or a query), by name: what `call()` accepts. */
export type JsonEndpointName = Exclude<EndpointName, UploadName>
