import crypto from 'node:crypto'
import type { FaceOutcome } from '../../../types/platform-sim'
import type { FaceState, PlatformVerification } from './state'

/**
 * The platforms' own servers, played by the mock: WeChat's code2Session and 人脸核身 (getVerifyId / queryVerifyInfo),
 * Alipay's 身份验证 (alipay.user.certify.open.initialize / .certify / .query), and the H5 simulation. Each speaks
 * the JSON its documentation shows, so the business side (flows.ts) is written as it would be against the real ones.
 *
 * What the candidate does in front of the camera happens on their phone, which the mock cannot see. So a
 * verification's result is, in this order: what the H5 simulation screen recorded for it (POST
 * /api/sim/face/:verifyId/run), else the outcome QA set (POST /__qa/sim/face) at the moment the platform is first
 * asked. QA's `pending` means "not finished yet". Without the QA API there is no outcome at all: every verification
 * stays unfinished, so nothing ever passes on a plain `npm run mock`.
 */

/** Where the result of the candidate's scan comes from (the QA setting, or nothing). */
export interface ScanSource {
  /** The outcome QA set; null when the server runs without the QA API. */
  outcome(): FaceOutcome | null
  now(): number
}

const randomId = (bytes: number) => crypto.randomBytes(bytes).toString('hex')

/**
 * cert_hash of WeChat's queryVerifyInfo: a digest of the cert_info given to getVerifyId. The exact recipe is in the
 * page's 注意事项; the mock's only rule is that both sides compute it from the same cert_info the same way.
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/face/api_queryverifyinfo
 */
export function certHashOf(certInfo: { cert_type: string; cert_name: string; cert_no: string }): string {
  const text = `cert_type=${certInfo.cert_type}&cert_name=${certInfo.cert_name}&cert_no=${certInfo.cert_no}`
  return crypto.createHash('sha256').update(text, 'utf8').digest('base64')
}

/** Forgets verifications an hour past their expiry, so the stand-ins' maps stay small. */
export function forgetOld(verifications: Map<string, PlatformVerification>, now: number): void {
  for (const [id, v] of verifications) if (v.expiresAt + 3600 * 1000 < now) verifications.delete(id)
}

/**
 * The scan's result, fixed the first time anyone asks (a later QA setting does not change a finished scan). A server
 * without the QA API answers pending even for a scan recorded while it ran with QA on the same data file: outcomes
 * come from QA alone, so a restart without it must not honour one.
 */
function resolveScan(v: PlatformVerification, source: ScanSource): FaceOutcome {
  const outcome = source.outcome()
  if (outcome === null) return 'pending'
  if (v.scan) return v.scan
  if (outcome === 'pending') return 'pending'
  v.scan = outcome
  return outcome
}

/** verify_ret of queryVerifyInfo for each outcome (values from the page's enum; 10000 = 识别成功). */
export const WECHAT_VERIFY_RET: Record<Exclude<FaceOutcome, 'pending'>, number> = {
  pass: 10000,
  fail: 90011, // 人脸数据采集无效
  cancel: 90002, // 用户取消
  expired: 90017, // 识别过程超时
  unsupported: 90001, // 设备不支持人脸检测
}

/** The mock's answer when the candidate has not finished (the page lists no code for it; invented here). */
export const WECHAT_NOT_FINISHED = 84010

/**
 * WeChat's server side.
 * - code2Session: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
 *   (a code works once; 40029 invalid code)
 * - getVerifyId: https://developers.weixin.qq.com/miniprogram/dev/server/API/face/api_getverifyid
 *   (verify_id for openid + cert_info; expires_in 3600 s; out_seq_no unique per appid)
 * - queryVerifyInfo: https://developers.weixin.qq.com/miniprogram/dev/server/API/face/api_queryverifyinfo
 *   (verify_id + out_seq_no + cert_hash + openid, all as given to getVerifyId → verify_ret)
 */
export class MockWeChat {
  constructor(
    private readonly source: ScanSource,
    /** WeChat's records, kept in the state (features/face/state.ts). */
    private readonly records: () => FaceState['wechat'],
  ) {}

  get verifications(): Map<string, PlatformVerification> {
    return this.records().verifications
  }

