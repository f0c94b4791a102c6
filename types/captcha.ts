import * as v from 'valibot'

/** An image captcha. The answer never leaves the server (except through the QA control API). */
export const CaptchaResponse = v.object({
  captchaId: v.string(),
  /** A PNG as a data URI: the one image format every mini-program platform's <image> shows. */
  image: v.string(),
  /** ISO 8601 time after which the captcha is refused. */
  expiresAt: v.string(),
})
export type CaptchaResponse = v.InferOutput<typeof CaptchaResponse>

/** What a form sends with a captcha: its id and what the candidate typed. */
export const CaptchaAnswer = v.object({
  captchaId: v.pipe(v.string(), v.minLength(1, '请刷新验证码')),
  captchaCode: v.pipe(v.string(), v.trim(), v.minLength(1, '请输入图形验证码'), v.maxLength(8, '验证码不正确')),
})
export type CaptchaAnswer = v.InferOutput<typeof CaptchaAnswer>
