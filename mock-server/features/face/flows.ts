import crypto from 'node:crypto'
import type { FacePlatform } from '../../../types/account'
import type { FaceFlow, FacePurpose, FaceState } from './state'
import type { FaceOutcome } from '../../../types/platform-sim'
import { sameName } from '../../../domain/person-name'
import { HttpError, badRequest } from '../../core/errors'
import {
  ALIPAY_FAIL_REASON,
  certHashOf,
  forgetOld,
  MockAlipay,
  MockWeChat,
  runSimulatedScan,
  SimulatedPlatform,
  WECHAT_VERIFY_RET,
  type ScanSource,
} from './platforms'

/** Our side of a face verification lasts as long as WeChat's verify_id: one hour (expires_in 3600). */
export const FACE_FLOW_TTL_MS = 60 * 60 * 1000
/** Starts per ID number, and per client, within the window. */
export const FACE_STARTS_PER_ID = 5
export const FACE_STARTS_PER_CLIENT = 20
export const FACE_RATE_WINDOW_MS = 30 * 60 * 1000

/** What the platform says once asked; `reason` is the Chinese sentence shown for a failure. */
interface PlatformAnswer {
  outcome: FaceOutcome
  reason?: string
}

const FAIL_REASONS: Record<number, string> = {
  90007: '网络错误，请检查网络后重试',
  90008: '未授权使用相机，请在设置中允许后重试',
  90009: '未授权使用麦克风，请在设置中允许后重试',
  90010: '未授权使用相机和麦克风，请在设置中允许后重试',
  90011: '未采集到有效的人脸，请在光线充足处正对手机重试',
  90013: '未采集到有效的人脸，请在光线充足处正对手机重试',
  90014: '未采集到有效的人脸，请在光线充足处正对手机重试',
}
const NOT_SAME_PERSON = '人脸与证件信息不一致，或采集的人脸无效，请本人在光线充足处重试'

/**
 * Sliding-window count of one caller's starts (the times are kept in the state's `starts` Map); returns the seconds
 * to wait when over the limit, else 0 and the start is counted.
 */
function takeStart(starts: Map<string, number[]>, key: string, limit: number, now: number): number {
  const recent = (starts.get(key) ?? []).filter((t) => t > now - FACE_RATE_WINDOW_MS)
  if (recent.length >= limit) {
    starts.set(key, recent)
    return Math.max(1, Math.ceil((recent[0] + FACE_RATE_WINDOW_MS - now) / 1000))
  }
  recent.push(now)
  starts.set(key, recent)
  return 0
}

export interface FaceServiceOptions {
  /** The outcome QA set for the candidate's next scans; null (no QA API) means nobody ever finishes. */
  outcome: () => FaceOutcome | null
  now: () => number
  /** The feature's slice of the state (read anew each time: QA's reset replaces the state). */
  state: () => FaceState
  /** Writes the state after a change (--data). */
  save: () => void
}

/**
 * Face verification as the business server runs it against each platform (issue 12). It never looks up an account
 * when a verification starts (same answer, same work for anyone); it asks the platform for the result when the app
 * says the platform's screen closed, and only a result the platform confirms counts.
 */
export class FaceService {
  readonly source: ScanSource
  readonly wechat: MockWeChat
  readonly alipay: MockAlipay
  readonly sim: SimulatedPlatform
  constructor(private readonly options: FaceServiceOptions) {
    this.source = { outcome: options.outcome, now: options.now }
    this.wechat = new MockWeChat(this.source, () => options.state().wechat)
    this.alipay = new MockAlipay(this.source, () => options.state().alipay)
    this.sim = new SimulatedPlatform(this.source, () => options.state().sim)
  }

  private get flows(): Map<string, FaceFlow> {
    return this.options.state().flows
  }

  /** For QA: the id of the verification opened last. */
  get lastVerifyId(): string | null {
    return this.options.state().lastVerifyId
  }

