/**
 * What differs between WeChat, Alipay, Baidu and H5, behind one interface. Pages and stores call `platform.x()`;
 * the build picks platform.<target>.ts, so each bundle carries only its own branch.
 */
import type { FacePlatform } from '@contract/account'
import type { Drawing, Paint } from './drawing'
import type { FaceOutcome, PayOutcome, PlatformName, SubscribeAnswer, SubscribeOutcome } from '@contract/states'
export type { PlatformName }

/** Where a photo may be picked from: the album, the camera, or either (the platform asks). */
export type ImageSource = 'album' | 'camera' | 'any'

export interface ChosenImage {
  /** A path the platform's upload and image-info APIs accept (a temp file, or a blob URL on H5). */
  path: string
  /** Bytes. */
  size: number
}

/** A file picked from the chat files (WeChat's chooseMessageFile): a PDF material. */
export interface ChosenFile extends ChosenImage {
  /** The file's own name as the chat holds it (shown back to the candidate, never sent in a URL). */
  name: string
}

/**
 * Why the platform refused an ability, decided by its code from that platform's own table (REFUSALS in
 * platform.<target>.ts), which also says the way forward the page offers:
 * - `scope`: the candidate refused this mini-program the permission (WeChat "auth deny", Baidu 10003, Alipay 2001):
 *   the platform's settings (openSettings) can allow it again; Baidu never asks a second time.
 * - `system`: the phone's own permission for the client app is off (Alipay 15 on iOS, Baidu 10005): Alipay's guide
 *   (showPermissionGuide), else the phone's settings.
 * - `privacy`: WeChat's privacy popup was refused (errno 104/112): the settings cannot undo it; asking again
 *   (requestPrivacy) shows the popup again.
 * - `failed`: anything else.
 */
export type RefusalKind = 'scope' | 'system' | 'privacy' | 'failed'

/** What a platform call rejects with when the platform refused it (a cancel is not a refusal: it answers null). */
export class PlatformRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    /** The platform's own code (errno, errCode or error), for the logs; never shown. */
    readonly code: number | string | undefined,
  ) {
    super(`refused (${kind}${code === undefined ? '' : ` ${code}`})`)
    this.name = 'PlatformRefusal'
  }
}

/** The refusal a platform call rejected with, or `failed` for anything else. */
export function refusalOf(err: unknown): RefusalKind {
  return err instanceof PlatformRefusal ? err.kind : 'failed'
}

export interface ImageInfo {
  width: number
  height: number
  /** Lower-case format as the platform reports it (jpeg, png ...); the server checks the bytes again. */
  type: string
  /** The platform's EXIF orientation word (up, right, left-mirrored ...); absent where the size is upright already. */
  orientation?: string
}

export interface UploadOptions {
  url: string
  filePath: string
  /** The multipart field name. */
  name: string
  formData?: Record<string, string>
  headers?: Record<string, string>
  onProgress?: (percent: number) => void
}

export interface UploadResult {
  statusCode: number
  /** The response body as text. */
  data: string
  /**
   * The response headers, where the platform hands them over (they carry Retry-After and the server's time, which
   * the client reads as for any call); absent on clients too old to report them.
   */
  header?: Record<string, unknown>
}

/**
 * How the platform's face screen ended, as the phone saw it. `pass` only means the screen finished: the server asks
 * the platform for the real result before anyone is let in. `unsupported`: this phone (or platform) cannot do it.
 * (The server's own outcomes are FaceOutcome in types/states.ts; `expired` and `pending` are the server's to say.)
 */
export type FaceResult = Exclude<FaceOutcome, 'expired' | 'pending'>
/**
 * How the cashier closed, as the phone saw it: `pending` where the platform itself does not know yet (Alipay 8000
 * 正在处理中, 6004 支付结果未知): the app then asks the server, never guessing either way.
 */
export type PayResult = PayOutcome | 'pending'

/**
 * Why a subscription request was not even asked: `switched-off` (the candidate turned subscription messages off for
 * the app; the settings page turns them on again), `templates` (the platform refused the template ids), `unavailable`
 * (network, the dialog could not be shown, no such ability here).
 */
/** Why nothing was asked; `refused-for-good`: Baidu's 500101 earlier on this device (stores/reminders.ts). */
export type SubscribeFailure = 'switched-off' | 'templates' | 'unavailable' | 'refused-for-good'

/** How a subscription request ended: the outcome (any template accepted), each template's answer, or why not asked. */
export interface SubscribeResult {
  outcome: SubscribeOutcome
  answers: Record<string, SubscribeAnswer>
  failure: SubscribeFailure | null
  /** Baidu: the subscribe-id the form asked under (the server sends each message under it). */
  subscribeId?: string
  /** The platform's own code for a failure (its table: platform/subscribe.ts). */
  code?: number
}

export interface FaceVerifyRequest {
  /** The platform's id of the verification the server opened (WeChat verifyId, Alipay certifyId, the simulation's). */
  verifyId: string
  /** Alipay: the certification's url, from the server. */
  certifyUrl?: string
}

