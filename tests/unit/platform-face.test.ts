import Taro from '@tarojs/taro'
import { platform as weapp } from '../../src/platform/platform.weapp'
import { platform as alipay } from '../../src/platform/platform.alipay'
import { platform as swan } from '../../src/platform/platform.swan'
import { platform as fallback } from '../../src/platform/platform'
import { UnsupportedOnPlatform } from '../../src/platform/types'

/**
 * Each platform module's face verification against a stand-in of the platform object (wx, my, swan), shaped as the
 * platforms document them. The server's side of each flow is in tests/api/face.test.ts.
 */
const g = globalThis as unknown as { wx?: unknown; my?: unknown; swan?: unknown }

afterEach(() => {
  delete g.wx
  delete g.my
  delete g.swan
})

describe('WeChat (wx.requestFacialVerify)', () => {
  type WxOptions = {
    verifyId: string
    success: (r: { errCode?: number; errMsg: string }) => void
    fail: (r: { errCode?: number; errMsg: string }) => void
  }
  function standIn(answer: (o: WxOptions) => void) {
    const calls: WxOptions[] = []
    g.wx = {
      requestFacialVerify: (o: WxOptions) => {
        calls.push(o)
        answer(o)
      },
    }
    return calls
  }

  test('passes only the server-issued verifyId; errCode 0 means the screen finished', async () => {
    const calls = standIn((o) => o.success({ errCode: 0, errMsg: 'requestFacialVerify:ok' }))
    expect(await weapp.verifyFace({ verifyId: 'wxv_1' })).toBe('pass')
    expect(Object.keys(calls[0]).sort()).toEqual(['fail', 'success', 'verifyId'])
    expect(calls[0].verifyId).toBe('wxv_1')
  })

  test.each([
    [90002, 'cancel'],
    [90006, 'cancel'],
    [90001, 'unsupported'],
    [90109, 'unsupported'],
    [90008, 'fail'],
    [90011, 'fail'],
  ])('fail with errCode %i → %s', async (errCode, expected) => {
    standIn((o) => o.fail({ errCode, errMsg: 'requestFacialVerify:fail' }))
    expect(await weapp.verifyFace({ verifyId: 'wxv_2' })).toBe(expected)
  })

  test('an errMsg saying cancel is a cancel', async () => {
    standIn((o) => o.fail({ errMsg: 'requestFacialVerify:fail cancel' }))
    expect(await weapp.verifyFace({ verifyId: 'wxv_3' })).toBe('cancel')
  })

  test('a WeChat without requestFacialVerify (base library < 3.8.12) is unsupported', async () => {
    g.wx = {}
    expect(await weapp.verifyFace({ verifyId: 'wxv_4' })).toBe('unsupported')
  })

  test('the start context carries a wx.login code for code2Session', async () => {
    const t = Taro as unknown as { login?: () => Promise<{ code: string }> }
    t.login = async () => ({ code: 'code-from-wx-login' })
    try {
      expect(await weapp.faceStartContext()).toEqual({ platform: 'weapp', loginCode: 'code-from-wx-login' })
    } finally {
      delete t.login
    }
    expect(weapp.capabilities.faceVerification).toBe(true)
  })
})

describe('Alipay (my.startAPVerify / startBizService open-certify)', () => {
  type Result = { resultStatus: string; result?: { errorCode?: string } | null }

  test('opens the certification with its url and certifyId; 9000 means the screen finished', async () => {
    const calls: Array<{ url: string; certifyId: string }> = []
    g.my = {
      startAPVerify: (o: { url: string; certifyId: string; success: (r: Result) => void }) => {
        calls.push({ url: o.url, certifyId: o.certifyId })
        o.success({ resultStatus: '9000', result: null })
      },
    }
    expect(await alipay.verifyFace({ verifyId: 'cert-1', certifyUrl: 'https://gw/certify?c=cert-1' })).toBe('pass')
    expect(calls).toEqual([{ url: 'https://gw/certify?c=cert-1', certifyId: 'cert-1' }])
  })

  test.each([
    ['6001', undefined, 'cancel'],
    ['6002', undefined, 'fail'],
    ['4000', 'SYSTEM_ERROR', 'fail'],
    ['4000', 'DEVICE_NOT_SUPPORT', 'unsupported'],
  ])('resultStatus %s (%s) → %s', async (resultStatus, errorCode, expected) => {
    g.my = {
      startAPVerify: (o: { success: (r: Result) => void }) =>
        o.success({ resultStatus, result: errorCode ? { errorCode } : null }),
    }
    expect(await alipay.verifyFace({ verifyId: 'cert-2', certifyUrl: 'https://gw/x' })).toBe(expected)
  })

  test('without my.startAPVerify it goes through my.call("startBizService", { name: "open-certify" })', async () => {
    const calls: Array<{ api: string; name: string; param: unknown }> = []
    g.my = {
      call: (api: string, o: { name: string; param: string }, cb: (r: Result) => void) => {
        calls.push({ api, name: o.name, param: JSON.parse(o.param) })
        cb({ resultStatus: '6001' })
      },
    }
    expect(await alipay.verifyFace({ verifyId: 'cert-3', certifyUrl: 'https://gw/y' })).toBe('cancel')
    expect(calls).toEqual([
      { api: 'startBizService', name: 'open-certify', param: { certifyId: 'cert-3', url: 'https://gw/y' } },
    ])
  })

  test('no url from the server, or no way to open it: not a pass', async () => {
    g.my = { startAPVerify: () => undefined }
    expect(await alipay.verifyFace({ verifyId: 'cert-4' })).toBe('fail')
    g.my = {}
    expect(await alipay.verifyFace({ verifyId: 'cert-5', certifyUrl: 'https://gw/z' })).toBe('unsupported')
  })

  test('needs no login code', async () => {
    expect(await alipay.faceStartContext()).toEqual({ platform: 'alipay' })
    expect(alipay.capabilities.faceVerification).toBe(true)
  })
})

describe('Baidu: no face verification a server can confirm', () => {
  test('the capability is off; the platform API is never called', async () => {
    const facePersonVerify = jest.fn()
    g.swan = { ai: { facePersonVerify } }
    expect(swan.capabilities.faceVerification).toBe(false)
    await expect(swan.faceStartContext()).rejects.toBeInstanceOf(UnsupportedOnPlatform)
    expect(await swan.verifyFace({ verifyId: 'x' })).toBe('unsupported')
    expect(facePersonVerify).not.toHaveBeenCalled()
  })

  test('any other target has no face verification either', async () => {
    expect(fallback.capabilities.faceVerification).toBe(false)
    expect(await fallback.verifyFace({ verifyId: 'x' })).toBe('unsupported')
  })
})
