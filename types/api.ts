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
  PHOTO_UPLOAD_FIELD,
  PHOTO_UPLOAD_PATH,
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
import { SCAN_UPLOAD_FIELD, ScanEducationResponse } from './scan'
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
  EXAM_PHOTO_UPLOAD_FIELD,
  EXAM_PHOTO_UPLOAD_PATH,
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
  MATERIAL_UPLOAD_FIELD,
  MATERIAL_UPLOAD_PATH,
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

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/**
 * One endpoint of the contract. `path` may hold `:name` parameters, filled from the request object's field of the
 * same name; what remains goes in the query string (GET/DELETE) or the JSON body (POST/PUT).
 * The server validates every request against `request`; the client's forms use the same schemas.
 */
export interface Endpoint<
  Req extends v.GenericSchema = v.GenericSchema,
  Res extends v.GenericSchema = v.GenericSchema,
> {
  method: HttpMethod
  path: string
  request: Req
  response: Res
  /** The call needs a logged-in candidate. */
  auth: boolean
  /** A multipart file upload (sent with the client's `api.upload`, not `call()`): the file's form field. */
  upload?: UploadSpec
}

export interface UploadSpec {
  /** The multipart field that carries the file. */
  field: string
}

function endpoint<Req extends v.GenericSchema, Res extends v.GenericSchema>(e: Endpoint<Req, Res>): Endpoint<Req, Res> {
  return e
}

/** An upload endpoint: `request` describes the text fields sent beside the file. */
function uploadEndpoint<Req extends v.GenericSchema, Res extends v.GenericSchema>(
  e: Endpoint<Req, Res> & { upload: UploadSpec },
): Endpoint<Req, Res> & { upload: UploadSpec } {
  return e
}