  code2Session(jsCode: string): { openid?: string; session_key?: string; errcode: number; errmsg: string } {
    this.prune()
    const { usedCodes } = this.records()
    if (!/^[A-Za-z0-9_-]{8,128}$/.test(jsCode) || usedCodes.has(jsCode)) {
      return { errcode: 40029, errmsg: 'invalid code' }
    }
    usedCodes.set(jsCode, this.source.now())
    const openid = `o${crypto.createHash('sha256').update(`openid:${jsCode}`).digest('base64url').slice(0, 27)}`
    return { openid, session_key: randomId(12), errcode: 0, errmsg: 'ok' }
  }

  getVerifyId(body: {
    out_seq_no: string
    cert_info: { cert_type: string; cert_name: string; cert_no: string }
    openid: string
  }): { errcode: number; errmsg: string; verify_id?: string; expires_in?: number } {
    const { seqNos } = this.records()
    if (!/^[A-Za-z0-9_-]{5,32}$/.test(body.out_seq_no) || seqNos.has(body.out_seq_no)) {
      return { errcode: 40097, errmsg: 'invalid out_seq_no' }
    }
    if (!body.openid) return { errcode: 40003, errmsg: 'invalid openid' }
    seqNos.add(body.out_seq_no)
    const now = this.source.now()
    const v: PlatformVerification = {
      id: `wxv_${randomId(24)}`,
      outSeqNo: body.out_seq_no,
      certHash: certHashOf(body.cert_info),
      openid: body.openid,
      createdAt: now,
      expiresAt: now + 3600 * 1000,
      scan: null,
    }
    this.verifications.set(v.id, v)
    return { errcode: 0, errmsg: 'ok', verify_id: v.id, expires_in: 3600 }
  }

  queryVerifyInfo(body: { verify_id: string; out_seq_no: string; cert_hash: string; openid: string }): {
    errcode: number
    errmsg: string
    verify_ret?: number
  } {
    const v = this.verifications.get(body.verify_id)
    if (!v) return { errcode: 84001, errmsg: 'invalid verify_id' }
    if (v.outSeqNo !== body.out_seq_no || v.certHash !== body.cert_hash || v.openid !== body.openid) {
      return {
        errcode: 40097,
        errmsg: 'invalid args: out_seq_no, cert_hash and openid must be as given to getVerifyId',
      }
    }
    const outcome = resolveScan(v, this.source)
    if (outcome === 'pending') return { errcode: WECHAT_NOT_FINISHED, errmsg: 'verify not finished' }
    return { errcode: 0, errmsg: 'ok', verify_ret: WECHAT_VERIFY_RET[outcome] }
  }

  private prune(): void {
    // A code is good for 5 minutes after wx.login; a used one is remembered a day, so it is never taken twice.
    const cutoff = this.source.now() - 24 * 3600 * 1000
    const { usedCodes } = this.records()
    for (const [code, at] of usedCodes) if (at < cutoff) usedCodes.delete(code)
    forgetOld(this.verifications, this.source.now())
  }
}

/** fail_reason the mock's certification query gives for each unsuccessful outcome (Alipay documents no list). */
export const ALIPAY_FAIL_REASON: Record<Exclude<FaceOutcome, 'pending' | 'pass'>, string> = {
  fail: 'FACE_NOT_MATCH',
  cancel: 'USER_CANCELED',
  expired: 'CERTIFY_TIMEOUT',
  unsupported: 'DEVICE_NOT_SUPPORT',
}

/**
 * Alipay's 身份验证 server side (biz_code FACE).
 * - alipay.user.certify.open.initialize: https://opendocs.alipay.com/apis/api_2/alipay.user.certify.open.initialize
 *   (outer_order_no, biz_code, identity_param {identity_type CERT_INFO, cert_type IDENTITY_CARD, cert_name, cert_no},
 *   merchant_config {return_url} → certify_id)
 * - alipay.user.certify.open.certify: https://docs.open.alipay.com/api_2/alipay.user.certify.open.certify
 *   (certify_id → the gateway url the app opens)
 * - alipay.user.certify.open.query: https://docs.open.alipay.com/api_2/alipay.user.certify.open.query/
 *   (certify_id → passed T/F; F also while the user has not certified, so the mock tells the two apart by
 *   fail_reason: none while unfinished)
 */
export class MockAlipay {
  constructor(
    private readonly source: ScanSource,
    /** Alipay's records, kept in the state (features/face/state.ts). */
    private readonly records: () => FaceState['alipay'],
  ) {}