  /**
   * Opens a verification on the platform for this name and ID number. The caller has checked the captcha. Throws
   * 429 RATE_LIMITED (per ID number, per client), 400 PLATFORM_CODE_INVALID (WeChat login code).
   */
  start(input: {
    purpose: FacePurpose
    platform: FacePlatform
    name: string
    idNumber: string
    loginCode?: string
    client: string
  }): { verifyId: string; certifyUrl?: string; expiresAt: string } {
    const now = this.options.now()
    this.prune(now)
    // Both limits count every try, so a stranger learns nothing from which one answers. The ID number is kept as a
    // digest only.
    const { starts } = this.options.state()
    const idKey = `id:${crypto.createHash('sha256').update(input.idNumber).digest('base64url').slice(0, 22)}`
    const waitId = takeStart(starts, idKey, FACE_STARTS_PER_ID, now)
    const waitClient = takeStart(starts, `client:${input.client}`, FACE_STARTS_PER_CLIENT, now)
    const wait = Math.max(waitId, waitClient)
    if (wait > 0) {
      this.options.save()
      throw new HttpError(429, 'RATE_LIMITED', '人脸识别尝试过于频繁，请稍后再试或使用其他方式', undefined, {
        retryAfterSeconds: wait,
      })
    }

    const outSeqNo = `face${crypto.randomBytes(12).toString('hex')}`
    const certInfo = { cert_type: 'IDENTITY_CARD', cert_name: input.name, cert_no: input.idNumber }
    const flow: Omit<FaceFlow, 'verifyId'> = {
      platform: input.platform,
      purpose: input.purpose,
      name: input.name,
      idNumber: input.idNumber,
      outSeqNo,
      certHash: certHashOf(certInfo),
      expiresAt: now + FACE_FLOW_TTL_MS,
      used: false,
    }
    let verifyId: string
    let certifyUrl: string | undefined
    if (input.platform === 'weapp') {
      // WeChat binds a verification to the user's openid: exchange the wx.login code first (code2Session).
      const session = this.wechat.code2Session(input.loginCode ?? '')
      if (session.errcode !== 0 || !session.openid) {
        this.options.save()
        throw badRequest('PLATFORM_CODE_INVALID', '微信登录凭证无效，请重试')
      }
      const r = this.wechat.getVerifyId({ out_seq_no: outSeqNo, cert_info: certInfo, openid: session.openid })
      if (r.errcode !== 0 || !r.verify_id) throw new HttpError(502, 'SERVICE_BUSY')
      verifyId = r.verify_id
      flow.openid = session.openid
    } else if (input.platform === 'alipay') {
      const r = this.alipay.initialize({
        outer_order_no: outSeqNo,
        biz_code: 'FACE',
        identity_param: { identity_type: 'CERT_INFO', ...certInfo },
        merchant_config: { return_url: 'alipays://platformapi/startapp' },
      })
      if (r.code !== '10000' || !r.certify_id) throw new HttpError(502, 'SERVICE_BUSY')
      verifyId = r.certify_id
      certifyUrl = this.alipay.certifyUrl(r.certify_id)
    } else {
      verifyId = this.sim.open(outSeqNo, certInfo)
    }
    this.flows.set(verifyId, { ...flow, verifyId })
    this.options.state().lastVerifyId = verifyId
    this.options.save()
    return { verifyId, ...(certifyUrl ? { certifyUrl } : {}), expiresAt: new Date(flow.expiresAt).toISOString() }
  }

