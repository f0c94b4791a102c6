import { useRef, useState } from 'react'
import * as v from 'valibot'
import { FaceStartRequest, type SessionResponse } from '@contract/account'
import { PasswordLoginRequest } from '@contract/auth'
import type { CaptchaFieldHandle } from '../../components/captcha-field'
import { useFaceNotice } from '../../components/face-notice'
import { useForm } from '../../forms/use-form'
import { useAccount } from '../../stores/account'
import { goAfterLogin, useSession } from '../../stores/session'

export type Mode = 'password' | 'face'

const AGREE_FIRST = '请先阅读并勾选同意《服务协议》和《隐私政策》'

/** What the candidate types for a face login: the start request without what the platform adds (faceStartContext). */
const FaceLoginForm = v.omit(FaceStartRequest, ['idType', 'platform', 'loginCode'])

/** The login page's state and actions: each mode's form, the agreement tick, the face notice. */
export function useLogin() {
  const [mode, setMode] = useState<Mode>('password')
  const [agreed, setAgreed] = useState(false)
  // Each mode's form is a draft on the device; the password and the captcha never go into it.
  const pwd = useForm({
    schema: PasswordLoginRequest,
    initial: { username: '', password: '', captchaId: '', captchaCode: '' },
    draft: { key: 'login', never: ['password', 'captchaId', 'captchaCode'] },
  })
  const face = useForm({
    schema: FaceLoginForm,
    initial: { name: '', idNumber: '', captchaId: '', captchaCode: '' },
    draft: { key: 'login-face', never: ['captchaId', 'captchaCode'] },
  })
  const form = mode === 'password' ? pwd : face
  // A username a draft brought back, not typed on this visit: the ID number of a failed face login takes its place.
  const usernameTyped = useRef(false)
  const faceNotice = useFaceNotice()
  const captcha = useRef<CaptchaFieldHandle>(null)
  const faceCaptcha = useRef<CaptchaFieldHandle>(null)
  const signIn = useSession((s) => s.signIn)

  /** In: neither mode's draft is needed any more (the kit forgets the one that submitted), back to where they were. */
  const signedIn = (session: SessionResponse) => {
    signIn(session)
    pwd.clearDraft()
    face.clearDraft()
    void goAfterLogin()
  }

  const switchMode = (next: Mode) => {
    setMode(next)
    for (const kit of [pwd, face]) {
      kit.setErrors({})
      kit.setFormError(null)
    }
    faceNotice.setNotice(null)
  }

  /** From a face refusal to the password form, the ID number already in 用户名或证件号码 (the same account). */
  const switchToPassword = () => {
    const idNumber = face.values.idNumber
    if ((!pwd.values.username || !usernameTyped.current) && idNumber) pwd.set('username', idNumber)
    switchMode('password')
  }

  const typeUsername = (username: string) => {
    usernameTyped.current = true
    pwd.set('username', username)
  }

  /** The mode's fields pass their checks and the agreement is ticked (said above the button when not). */
  const readyToSend = (kit: typeof pwd | typeof face) => {
    kit.setFormError(null)
    if (!kit.check().ok) return false
    if (!agreed) kit.setFormError(AGREE_FIRST)
    return agreed
  }

  const submitPassword = async () => {
    if (!readyToSend(pwd)) return
    await pwd.submit(
      async (value, idempotencyKey) => {
        signedIn(await useAccount.getState().loginPassword(value, idempotencyKey))
      },
      {
        // A wrong username or password is said once, above the button, without telling which.
        showFieldErrors: (err) => err.code !== 'INVALID_CREDENTIALS',
        // The captcha is used up by every try, right or wrong.
        onError: () => captcha.current?.refresh(),
      },
    )
  }

  /**
   * Face login: after the captcha, the server opens a verification on this platform, the platform's face screen
   * runs, and the server asks the platform for the result before it issues a session.
   */
  const submitFace = async () => {
    faceNotice.setNotice(null)
    if (!readyToSend(face)) return
    await face.submit(
      async (value, idempotencyKey) => {
        const result = await useAccount.getState().loginFace(value, idempotencyKey)
        if (result.kind !== 'passed') throw faceNotice.refusal(result)
        signedIn(result.value)
      },
      // Every start used the captcha up; what was typed stays.
      { onError: () => faceCaptcha.current?.refresh() },
    )
  }

  return {
    mode,
    switchMode,
    agreed,
    toggleAgreed: () => setAgreed(!agreed),
    pwd,
    face,
    form,
    faceNotice: faceNotice.notice,
    captcha,
    faceCaptcha,
    typeUsername,
    switchToPassword,
    submitPassword,
    submitFace,
  }
}

export type Login = ReturnType<typeof useLogin>
