import { MockAlipay, MockWeChat, certHashOf } from '../../mock-server/features/face/platforms'
import { emptyFaceState, type FaceState } from '../../mock-server/features/face/state'
import type { FaceOutcome } from '../../types/platform-sim'

/**
 * The mock's stand-ins for WeChat's and Alipay's servers answer in their documented shapes and keep their rules
 * (single-use codes and serial numbers, a verification bound to its openid, serial number and cert_hash).
 */
function stand(outcome: FaceOutcome | null = 'pending') {
  const state: FaceState = emptyFaceState()
  const now = Date.parse('2026-03-01T08:00:00Z')
  const source = { outcome: () => outcome, now: () => now }
  return {
    wechat: new MockWeChat(source, () => state.wechat),
    alipay: new MockAlipay(source, () => state.alipay),
    set: (o: FaceOutcome | null) => (outcome = o),
  }
}

const certInfo = { cert_type: 'IDENTITY_CARD', cert_name: '张三', cert_no: '11010519491231002X' }

describe('WeChat stand-in', () => {
  test('code2Session: a code is exchanged once (40029 after), for an openid', () => {
    const { wechat } = stand()
    const first = wechat.code2Session('0a1b2c3d4e5f6a7b')
    expect(first).toMatchObject({ errcode: 0, errmsg: 'ok' })
    expect(first.openid).toMatch(/^o[\w-]{27}$/)
    expect(first.session_key).toBeTruthy()
    expect(wechat.code2Session('0a1b2c3d4e5f6a7b')).toEqual({ errcode: 40029, errmsg: 'invalid code' })
    expect(wechat.code2Session('')).toMatchObject({ errcode: 40029 })
  })

  test('getVerifyId → verify_id that lives 3600 s; out_seq_no is unique', () => {
    const { wechat } = stand()
    const r = wechat.getVerifyId({ out_seq_no: 'seq00001', cert_info: certInfo, openid: 'o1' })
    expect(r).toMatchObject({ errcode: 0, errmsg: 'ok', expires_in: 3600 })
    expect(r.verify_id).toBeTruthy()
    expect(wechat.getVerifyId({ out_seq_no: 'seq00001', cert_info: certInfo, openid: 'o1' }).errcode).not.toBe(0)
    expect(wechat.getVerifyId({ out_seq_no: 'x', cert_info: certInfo, openid: 'o1' }).errcode).not.toBe(0)
  })

  test('queryVerifyInfo needs the same out_seq_no, cert_hash and openid; verify_ret from the outcome', () => {
    const t = stand('pending')
    const { verify_id } = t.wechat.getVerifyId({ out_seq_no: 'seq00002', cert_info: certInfo, openid: 'o2' })
    const q = { verify_id: verify_id!, out_seq_no: 'seq00002', cert_hash: certHashOf(certInfo), openid: 'o2' }
    expect(t.wechat.queryVerifyInfo({ ...q, openid: 'someone-else' }).errcode).not.toBe(0)
    expect(
      t.wechat.queryVerifyInfo({ ...q, cert_hash: certHashOf({ ...certInfo, cert_name: '李四' }) }).errcode,
    ).not.toBe(0)
    expect(t.wechat.queryVerifyInfo({ ...q, verify_id: 'nope' }).errcode).toBe(84001)
    // Not finished: no verify_ret.
    expect(t.wechat.queryVerifyInfo(q).verify_ret).toBeUndefined()
    t.set('pass')
    expect(t.wechat.queryVerifyInfo(q)).toEqual({ errcode: 0, errmsg: 'ok', verify_ret: 10000 })
    // Once finished, the result stays whatever QA sets next.
    t.set('fail')
    expect(t.wechat.queryVerifyInfo(q).verify_ret).toBe(10000)
  })

  test.each([
    ['fail', 90011],
    ['cancel', 90002],
    ['expired', 90017],
    ['unsupported', 90001],
  ] as const)('%s → verify_ret %i', (o, ret) => {
    const t = stand(o)
    const { verify_id } = t.wechat.getVerifyId({ out_seq_no: `seq-${o}`, cert_info: certInfo, openid: 'o3' })
    const q = { verify_id: verify_id!, out_seq_no: `seq-${o}`, cert_hash: certHashOf(certInfo), openid: 'o3' }
    expect(t.wechat.queryVerifyInfo(q).verify_ret).toBe(ret)
  })

  test('without an outcome source (no QA API) nothing ever finishes', () => {
    const t = stand(null)
    const { verify_id } = t.wechat.getVerifyId({ out_seq_no: 'seq00004', cert_info: certInfo, openid: 'o4' })
    const q = { verify_id: verify_id!, out_seq_no: 'seq00004', cert_hash: certHashOf(certInfo), openid: 'o4' }
    expect(t.wechat.queryVerifyInfo(q).verify_ret).toBeUndefined()
  })
})

describe('Alipay stand-in', () => {
  const init = (alipay: MockAlipay, orderNo: string) =>
    alipay.initialize({
      outer_order_no: orderNo,
      biz_code: 'FACE',
      identity_param: { identity_type: 'CERT_INFO', ...certInfo },
      merchant_config: { return_url: 'alipays://platformapi/startapp' },
    })

  test('initialize → certify_id (code 10000); a repeated outer_order_no or another biz_code is refused', () => {
    const { alipay } = stand()
    const r = init(alipay, 'order0001')
    expect(r).toMatchObject({ code: '10000', msg: 'Success' })
    expect(r.certify_id).toMatch(/^[0-9a-f]{32}$/)
    expect(init(alipay, 'order0001')).toMatchObject({ code: '40004', sub_code: 'OUTER_ORDER_NO_DUPLICATE' })
    const other = alipay.initialize({
      outer_order_no: 'order0002',
      biz_code: 'CERT_PHOTO',
      identity_param: { identity_type: 'CERT_INFO', ...certInfo },
      merchant_config: { return_url: 'x' },
    })
    expect(other.code).toBe('40004')
  })

  test('query: passed F while unfinished (no fail_reason), T after a pass; unknown ids are not found', () => {
    const t = stand('pending')
    const { certify_id } = init(t.alipay, 'order0003')
    expect(t.alipay.query({ certify_id: certify_id! })).toEqual({ code: '10000', msg: 'Success', passed: 'F' })
    t.set('pass')
    expect(t.alipay.query({ certify_id: certify_id! })).toMatchObject({ passed: 'T' })
    expect(t.alipay.query({ certify_id: 'nope' })).toMatchObject({
      code: '40004',
      sub_code: 'OPEN_CERTIFY_BILL_NOT_EXIST',
    })
  })

  test('a failed certification says why; the url carries the certify_id only', () => {
    const t = stand('fail')
    const { certify_id } = init(t.alipay, 'order0004')
    expect(t.alipay.query({ certify_id: certify_id! })).toMatchObject({ passed: 'F', fail_reason: 'FACE_NOT_MATCH' })
    const url = decodeURIComponent(t.alipay.certifyUrl(certify_id!))
    expect(url).toContain('alipay.user.certify.open.certify')
    expect(url).toContain(certify_id!)
    expect(url).not.toContain(certInfo.cert_no)
  })
})