  /**
   * Asks the platform for the result of a verification this server opened for this purpose and this person, and
   * uses it up once the platform has one. Resolves with the ID number it verified (the caller finds the account);
   * throws FACE_VERIFY_EXPIRED (unknown, used, expired, another purpose or another person), FACE_VERIFY_PENDING
   * (409: the platform has no result yet; not used up), FACE_VERIFY_FAILED / _CANCELLED / _UNSUPPORTED.
   */
  finish(input: { purpose: FacePurpose; verifyId: string; name: string; idNumber: string }): {
    name: string
    idNumber: string
  } {
    const now = this.options.now()
    const flow = this.flows.get(input.verifyId)
    if (!flow || flow.used || flow.purpose !== input.purpose || flow.expiresAt <= now) {
      throw badRequest('FACE_VERIFY_EXPIRED')
    }
    // A verification opened for someone else is not this candidate's: refused, and left as it was.
    if (flow.idNumber !== input.idNumber || !sameName(flow.name, input.name)) throw badRequest('FACE_VERIFY_EXPIRED')

    const answer = this.ask(flow)
    if (answer.outcome === 'pending') throw new HttpError(409, 'FACE_VERIFY_PENDING')
    flow.used = true
    this.options.save()
    switch (answer.outcome) {
      case 'pass':
        return { name: flow.name, idNumber: flow.idNumber }
      case 'cancel':
        throw badRequest('FACE_VERIFY_CANCELLED')
      case 'expired':
        throw badRequest('FACE_VERIFY_EXPIRED', '人脸识别超时，请重新开始')
      case 'unsupported':
        throw badRequest('FACE_VERIFY_UNSUPPORTED')
      default:
        throw badRequest('FACE_VERIFY_FAILED', `人脸识别未通过：${answer.reason ?? NOT_SAME_PERSON}`)
    }
  }

  /** The platform's word on a verification, through its own query interface. */
  private ask(flow: FaceFlow): PlatformAnswer {
    if (flow.platform === 'weapp') {
      const r = this.wechat.queryVerifyInfo({
        verify_id: flow.verifyId,
        out_seq_no: flow.outSeqNo,
        cert_hash: flow.certHash,
        openid: flow.openid ?? '',
      })
      if (r.errcode !== 0 || r.verify_ret === undefined) return { outcome: r.errcode === 84001 ? 'expired' : 'pending' }
      return wechatAnswer(r.verify_ret)
    }
    if (flow.platform === 'alipay') {
      const r = this.alipay.query({ certify_id: flow.verifyId })
      if (r.code !== '10000') return { outcome: 'expired' }
      if (r.passed === 'T') return { outcome: 'pass' }
      const entry = Object.entries(ALIPAY_FAIL_REASON).find(([, reason]) => reason === r.fail_reason)
      return { outcome: entry ? (entry[0] as FaceOutcome) : 'pending' }
    }
    return { outcome: this.sim.query(flow.verifyId) ?? 'expired' }
  }

  /** The H5 camera screen's stand-in (only with the QA API): null for an unknown or expired verification. */
  runSimulatedScan(verifyId: string): FaceOutcome | null {
    const outcome = runSimulatedScan({ wechat: this.wechat, alipay: this.alipay, sim: this.sim }, verifyId, this.source)
    this.options.save()
    return outcome
  }

  /** QA: forget every start counted by the rate limits. */
  clearRateLimits(): void {
    this.options.state().starts.clear()
    this.options.save()
  }

  private prune(now: number): void {
    for (const [id, f] of this.flows) if (f.expiresAt <= now) this.flows.delete(id)
    const { starts } = this.options.state()
    for (const [key, times] of starts) if (times.every((t) => t <= now - FACE_RATE_WINDOW_MS)) starts.delete(key)
    forgetOld(this.alipay.verifications, now)
    forgetOld(this.sim.verifications, now)
  }
}

function wechatAnswer(verifyRet: number): PlatformAnswer {
  if (verifyRet === WECHAT_VERIFY_RET.pass) return { outcome: 'pass' }
  if (verifyRet >= 90002 && verifyRet <= 90006) return { outcome: 'cancel' }
  if (verifyRet === 90001 || verifyRet === 90109) return { outcome: 'unsupported' }
  if (verifyRet === 90017 || verifyRet === 90107) return { outcome: 'expired' }
  return { outcome: 'fail', reason: FAIL_REASONS[verifyRet] }
}
