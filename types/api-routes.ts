/**
 * Where each endpoint of the contract is on the wire: its method, its path, whether it needs a session, the file field
 * of an upload; and how a call is addressed (requestTarget, the headers, the client's timeout). This is all the app's
 * client needs to make a call, and it holds no schema: types/api.ts adds each endpoint's request and response schemas
 * to its route here (the server validates with them, the forms use them). The client imports only this module, so the
 * contract's schemas load with the stores and pages that use them (a mini-program's subpackage, an H5 page's chunk),
 * not in the main package's shared code or the H5 entry (docs/architecture.md, "What loads when").
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface UploadSpec {
  /** The multipart field that carries the file. */
  field: string
}

/**
 * One endpoint on the wire. `path` may hold `:name` parameters, filled from the request object's field of the same
 * name; what remains goes in the query string (GET/DELETE) or the JSON body (POST/PUT).
 */
export interface Route {
  method: HttpMethod
  path: string
  /** The call needs a logged-in candidate. */
  auth: boolean
  /** A multipart file upload (sent with the client's `api.upload`, not `call()`): the file's form field. */
  upload?: UploadSpec
}

/** Every endpoint's route, by the endpoint's name. A new endpoint gets its route here and its schemas in api.ts. */
export const apiRoutes = {
  health: { method: 'GET', path: '/api/health', auth: false },
  captcha: { method: 'GET', path: '/api/captcha', auth: false },
  simFaceRun: { method: 'POST', path: '/api/sim/face/:verifyId/run', auth: false },
  simPayRun: { method: 'POST', path: '/api/sim/pay/:orderId/run', auth: false },
  simSubscribe: { method: 'POST', path: '/api/sim/subscribe', auth: false },
  // Account (issue 4)
  register: { method: 'POST', path: '/api/account/register', auth: false },
  loginPassword: { method: 'POST', path: '/api/account/login', auth: false },
  faceLoginStart: { method: 'POST', path: '/api/account/face-login/start', auth: false },
  faceLoginFinish: { method: 'POST', path: '/api/account/face-login/finish', auth: false },
  recoverQuestionStart: { method: 'POST', path: '/api/account/recover/question/start', auth: false },
  recoverQuestionAnswer: { method: 'POST', path: '/api/account/recover/question/answer', auth: false },
  recoverFaceStart: { method: 'POST', path: '/api/account/recover/face/start', auth: false },
  recoverFaceFinish: { method: 'POST', path: '/api/account/recover/face/finish', auth: false },
  resetPassword: { method: 'POST', path: '/api/account/recover/reset', auth: false },
  me: { method: 'GET', path: '/api/account/me', auth: true },
  logout: { method: 'POST', path: '/api/account/logout', auth: true },
  cancelCheck: { method: 'GET', path: '/api/account/cancel-check', auth: true },
  cancelAccount: { method: 'POST', path: '/api/account/cancel', auth: true },
  // Personal-info hub (issue 5)
  profileSummary: { method: 'GET', path: '/api/profile/summary', auth: true },
  profileBasic: { method: 'GET', path: '/api/profile/basic', auth: true },
  profilePhoto: { method: 'GET', path: '/api/profile/photo', auth: true },
  listRecords: { method: 'GET', path: '/api/profile/records/:kind', auth: true },
  addRecord: { method: 'POST', path: '/api/profile/records/:kind', auth: true },
  deleteRecord: { method: 'DELETE', path: '/api/profile/records/:kind/:id', auth: true },
  searchSchools: { method: 'GET', path: '/api/schools', auth: false },
  binding: { method: 'GET', path: '/api/profile/binding', auth: true },
  bind: { method: 'POST', path: '/api/profile/binding', auth: true },
  unbind: { method: 'DELETE', path: '/api/profile/binding', auth: true },
  uploadPhoto: { method: 'POST', path: '/api/profile/photo', auth: true, upload: { field: 'photo' } },
  // Scanner (issue 6)
  scanEducation: { method: 'POST', path: '/api/scan/education', auth: true, upload: { field: 'file' } },
  // After the exam (issue 15): ticket, scores, certificate
  resultsSummary: { method: 'GET', path: '/api/results/summary', auth: true },
  ticket: { method: 'GET', path: '/api/results/tickets/:ticketId', auth: true },
  ticketReminder: { method: 'POST', path: '/api/results/tickets/:ticketId/reminder', auth: true },
  scores: { method: 'GET', path: '/api/results/scores', auth: true },
  certificate: { method: 'GET', path: '/api/results/certificate', auth: true },
  verifyCertificate: { method: 'GET', path: '/api/results/verify/:number', auth: false },
  // Online application (issue 13, docs/application.md)
  applicationExams: { method: 'GET', path: '/api/application/exams', auth: true },
  applicationDictionaries: { method: 'GET', path: '/api/application/dictionaries', auth: false },
  applicationCentres: { method: 'GET', path: '/api/application/centres', auth: false },
  listApplications: { method: 'GET', path: '/api/applications', auth: true },
  startApplication: { method: 'POST', path: '/api/applications', auth: true },
  getApplication: { method: 'GET', path: '/api/applications/:id', auth: true },
  acceptDeclarations: { method: 'POST', path: '/api/applications/:id/declarations', auth: true },
  saveCentreStep: { method: 'PUT', path: '/api/applications/:id/steps/centre', auth: true },
  saveBasicStep: { method: 'PUT', path: '/api/applications/:id/steps/basic', auth: true },
  saveContactStep: { method: 'PUT', path: '/api/applications/:id/steps/contact', auth: true },
  saveExamInfoStep: { method: 'PUT', path: '/api/applications/:id/steps/exam-info', auth: true },
  saveEducationStep: { method: 'PUT', path: '/api/applications/:id/steps/education', auth: true },
  saveWorkStep: { method: 'PUT', path: '/api/applications/:id/steps/work', auth: true },
  uploadExamPhoto: { method: 'POST', path: '/api/applications/:id/photo', auth: true, upload: { field: 'photo' } },
  confirmHubPhoto: { method: 'POST', path: '/api/applications/:id/photo/confirm', auth: true },
  reviewApplication: { method: 'GET', path: '/api/applications/:id/review', auth: true },
  submitApplication: { method: 'POST', path: '/api/applications/:id/submit', auth: true },
  applicationForm: { method: 'GET', path: '/api/applications/:id/form', auth: true },
  withdrawApplication: { method: 'POST', path: '/api/applications/:id/withdraw', auth: true },
  changeProvince: { method: 'POST', path: '/api/applications/:id/province', auth: true },
  // After submission (issue 14, docs/process.md): payment, materials, reminders
  paymentOf: { method: 'GET', path: '/api/applications/:id/payment', auth: true },
  startPayment: { method: 'POST', path: '/api/applications/:id/payment', auth: true },
  checkPayment: { method: 'POST', path: '/api/applications/:id/payment/check', auth: true },
  materialsOf: { method: 'GET', path: '/api/applications/:id/materials', auth: true },
  uploadMaterial: {
    method: 'POST',
    path: '/api/applications/:id/materials/:key',
    auth: true,
    upload: { field: 'file' },
  },
  resubmitMaterials: { method: 'POST', path: '/api/applications/:id/materials/submit', auth: true },
  reminderTemplates: { method: 'GET', path: '/api/reminders/templates', auth: true },
  subscribeReminders: { method: 'POST', path: '/api/reminders/subscriptions', auth: true },
  messages: { method: 'GET', path: '/api/messages', auth: true },
} as const satisfies Record<string, Route>

export type RouteName = keyof typeof apiRoutes

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
