import { ApiError, messageOf } from '../../src/api/api-error'

describe('ApiError.fromResponse', () => {
  test('keeps the server code, message and fields', () => {
    const err = ApiError.fromResponse(400, {
      error: { code: 'CAPTCHA_INVALID', message: '验证码不正确', fields: { captchaCode: '验证码不正确' } },
    })
    expect(err.code).toBe('CAPTCHA_INVALID')
    expect(err.message).toBe('验证码不正确')
    expect(err.fields).toEqual({ captchaCode: '验证码不正确' })
  })
  test('an unknown body still gives a contract code and a Chinese message', () => {
    expect(ApiError.fromResponse(503, 'Service Unavailable').code).toBe('SERVICE_BUSY')
    expect(ApiError.fromResponse(500, null).code).toBe('INTERNAL')
    const weird = ApiError.fromResponse(418, { error: { code: 'TEAPOT' } })
    expect(weird.code).toBe('BAD_REQUEST')
    expect(weird.message).toMatch(/[\u4e00-\u9fff]/)
  })
  test('messageOf never shows a raw exception', () => {
    expect(messageOf(new TypeError('x is undefined'))).toBe('系统繁忙，请稍后再试')
  })
})
