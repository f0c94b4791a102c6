import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { FaceIdentityForm, RecoverQuestionStartRequest, ResetPasswordForm, SecurityAnswer } from '@contract/account'
import { validate, type FieldErrors } from '@contract/validate'
import * as v from 'valibot'
import { ApiError, api, messageOf } from '../../api'
import { Button } from '../../components/button'
import { CaptchaField, type CaptchaFieldHandle } from '../../components/captcha-field'
import { FormField } from '../../components/form-field'
import { IdNumberField, TextField } from '../../components/form-field/text-field'
import { ModeTabs } from '../../components/mode-tabs'
import { NameField } from '../../components/name-field'
import { PageContainer } from '../../components/page-container'
import { useForm } from '../../forms/use-form'
import { PasswordMeter } from '../../components/password-meter'
import { PASSWORD_RULE_TEXT } from '@domain/password'
import { platform } from '../../platform/platform'
import { go, routes } from '../../routes'
import { attemptFace } from '../../stores/face-verification'
import './index.scss'

type Way = 'question' | 'face'
type Step = 'identify' | 'answer' | 'reset' | 'done'
/** What the last face attempt left on the page: the platform's refusal (with its reason), or no face on this phone. */
type FaceNotice = { kind: 'failed' | 'unsupported'; message: string } | null

const AnswerForm = v.object({ answer: SecurityAnswer })

