import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import {
  FaceStartRequest,
  RecoverQuestionAnswerRequest,
  RecoverQuestionStartRequest,
  ResetPasswordForm,
} from '@contract/account'
import * as v from 'valibot'
import { ApiError, call, messageOf } from '../../api'
import { Button } from '../../components/button'
import { CaptchaField, type CaptchaFieldHandle } from '../../components/captcha-field'
import { FormField } from '../../components/form-field'
import { IdNumberField, TextField } from '../../components/form-field/text-field'
import { ModeTabs } from '../../components/mode-tabs'
import { NameField } from '../../components/name-field'
import { PageContainer } from '../../components/page-container'
import { FormRefusal, useForm } from '../../forms/use-form'
import { PasswordMeter } from '../../components/password-meter'
import { PASSWORD_RULE_TEXT } from '@domain/password'
import { platform } from '../../platform/platform'
import { go, routes } from '../../routes'
import { useDraft } from '../../stores/drafts'
import { attemptFace, type FaceAttempt } from '../../stores/face-verification'
import './index.scss'

type Way = 'question' | 'face'
type Step = 'identify' | 'answer' | 'reset' | 'done'
/** What the last face attempt left on the page: the platform's refusal (with its reason), or no face on this phone. */
type FaceNotice = { kind: 'failed' | 'unsupported'; message: string } | null

/** What the candidate types for a face recovery: the start request without what the platform adds. */
const FaceRecoverForm = v.omit(FaceStartRequest, ['idType', 'platform', 'loginCode'])
/** The answer step: the answer (the recovery it belongs to is the page's, not typed). */
const AnswerForm = v.pick(RecoverQuestionAnswerRequest, ['answer'])

const NOBODY = { name: '', idNumber: '', captchaId: '', captchaCode: '' }