/** The whole API, by name. Later features add their endpoints here and nowhere else. */
export const endpoints = {
  health: endpoint({ method: 'GET', path: '/api/health', request: Empty, response: HealthResponse, auth: false }),
  captcha: endpoint({ method: 'GET', path: '/api/captcha', request: Empty, response: CaptchaResponse, auth: false }),
  simFaceRun: endpoint({
    method: 'POST',
    path: '/api/sim/face/:verifyId/run',
    request: SimFaceRunRequest,
    response: SimFaceRunResponse,
    auth: false,
  }),
  simPayRun: endpoint({
    method: 'POST',
    path: '/api/sim/pay/:orderId/run',
    request: SimPayRunRequest,
    response: SimPayRunResponse,
    auth: false,
  }),
  simSubscribe: endpoint({
    method: 'POST',
    path: '/api/sim/subscribe',
    request: SimSubscribeRequest,
    response: SimSubscribeResponse,
    auth: false,
  }),
  // Account (issue 4)
  register: endpoint({
    method: 'POST',
    path: '/api/account/register',
    request: RegisterRequest,
    response: SessionResponse,
    auth: false,
  }),
  loginPassword: endpoint({
    method: 'POST',
    path: '/api/account/login',
    request: PasswordLoginRequest,
    response: SessionResponse,
    auth: false,
  }),
  faceLoginStart: endpoint({
    method: 'POST',
    path: '/api/account/face-login/start',
    request: FaceStartRequest,
    response: FaceStartResponse,
    auth: false,
  }),
  faceLoginFinish: endpoint({
    method: 'POST',
    path: '/api/account/face-login/finish',
    request: FaceFinishRequest,
    response: SessionResponse,
    auth: false,
  }),
  recoverQuestionStart: endpoint({
    method: 'POST',
    path: '/api/account/recover/question/start',
    request: RecoverQuestionStartRequest,
    response: RecoverQuestionStartResponse,
    auth: false,
  }),
  recoverQuestionAnswer: endpoint({
    method: 'POST',
    path: '/api/account/recover/question/answer',
    request: RecoverQuestionAnswerRequest,
    response: ResetTokenResponse,
    auth: false,
  }),
  recoverFaceStart: endpoint({
    method: 'POST',
    path: '/api/account/recover/face/start',
    request: FaceStartRequest,
    response: FaceStartResponse,
    auth: false,
  }),
  recoverFaceFinish: endpoint({
    method: 'POST',
    path: '/api/account/recover/face/finish',
    request: FaceFinishRequest,
    response: ResetTokenResponse,
    auth: false,
  }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/api/account/recover/reset',
    request: ResetPasswordRequest,
    response: OkResponse,
    auth: false,
  }),
  me: endpoint({ method: 'GET', path: '/api/account/me', request: Empty, response: Me, auth: true }),
  logout: endpoint({ method: 'POST', path: '/api/account/logout', request: Empty, response: OkResponse, auth: true }),
  cancelCheck: endpoint({
    method: 'GET',
    path: '/api/account/cancel-check',
    request: Empty,
    response: CancelCheckResponse,
    auth: true,
  }),
  cancelAccount: endpoint({
    method: 'POST',
    path: '/api/account/cancel',
    request: CancelAccountRequest,
    response: OkResponse,
    auth: true,
  }),
  // Personal-info hub (issue 5)
  profileSummary: endpoint({
    method: 'GET',
    path: '/api/profile/summary',
    request: Empty,
    response: ProfileSummaryResponse,
    auth: true,
  }),
  profileBasic: endpoint({
    method: 'GET',
    path: '/api/profile/basic',
    request: Empty,
    response: BasicInfoResponse,
    auth: true,
  }),
  profilePhoto: endpoint({
    method: 'GET',
    path: '/api/profile/photo',
    request: Empty,
    response: PhotoResponse,
    auth: true,
  }),
  listRecords: endpoint({
    method: 'GET',
    path: '/api/profile/records/:kind',
    request: ListRecordsRequest,
    response: ListRecordsResponse,
    auth: true,
  }),
  addRecord: endpoint({
    method: 'POST',
    path: '/api/profile/records/:kind',
    request: AddRecordRequest,
    response: EducationRecord,
    auth: true,
  }),
  deleteRecord: endpoint({
    method: 'DELETE',
    path: '/api/profile/records/:kind/:id',
    request: DeleteRecordRequest,
    response: OkResponse,
    auth: true,
  }),
  searchSchools: endpoint({
    method: 'GET',
    path: '/api/schools',
    request: SchoolSearchRequest,
    response: SchoolSearchResponse,
    auth: false,
  }),
  binding: endpoint({
    method: 'GET',
    path: '/api/profile/binding',
    request: Empty,
    response: BindingResponse,
    auth: true,
  }),
  bind: endpoint({
    method: 'POST',
    path: '/api/profile/binding',
    request: BindRequest,
    response: BindingResponse,
    auth: true,
  }),
  unbind: endpoint({
    method: 'DELETE',
    path: '/api/profile/binding',
    request: Empty,
    response: BindingResponse,
    auth: true,
  }),
  uploadPhoto: uploadEndpoint({
    method: 'POST',
    path: PHOTO_UPLOAD_PATH,
    request: Empty,
    response: PhotoResponse,
    auth: true,
    upload: { field: PHOTO_UPLOAD_FIELD },
  }),
  // Scanner (issue 6)
  scanEducation: uploadEndpoint({
    method: 'POST',
    path: '/api/scan/education',
    request: Empty,
    response: ScanEducationResponse,
    auth: true,
    upload: { field: SCAN_UPLOAD_FIELD },
  }),
  // After the exam (issue 15): ticket, scores, certificate
  resultsSummary: endpoint({
    method: 'GET',
    path: '/api/results/summary',
    request: Empty,
    response: ResultsSummaryResponse,
    auth: true,
  }),
  ticket: endpoint({
    method: 'GET',
    path: '/api/results/tickets/:ticketId',
    request: TicketRequest,
    response: TicketResponse,
    auth: true,
  }),
  ticketReminder: endpoint({
    method: 'POST',
    path: '/api/results/tickets/:ticketId/reminder',
    request: TicketRequest,
    response: ReminderResponse,
    auth: true,
  }),
  scores: endpoint({
    method: 'GET',
    path: '/api/results/scores',
    request: Empty,
    response: ScoresResponse,
    auth: true,
  }),
  certificate: endpoint({
    method: 'GET',
    path: '/api/results/certificate',
    request: Empty,
    response: CertificateResponse,
    auth: true,
  }),
  verifyCertificate: endpoint({
    method: 'GET',
    path: '/api/results/verify/:number',
    request: VerifyCertificateRequest,
    response: VerifyCertificateResponse,
    auth: false,
  }),
  // Online application (issue 13, docs/application.md)
  applicationExams: endpoint({
    method: 'GET',
    path: '/api/application/exams',
    request: Empty,
    response: ExamsResponse,
    auth: true,
  }),
  applicationDictionaries: endpoint({
    method: 'GET',
    path: '/api/application/dictionaries',
    request: DictionariesRequest,
    response: DictionariesResponse,
    auth: false,
  }),
  applicationCentres: endpoint({
    method: 'GET',
    path: '/api/application/centres',
    request: CentresRequest,
    response: CentresResponse,
    auth: false,
  }),
  listApplications: endpoint({
    method: 'GET',
    path: '/api/applications',
    request: Empty,
    response: ApplicationListResponse,
    auth: true,
  }),
  startApplication: endpoint({
    method: 'POST',
    path: '/api/applications',
    request: StartApplicationRequest,
    response: ApplicationView,
    auth: true,
  }),
  getApplication: endpoint({
    method: 'GET',
    path: '/api/applications/:id',
    request: ApplicationRef,
    response: ApplicationView,
    auth: true,
  }),
  acceptDeclarations: endpoint({
    method: 'POST',
    path: '/api/applications/:id/declarations',
    request: AcceptDeclarationsRequest,
    response: ApplicationView,
    auth: true,
  }),
  saveCentreStep: endpoint({
    method: 'PUT',
    path: '/api/applications/:id/steps/centre',
    request: SaveCentreRequest,
    response: ApplicationView,
    auth: true,
  }),
  saveBasicStep: endpoint({
    method: 'PUT',
    path: '/api/applications/:id/steps/basic',
    request: SaveBasicRequest,
    response: ApplicationView,
    auth: true,
  }),
  saveContactStep: endpoint({
    method: 'PUT',
    path: '/api/applications/:id/steps/contact',
    request: SaveContactRequest,
    response: ApplicationView,
    auth: true,
  }),
  saveExamInfoStep: endpoint({
    method: 'PUT',
    path: '/api/applications/:id/steps/exam-info',
    request: SaveExamInfoRequest,
    response: ApplicationView,
    auth: true,
  }),
  saveEducationStep: endpoint({
    method: 'PUT',
    path: '/api/applications/:id/steps/education',
    request: SaveEducationRequest,
    response: ApplicationView,
    auth: true,
  }),
  saveWorkStep: endpoint({
    method: 'PUT',
    path: '/api/applications/:id/steps/work',
    request: SaveWorkRequest,
    response: ApplicationView,
    auth: true,
  }),
  uploadExamPhoto: uploadEndpoint({
    method: 'POST',
    path: EXAM_PHOTO_UPLOAD_PATH,
    request: ApplicationRef,
    response: ApplicationView,
    auth: true,
    upload: { field: EXAM_PHOTO_UPLOAD_FIELD },
  }),
  confirmHubPhoto: endpoint({
    method: 'POST',
    path: '/api/applications/:id/photo/confirm',
    request: ApplicationRef,
    response: ApplicationView,
    auth: true,
  }),
  reviewApplication: endpoint({
    method: 'GET',
    path: '/api/applications/:id/review',
    request: ApplicationRef,
    response: ReviewResponse,
    auth: true,
  }),
  submitApplication: endpoint({
    method: 'POST',
    path: '/api/applications/:id/submit',
    request: SubmitRequest,
    response: ApplicationView,
    auth: true,
  }),
  applicationForm: endpoint({
    method: 'GET',
    path: '/api/applications/:id/form',
    request: ApplicationRef,
    response: ApplicationFormResponse,
    auth: true,
  }),
  withdrawApplication: endpoint({
    method: 'POST',
    path: '/api/applications/:id/withdraw',
    request: ApplicationRef,
    response: ApplicationView,
    auth: true,
  }),
  changeProvince: endpoint({
    method: 'POST',
    path: '/api/applications/:id/province',
    request: ChangeProvinceRequest,
    response: ApplicationView,
    auth: true,
  }),
  // After submission (issue 14, docs/process.md): payment, materials, reminders
  paymentOf: endpoint({
    method: 'GET',
    path: '/api/applications/:id/payment',
    request: ProcessRef,
    response: PaymentView,
    auth: true,
  }),
  startPayment: endpoint({
    method: 'POST',
    path: '/api/applications/:id/payment',
    request: StartPaymentRequest,
    response: StartPaymentResponse,
    auth: true,
  }),
  checkPayment: endpoint({
    method: 'POST',
    path: '/api/applications/:id/payment/check',
    request: ProcessRef,
    response: PaymentView,
    auth: true,
  }),
  materialsOf: endpoint({
    method: 'GET',
    path: '/api/applications/:id/materials',
    request: ProcessRef,
    response: MaterialsView,
    auth: true,
  }),
  uploadMaterial: uploadEndpoint({
    method: 'POST',
    path: MATERIAL_UPLOAD_PATH,
    request: MaterialUploadRequest,
    response: MaterialsView,
    auth: true,
    upload: { field: MATERIAL_UPLOAD_FIELD },
  }),
  resubmitMaterials: endpoint({
    method: 'POST',
    path: '/api/applications/:id/materials/submit',
    request: ProcessRef,
    response: ResubmitResponse,
    auth: true,
  }),
  reminderTemplates: endpoint({
    method: 'GET',
    path: '/api/reminders/templates',
    request: ReminderTemplatesRequest,
    response: ReminderTemplatesResponse,
    auth: true,
  }),
  subscribeReminders: endpoint({
    method: 'POST',
    path: '/api/reminders/subscriptions',
    request: SubscribeRequest,
    response: SubscribeResponse,
    auth: true,
  }),
  messages: endpoint({ method: 'GET', path: '/api/messages', request: Empty, response: MessagesResponse, auth: true }),
} satisfies Record<string, Endpoint>

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

