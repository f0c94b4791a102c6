import * as v from 'valibot'
import { CaptchaAnswer } from './captcha'

/** 账号密码登录: username or ID number, password, captcha. */
export const PasswordLoginRequest = v.object({
  username: v.pipe(
    v.string('请输入用户名或证件号码'),
    v.trim(),
    v.minLength(1, '请输入用户名或证件号码'),
    v.maxLength(32, '用户名或证件号码过长'),
  ),
  password: v.pipe(v.string('请输入密码'), v.minLength(1, '请输入密码'), v.maxLength(64, '密码过长')),
  ...CaptchaAnswer.entries,
})
export type PasswordLoginRequest = v.InferOutput<typeof PasswordLoginRequest>