/** What the server needs to open a face verification here: the platform, and on WeChat a wx.login code. */
export interface FaceStartContext {
  platform: FacePlatform
  loginCode?: string
}

/** What this platform can do, so pages offer only what works here without asking which platform it is. */
export interface PlatformCapabilities {
  /** A live face verification the server can confirm with the platform (login and recovery by face). */
  faceVerification: boolean
  /**
   * Drawings are painted on a <canvas> of the page (DrawingCanvas: Alipay and Baidu); WeChat and H5 paint off screen
   * and need none (a large native canvas on a WeChat page would only cost memory).
   */
  pageCanvas: boolean
  /**
   * The platform can ask the candidate for subscription messages (WeChat, Alipay; H5's simulation). Baidu cannot
   * (platform.swan.ts): its reminders reach the candidate in the app's message list only.
   */
  subscribeMessages: boolean
  /**
   * Files other than photos can be picked (WeChat's chooseMessageFile: a PDF from a chat). Alipay and Baidu have no
   * file picker: photos only.
   */
  filePicker: boolean
  /**
   * The page is drawn by a view thread the logic sends its data to with `setData` (the mini-programs: WeChat's
   * experience score counts those calls); H5 renders the page itself. The form controls send a value down only when
   * it changes from outside on such a view (src/components/form-field/controls.tsx).
   */
  setDataView: boolean
  /**
   * Subscriptions are asked through a `<form report-submit report-type="subscribe">` the candidate taps (Baidu), not
   * a call: the pages wrap the asking button in SubscribeForm (components/subscribe-form), and requestSubscribe waits
   * for that form's answer (Platform.subscribeForm).
   */
  subscribeForm: boolean
  /**
   * The attribute that tells a screen reader what a view is (a button, a checkbox) where the app draws a control
   * with a view: WeChat `aria-role` (基础库 2.7.1+, with `aria-label`, `aria-checked` ...:
   * https://developers.weixin.qq.com/miniprogram/dev/component/aria-component.html), Alipay `role` (基础库 1.18.0+,
   * https://opendocs.alipay.com/mini/component/aria-component), H5 the standard `role`. Baidu documents no
   * accessibility attributes for its views: null (the views keep their text; no role is claimed).
   * components/a11y.ts builds the attributes; config/aria-plugin.ts lets Taro's templates carry them.
   */
  roleAttribute: 'role' | 'aria-role' | null
}

/** Baidu's subscribe form (capabilities.subscribeForm): its props, and the answers its submit events carry. */
export interface SubscribeFormChannel {
  /** The `<form>`'s props for these templates (1 to 3 ids the server issued) and this asking's subscribe-id. */
  props(templateIds: string[], subscribeId: string): Record<string, unknown>
  /** A subscribe form is on the page; the returned function takes it away. */
  attach(): () => void
  /** The form's submit event detail, after Baidu's panel answered. */
  submitted(detail: unknown): void
}

/** How saving an image ended: in the album (a download on H5), the album permission refused, cancelled, failed. */
/**
 * How saving an image ended: in the album (a download on H5), the album permission refused (`denied`: the
 * mini-program's scope; `system`: the phone's own; `privacy`: WeChat's privacy popup), cancelled, failed.
 */
export type SaveImageResult = 'saved' | 'denied' | 'system' | 'privacy' | 'cancel' | 'failed' | 'unsupported'

/** A place to show on the platform's map (the test centre): GCJ-02 coordinates (types/results.ts GeoPoint). */
export interface MapPlace {
  latitude: number
  longitude: number
  /** The place's name (the centre), shown on the map's card. */
  name: string
  address: string
}

/**
 * How opening the map ended: `opened` (the platform's map is up; on H5 a map site in a new tab), `privacy` (WeChat's
 * privacy popup refused), `blocked` (H5: the browser refused the new tab), `failed` (the platform refused the call).
 */
export type OpenLocationResult = 'opened' | 'privacy' | 'blocked' | 'failed'

/** An entry for the phone's calendar (wx.addPhoneCalendar's fields, times as epoch milliseconds). */
export interface CalendarEvent {
  title: string
  startsAt: number
  endsAt: number
  location: string
  description: string
  /** How long before the start the phone reminds the candidate, in seconds. */
  alarmOffsetSeconds: number
}

/**
 * How adding to the calendar ended: `added`, `denied` (the candidate refused the calendar scope: openSettings allows
 * it again), `privacy` (WeChat's privacy popup refused), `cancel`, `failed`, `unsupported` (no calendar API here).
 */
export type CalendarResult = 'added' | 'denied' | 'privacy' | 'cancel' | 'failed' | 'unsupported'

/** A question the candidate answers before something takes effect (撤回, 删除…). */
export interface ConfirmOptions {
  title: string
  content: string
  /** The confirm button's word (WeChat and Baidu show at most 4 characters). */
  confirmText: string
  cancelText?: string
  /** The confirm button's colour, a hex colour (#rrggbb): red (src/theme/colors.ts) for what cannot be undone. */
  confirmColor?: string
}