/** Methods that change state: the client sends an idempotency key with each, the server replays duplicates. */
export function isStateChanging(method: HttpMethod): boolean {
  return method !== 'GET'
}

/**
 * Where a call of `endpoint` goes: `:name` path parameters filled (encoded) from the input's fields of that name, the
 * rest as the query (GET, DELETE; empty values left out) or the JSON body. The app's client and the QA client both
 * build their requests with it.
 */
export function requestTarget(
  endpoint: { method: string; path: string },
  input: Record<string, unknown>,
): { path: string; body?: Record<string, unknown> } {
  const rest: Record<string, unknown> = { ...input }
  const path = endpoint.path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const value = rest[name]
    delete rest[name]
    return encodeURIComponent(String(value ?? ''))
  })
  if (endpoint.method !== 'GET' && endpoint.method !== 'DELETE') return { path, body: rest }
  const query = Object.entries(rest)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  return { path: query ? `${path}?${query}` : path }
}

/** The header carrying the idempotency key of a state-changing call. */
export const IDEMPOTENCY_HEADER = 'idempotency-key'
/**
 * How long the app waits for one answer before it counts the exchange as failed and (for a safe call) retries it;
 * a state-changing call retries with the same idempotency key, so the server answers it from the first one.
 */
export const CLIENT_TIMEOUT_MS = 15000
/** The header carrying the session token. */
export const SESSION_HEADER = 'authorization'
/**
 * Every response carries the server's time (ISO 8601, milliseconds) in this header, so the app can learn how far the
 * phone's clock is from the server's and compute deadlines and countdowns from the server's time. The `Date` header
 * carries the same moment to the second.
 */
export const SERVER_TIME_HEADER = 'x-server-time'