/** 找回密码: by security question (姓名 + 证件号码 + 验证码 → 问题 → 答案) or by face, then a new password. */
export default function RecoverPage() {
  const [way, setWay] = useState<Way>('question')
  const [step, setStep] = useState<Step>('identify')
  const [question, setQuestion] = useState<{ recoveryId: string; text: string } | null>(null)
  const [resetToken, setResetToken] = useState('')
  // Who is recovering: one draft on the device for both ways (switching ways keeps name and ID number), a kit per
  // way for its schema; the captcha never goes into the draft.
  const who = useDraft('recover', NOBODY, ['captchaId', 'captchaCode'])
  const byQuestion = useForm({ schema: RecoverQuestionStartRequest, initial: NOBODY, state: who })
  const byFace = useForm({ schema: FaceRecoverForm, initial: NOBODY, state: who })
  const identify = way === 'question' ? byQuestion : byFace
  // The security answer and the new password are secrets: neither is ever drafted.
  const answer = useForm({ schema: AnswerForm, initial: { answer: '' } })
  const reset = useForm({
    schema: ResetPasswordForm,
    initial: { newPassword: '', newPasswordConfirm: '' },
    toInput: (pw) => ({ resetToken, ...pw }),
  })
  const current = { identify, answer, reset, done: null }[step]
  const [faceNotice, setFaceNotice] = useState<FaceNotice>(null)
  const captcha = useRef<CaptchaFieldHandle>(null)

  const switchWay = (next: Way) => {
    if (step !== 'identify') return
    setWay(next)
    for (const kit of [byQuestion, byFace]) {
      kit.setErrors({})
      kit.setFormError(null)
    }
    setFaceNotice(null)
  }

  /** The server ended this recovery (too many wrong answers, or too late): start again, saying why. */
  const startAgain = (err: unknown) => {
    if (!(err instanceof ApiError && err.code === 'RECOVERY_EXPIRED')) return
    setStep('identify')
    identify.setFormError(messageOf(err))
    answer.reset()
    // The new password typed so far stays for the next time round; this refusal does not.
    reset.setErrors({})
    reset.setFormError(null)
  }

  const startQuestion = () =>
    void byQuestion.submit(
      async (value, idempotencyKey) => {
        const r = await call('recoverQuestionStart', value, { idempotencyKey })
        setQuestion({ recoveryId: r.recoveryId, text: r.question })
        setStep('answer')
      },
      { onError: () => captcha.current?.refresh() },
    )

  const submitAnswer = () => {
    if (!question) return
    void answer.submit(
      async (value, idempotencyKey) => {
        const r = await call(
          'recoverQuestionAnswer',
          { recoveryId: question.recoveryId, answer: value.answer },
          { idempotencyKey },
        )
        setResetToken(r.resetToken)
        setStep('reset')
      },
      { onError: startAgain },
    )
  }

  /**
   * Recovery by face: after the captcha, the server opens a verification on this platform, the platform's face
   * screen runs, and the server asks the platform for the result before it gives a reset token.
   */
  const startFace = async () => {
    setFaceNotice(null)
    await byFace.submit(
      async ({ captchaId, captchaCode, ...identity }, idempotencyKey) => {
        const result = await attemptFace(
          (context) =>
            call('recoverFaceStart', { ...identity, ...context, captchaId, captchaCode }, { idempotencyKey }),
          (verifyId) => call('recoverFaceFinish', { verifyId, ...identity }, { idempotencyKey }),
        )
        if (result.kind !== 'passed') throw notPassed(result)
        setResetToken(result.value.resetToken)
        setStep('reset')
      },
      // Every start used the captcha up; what was typed stays.
      { onError: () => captcha.current?.refresh() },
    )
  }

  /** A face attempt that did not pass: the platform's refusal gets its notice, anything else a message by the button. */
  const notPassed = (result: Exclude<FaceAttempt<unknown>, { kind: 'passed' }>): FormRefusal => {
    if (result.kind === 'failed' || result.kind === 'unsupported') {
      setFaceNotice(result)
      return new FormRefusal(null)
    }
    return new FormRefusal(result.message, result.kind === 'error' ? result.fields : {})
  }

  const submitReset = () =>
    void reset.submit(
      async (value, idempotencyKey) => {
        await call(
          'resetPassword',
          { resetToken: value.resetToken, newPassword: value.newPassword },
          { idempotencyKey },
        )
        setStep('done')
      },
      { onError: startAgain },
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
            <NameField id='recover-name' {...byQuestion.field('name')} />
            {/* Any document type (issue 24): letters too, so the full keyboard. */}
            <TextField
              id='recover-id-number'
              label='证件号码'
              required
              hint='注册时填写的证件号码（任一证件类型）'
              kind='text'
              maxlength={20}
              placeholder='请输入证件号码'
              {...byQuestion.field('idNumber')}
            />
            <CaptchaField
              ref={captcha}
              page='recover'
              value={byQuestion.values.captchaCode}
              error={byQuestion.errors.captchaCode ?? byQuestion.errors.captchaId}
              onChange={(captchaCode, captchaId) => byQuestion.patch({ captchaCode, captchaId }, { keepErrors: true })}
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
            <NameField id='recover-face-name' {...byFace.field('name')} />
            <FormField id='recover-face-id-type' label='证件类型' required>
              <Text className='recover__fixed' id='recover-face-id-type'>
                居民身份证
              </Text>
            </FormField>
            <IdNumberField id='recover-face-id-number' {...byFace.field('idNumber')} />
            <CaptchaField
              ref={captcha}
              page='recover-face'
              value={byFace.values.captchaCode}
              error={byFace.errors.captchaCode ?? byFace.errors.captchaId}
              onChange={(captchaCode, captchaId) => byFace.patch({ captchaCode, captchaId }, { keepErrors: true })}
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
              {...answer.field('answer')}
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
            <PasswordMeter id='recover-new-password-strength' password={reset.values.newPassword} />
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

        {current?.formError && (
          <Text className='recover__error' id='recover-error'>
            {current.formError}
          </Text>
        )}

        {step === 'identify' && way === 'question' && (
          <Button id='recover-question-next' loading={byQuestion.submitting} onClick={startQuestion}>
            下一步
          </Button>
        )}
        {step === 'identify' && way === 'face' && faceNotice?.kind !== 'unsupported' && (
          <Button id='recover-face-submit' loading={byFace.submitting} onClick={() => void startFace()}>
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
          <Button id='recover-answer-submit' loading={answer.submitting} onClick={submitAnswer}>
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