export interface Platform {
  readonly name: PlatformName
  readonly capabilities: PlatformCapabilities
  /**
   * A one-time code the server exchanges for the platform's user id (account binding; the payer of an order: WeChat
   * wx.login, Alipay my.getAuthCode, Baidu swan.getLoginCode).
   */
  getLoginCode(): Promise<string>
  /**
   * Lets the candidate pick one photo; null when they cancel. Rejects with PlatformRefusal when the platform refused
   * (the album or camera permission, WeChat's privacy popup).
   */
  chooseImage(source: ImageSource): Promise<ChosenImage | null>
  /**
   * Lets the candidate pick a file with one of these extensions from the chat files (capabilities.filePicker);
   * null when they cancel; rejects like chooseImage.
   */
  chooseFile?(extensions: string[]): Promise<ChosenFile | null>
  /** A smaller JPEG of a picked photo (the platform's compressImage), with its size; the original where it fails. */
  compressImage(image: ChosenImage): Promise<ChosenImage>
  getImageInfo(path: string): Promise<ImageInfo>
  /** The first `length` bytes of a chosen file (to tell its format by magic bytes); null when unreadable. */
  readFileHead?(path: string, length: number): Promise<Uint8Array | null>
  uploadFile(options: UploadOptions): Promise<UploadResult>
  /** The platform's part of opening a face verification (rejects with UnsupportedOnPlatform where there is none). */
  faceStartContext(): Promise<FaceStartContext>
  /** Runs the platform's face screen for a verification the server opened; the server then asks the platform. */
  verifyFace(request: FaceVerifyRequest): Promise<FaceResult>
  /** The platform's payment for an order the server created. */
  /**
   * `resultPage` (path and query) is the page that checks the order with the server after the cashier: Baidu's
   * `orderInfo.payResultUrl`, where its cashier returns without calling back (its web form).
   */
  requestPayment(orderId: string, payParams: Record<string, string>, resultPage?: string): Promise<PayResult>
  /** Asks to send reminder messages (待办事项提醒) for these templates. */
  requestSubscribe(templateIds: string[]): Promise<SubscribeResult>
  /** Where subscriptions are asked through a form (capabilities.subscribeForm): the form's channel. */
  readonly subscribeForm?: SubscribeFormChannel
  /**
   * Paints the drawing (src/platform/drawing.ts) and exports it as an image: a temp file path on the mini-programs, a
   * PNG data URL on H5. Its picture (`imageUrl`) is downloaded first and drawn; one that cannot be downloaded leaves
   * its box outlined. `canvasId`: the <DrawingCanvas> on the page (Alipay and Baidu draw there; WeChat and H5 paint
   * off screen). `paint` is drawing.ts's painter, handed over by the caller so that no platform file imports it (it
   * loads with the pages that save images). Save it with saveImage (saveDrawingAsImage in save-image.ts does both).
   */
  renderDrawing(drawing: Drawing, canvasId: string, paint: Paint): Promise<string>
  /** Saves an exported drawing: to the photo album on the mini-programs (asking for the permission), a download on H5. */
  saveImage(path: string, fileName: string): Promise<SaveImageResult>
  /**
   * Opens the platform's permission settings (after a `scope` refusal); false where there are none or the platform
   * refused to open them (WeChat and Baidu open them only from a tap).
   */
  openSettings(): Promise<boolean>
  /** After a `system` refusal: the platform's guide to the phone's own album permission (Alipay); false elsewhere. */
  showPermissionGuide(): Promise<boolean>
  /** After a `privacy` refusal: shows WeChat's privacy popup again; true once agreed (true where there is none). */
  requestPrivacy(): Promise<boolean>
  /**
   * The platform's own modal question (WeChat wx.showModal, Alipay my.confirm, Baidu swan.showModal, H5 Taro's modal);
   * true when the candidate confirmed, false when they cancelled or the modal could not be shown.
   */
  confirm(options: ConfirmOptions): Promise<boolean>
  /** Shows the place on the platform's own map (which offers the route there); a map site in a new tab on H5. */
  openLocation(place: MapPlace): Promise<OpenLocationResult>
  /**
   * Whether this client can put an entry in the phone's calendar (WeChat 基础库 2.15.0+, asked with wx.canIUse);
   * false on Alipay, Baidu and H5, whose candidates get the app's message list instead.
   */
  canAddToCalendar(): boolean
  /** Adds the entry to the phone's calendar (asks for the calendar permission); only from a tap. */
  addToCalendar(event: CalendarEvent): Promise<CalendarResult>
}

/** The error a platform call rejects with when the ability does not exist on this platform. */
export class UnsupportedOnPlatform extends Error {
  constructor(ability: string, platform: string) {
    super(`${ability} is not available on ${platform}`)
    this.name = 'UnsupportedOnPlatform'
  }
}