/** 找回密码: by security question (姓名 + 证件号码 + 验证码 → 问题 → 答案) or by face, then a new password. */
export default function RecoverPage() {
  const [way, setWay] = useState<Way>('question')
  const [step, setStep] = useState<Step>('identify')
  const [who, setWho] = useState({ name: '', idNumber: '', captchaId: '', captchaCode: '' })
  const [question, setQuestion] = useState<{ recoveryId: string; text: string } | null>(null)
  const [answer, setAnswer] = useState('')
  const [resetToken, setResetToken] = useState('')
  // The new password (never drafted); its kit also holds the page's field errors and message for every step.
  const reset = useForm({
    schema: ResetPasswordForm,
    initial: { newPassword: '', newPasswordConfirm: '' },
    toInput: (pw) => ({ resetToken, ...pw }),
  })
  const { values: pw, errors, setErrors, formError, setFormError } = reset
  const [busy, setBusy] = useState(false)
  const [faceNotice, setFaceNotice] = useState<FaceNotice>(null)
  const captcha = useRef<CaptchaFieldHandle>(null)

  const run = async (action: () => Promise<void>, onError?: (err: unknown) => void) => {
    setFormError(null)
    setBusy(true)
    try {
      await action()
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fields)
      setFormError(messageOf(err))
      onError?.(err)
    } finally {
      setBusy(false)
    }
  }

  const switchWay = (next: Way) => {
    if (step !== 'identify') return
    setWay(next)
    setErrors({})
    setFormError(null)
    setFaceNotice(null)
  }

  const startQuestion = () => {
    const checked = validate(RecoverQuestionStartRequest, who)
    setErrors(checked.errors)
    if (!checked.ok) return
    void run(
      async () => {
        const r = await api.recoverQuestionStart(checked.value)
        setQuestion({ recoveryId: r.recoveryId, text: r.question })
        setStep('answer')
      },
      () => captcha.current?.refresh(),
    )
  }

  const submitAnswer = () => {
    const checked = validate(AnswerForm, { answer })
    setErrors(checked.errors)
    if (!checked.ok || !question) return
    void run(
      async () => {
        const r = await api.recoverQuestionAnswer(question.recoveryId, checked.value.answer)
        setResetToken(r.resetToken)
        setStep('reset')
      },
      (err) => {
        // Too many wrong answers: the server ended this recovery, start again.
        if (err instanceof ApiError && err.code === 'RECOVERY_EXPIRED') {
          setStep('identify')
          setAnswer('')
        }
      },
    )
  }

  /**
   * Recovery by face: after the captcha, the server opens a verification on this platform, the platform's face
   * screen runs, and the server asks the platform for the result before it gives a reset token.
   */
  const startFace = async () => {
    setFormError(null)
    setFaceNotice(null)
    const checked = validate(FaceIdentityForm, { name: who.name, idNumber: who.idNumber })
    const captchaMissing: FieldErrors = who.captchaCode.trim() ? {} : { captchaCode: '请输入图形验证码' }
    setErrors({ ...checked.errors, ...captchaMissing })
    if (!checked.ok || !who.captchaCode.trim()) return
    setBusy(true)
    const identity = checked.value
    const result = await attemptFace(
      (context) =>
        api.recoverFaceStart({ ...identity, ...context, captchaId: who.captchaId, captchaCode: who.captchaCode }),
      (verifyId) => api.recoverFaceFinish({ verifyId, ...identity }),
    )
    setBusy(false)
    if (result.kind === 'passed') {
      setResetToken(result.value.resetToken)
      setStep('reset')
      return
    }
    // Every start used the captcha up; what was typed stays.
    captcha.current?.refresh()
    if (result.kind === 'failed' || result.kind === 'unsupported') setFaceNotice(result)
    else {
      if (result.kind === 'error') setErrors(result.fields)
      setFormError(result.message)
    }
  }

  const submitReset = () =>
    void reset.submit(
      async (value) => {
        await api.resetPassword(value.resetToken, value.newPassword)
        setStep('done')
      },
      {
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'RECOVERY_EXPIRED') setStep('identify')
        },
      },
    )

  const backToLogin = () => void go.restart(routes.login)

  return (
    <PageContainer id='recover-page'>
      {step === 'identify' && (
        <ModeTabs
          tabs={[
            { mode: 'question' as const, id: 'recover-mode-question', label: '密保问题找回' },
            // Only where the platform has a face verification its server can confirm (not on Baidu).
            ...(platform.capabilities.faceVerification
              ? [{ mode: 'face' as const, id: 'recover-mode-face', label: '人脸识别找回' }]
              : []),
          ]}
          active={way}
          onChange={switchWay}
        />
      )}

      <View className={`recover__card ${step === 'identify' ? 'recover__card--tabbed' : ''}`}>
        {step === 'identify' && way === 'question' && (
          <>
            <NameField
              id='recover-name'
              value={who.name}
              onChange={(name) => setWho((w) => ({ ...w, name }))}
              error={errors.name}
            />
            <IdNumberField
              id='recover-id-number'
              error={errors.idNumber}
              value={who.idNumber}
              onChange={(v) => setWho((w) => ({ ...w, idNumber: v }))}
            />
            <CaptchaField
              ref={captcha}
              page='recover'
              value={who.captchaCode}
              error={errors.captchaCode ?? errors.captchaId}
              onChange={(captchaCode, captchaId) => setWho((w) => ({ ...w, captchaCode, captchaId }))}
            />
            {!platform.capabilities.faceVerification && (
              <Text className='recover__hint' id='recover-face-unavailable'>
                当前平台暂不支持人脸识别找回，请通过密保问题找回密码；也可在电脑端网站找回。
              </Text>
            )}
          </>
        )}

        {step === 'identify' && way === 'face' && (
          <>
            <NameField
              id='recover-face-name'
              value={who.name}
              onChange={(name) => setWho((w) => ({ ...w, name }))}
              error={errors.name}
            />
            <FormField id='recover-face-id-type' label='证件类型' required>
              <Text className='recover__fixed' id='recover-face-id-type'>
                居民身份证
              </Text>
            </FormField>
            <IdNumberField
              id='recover-face-id-number'
              error={errors.idNumber}
              value={who.idNumber}
              onChange={(v) => setWho((w) => ({ ...w, idNumber: v }))}
            />
            <CaptchaField
              ref={captcha}
              page='recover-face'
              value={who.captchaCode}
              error={errors.captchaCode ?? errors.captchaId}
              onChange={(captchaCode, captchaId) => setWho((w) => ({ ...w, captchaCode, captchaId }))}
            />
            {faceNotice?.kind === 'failed' && (
              <View className='recover__face-notice' id='recover-face-failed'>
                <Text className='recover__face-notice-text' id='recover-face-failed-reason'>
                  {faceNotice.message}
                </Text>
                <Text className='recover__face-notice-text'>可填写验证码后重新识别，或改用密保问题找回。</Text>
              </View>
            )}
            {faceNotice?.kind === 'unsupported' && (
              <View className='recover__face-notice' id='recover-face-unsupported'>
                <Text className='recover__face-notice-text'>{faceNotice.message}，请改用密保问题找回密码。</Text>
              </View>
            )}
          </>
        )}

        {step === 'answer' && question && (
          <>
            <View className='recover__question'>
              <Text className='recover__question-label'>密码找回问题</Text>
              <Text className='recover__question-text' id='recover-question-text'>
                {question.text}
              </Text>
            </View>
            <TextField
              id='recover-answer'
              label='答案'
              required
              error={errors.answer}
              value={answer}
              onChange={(v) => setAnswer(v)}
              maxlength={30}
              placeholder='请输入注册时设置的答案'
            />
          </>
        )}

        {step === 'reset' && (
          <>
            <Text className='recover__ok' id='recover-verified'>
              身份验证通过，请设置新密码。
            </Text>
            <TextField
              id='recover-new-password'
              label='新密码'
              required
              hint={PASSWORD_RULE_TEXT}
              {...reset.field('newPassword')}
              kind='password'
              maxlength={32}
              placeholder='请设置新密码'
            />
            <PasswordMeter id='recover-new-password-strength' password={pw.newPassword} />
            <TextField
              id='recover-new-password-confirm'
              label='确认新密码'
              required
              {...reset.field('newPasswordConfirm')}
              kind='password'
              maxlength={32}
              placeholder='请再次输入新密码'
            />
          </>
        )}

        {step === 'done' && (
          <View className='recover__done' id='recover-done'>
            <Text className='recover__done-title'>密码已重置</Text>
            <Text className='recover__done-text'>请使用新密码登录。</Text>
          </View>
        )}

        {formError && (
          <Text className='recover__error' id='recover-error'>
            {formError}
          </Text>
        )}

        {step === 'identify' && way === 'question' && (
          <Button id='recover-question-next' loading={busy} onClick={startQuestion}>
            下一步
          </Button>
        )}
        {step === 'identify' && way === 'face' && faceNotice?.kind !== 'unsupported' && (
          <Button id='recover-face-submit' loading={busy} onClick={() => void startFace()}>
            {faceNotice?.kind === 'failed' ? '重新人脸识别' : '开始人脸识别'}
          </Button>
        )}
        {step === 'identify' && way === 'face' && faceNotice && (
          <Button
            id='recover-face-use-question'
            variant={faceNotice.kind === 'failed' ? 'text' : undefined}
            onClick={() => switchWay('question')}
          >
            改用密保问题找回
          </Button>
        )}
        {step === 'answer' && (
          <Button id='recover-answer-submit' loading={busy} onClick={submitAnswer}>
            下一步
          </Button>
        )}
        {step === 'reset' && (
          <Button id='recover-reset-submit' loading={reset.submitting} onClick={submitReset}>
            确认修改
          </Button>
        )}
        {step === 'done' && (
          <Button id='recover-back-login' onClick={backToLogin}>
            返回登录
          </Button>
        )}
        {step !== 'done' && (
          <Button id='recover-to-login' variant='text' onClick={backToLogin}>
            想起密码了？返回登录
          </Button>
        )}
      </View>
    </PageContainer>
  )
}