  get verifications(): Map<string, PlatformVerification> {
    return this.records().verifications
  }

  initialize(bizContent: {
    outer_order_no: string
    biz_code: string
    identity_param: { identity_type: string; cert_type: string; cert_name: string; cert_no: string }
    merchant_config: { return_url: string }
  }): { code: string; msg: string; sub_code?: string; sub_msg?: string; certify_id?: string } {
    const p = bizContent.identity_param
    if (bizContent.biz_code !== 'FACE' || p.identity_type !== 'CERT_INFO' || p.cert_type !== 'IDENTITY_CARD') {
      return { code: '40004', msg: 'Business Failed', sub_code: 'INVALID_PARAMETER', sub_msg: '参数有误' }
    }
    const { orderNos } = this.records()
    if (orderNos.has(bizContent.outer_order_no)) {
      return { code: '40004', msg: 'Business Failed', sub_code: 'OUTER_ORDER_NO_DUPLICATE', sub_msg: '订单号重复' }
    }
    orderNos.add(bizContent.outer_order_no)
    const now = this.source.now()
    const v: PlatformVerification = {
      id: randomId(16),
      outSeqNo: bizContent.outer_order_no,
      certHash: certHashOf(p),
      createdAt: now,
      // Alipay keeps a certify_id for about a day; the business side's own window (one hour) is shorter.
      expiresAt: now + 23 * 3600 * 1000,
      scan: null,
    }
    this.verifications.set(v.id, v)
    return { code: '10000', msg: 'Success', certify_id: v.id }
  }

  /** The page-jump interface: only builds the url (never personal data in it: the certify_id is the whole key). */
  certifyUrl(certifyId: string): string {
    const q = new URLSearchParams({
      method: 'alipay.user.certify.open.certify',
      version: '1.0',
      biz_content: JSON.stringify({ certify_id: certifyId }),
    })
    return `https://openapi.alipay.com/gateway.do?${q.toString()}`
  }

  query(bizContent: { certify_id: string }): {
    code: string
    msg: string
    sub_code?: string
    passed?: 'T' | 'F'
    fail_reason?: string
  } {
    const v = this.verifications.get(bizContent.certify_id)
    if (!v || v.expiresAt <= this.source.now()) {
      return { code: '40004', msg: 'Business Failed', sub_code: 'OPEN_CERTIFY_BILL_NOT_EXIST' }
    }
    const outcome = resolveScan(v, this.source)
    if (outcome === 'pending') return { code: '10000', msg: 'Success', passed: 'F' }
    if (outcome === 'pass') return { code: '10000', msg: 'Success', passed: 'T' }
    return { code: '10000', msg: 'Success', passed: 'F', fail_reason: ALIPAY_FAIL_REASON[outcome] }
  }
}

/** The H5 build's stand-in platform: the mock server itself, with a simulated camera screen. */
export class SimulatedPlatform {
  constructor(
    private readonly source: ScanSource,
    private readonly records: () => FaceState['sim'],
  ) {}

  get verifications(): Map<string, PlatformVerification> {
    return this.records().verifications
  }

  open(outSeqNo: string, certInfo: { cert_type: string; cert_name: string; cert_no: string }): string {
    const now = this.source.now()
    const v: PlatformVerification = {
      id: `sim_${randomId(18)}`,
      outSeqNo,
      certHash: certHashOf(certInfo),
      createdAt: now,
      expiresAt: now + 3600 * 1000,
      scan: null,
    }
    this.verifications.set(v.id, v)
    return v.id
  }

  query(id: string): FaceOutcome | null {
    const v = this.verifications.get(id)
    return v ? resolveScan(v, this.source) : null
  }
}

/** The simulated camera screen (H5): the candidate "scans" with the outcome QA set; any platform's id works. */
export function runSimulatedScan(
  platforms: { wechat: MockWeChat; alipay: MockAlipay; sim: SimulatedPlatform },
  id: string,
  source: ScanSource,
): FaceOutcome | null {
  const v =
    platforms.sim.verifications.get(id) ??
    platforms.wechat.verifications.get(id) ??
    platforms.alipay.verifications.get(id)
  if (!v || v.expiresAt <= source.now()) return null
  return resolveScan(v, source)
}
