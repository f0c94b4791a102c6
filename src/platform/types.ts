/**
 * What differs between WeChat, Alipay, Baidu and H5, behind one interface. Pages and stores call `platform.x()`;
 * the build picks platform.<target>.ts, so each bundle carries only its own branch.
 */
import type { FaceOutcome, PayOutcome, PlatformName, SubscribeOutcome } from '@contract/states'
export type { PlatformName }

export interface ChosenImage {
  /** A path the platform's upload and image-info APIs accept (a temp file, or a blob URL on H5). */
  path: string
  /** Bytes. */
  size: number
}

export interface ImageInfo {
  width: number
  height: number
  /** Lower-case format as the platform reports it (jpeg, png ...); the server checks the bytes again. */
  type: string
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
}

export type FaceResult = FaceOutcome
export type PayResult = PayOutcome
export type SubscribeResult = SubscribeOutcome

export interface FaceVerifyRequest {
  /** The server's id for this verification (WeChat verifyId, Alipay certifyId, or the mock's). */
  verifyId: string
  name: string
  idNumber: string
}

export interface Platform {
  readonly name: PlatformName
  /** A one-time code the server exchanges for the platform's user id (account binding). */
  getLoginCode(): Promise<string>
  /** Lets the candidate pick one photo; null when they cancel. */
  chooseImage(source: 'album' | 'camera' | 'any'): Promise<ChosenImage | null>
  getImageInfo(path: string): Promise<ImageInfo>
  /** The first `length` bytes of a chosen file (to tell its format by magic bytes); null when unreadable. */
  readFileHead?(path: string, length: number): Promise<Uint8Array | null>
  uploadFile(options: UploadOptions): Promise<UploadResult>
  /** The platform's face verification for a verification the server opened; the server decides from its own record. */
  verifyFace(request: FaceVerifyRequest): Promise<FaceResult>
  /** The platform's payment for an order the server created. */
  requestPayment(orderId: string, payParams: Record<string, string>): Promise<PayResult>
  /** Asks to send reminder messages (待办事项提醒) for these templates. */
  requestSubscribe(templateIds: string[]): Promise<SubscribeResult>
}

/** The error a platform call rejects with when the ability does not exist on this platform. */
export class UnsupportedOnPlatform extends Error {
  constructor(ability: string, platform: string) {
    super(`${ability} is not available on ${platform}`)
    this.name = 'UnsupportedOnPlatform'
  }
}
