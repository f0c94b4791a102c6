import { useRef, useState } from 'react'
import * as v from 'valibot'
import {
  FaceStartRequest,
  type IdType,
  RecoverQuestionAnswerRequest,
  RecoverQuestionStartRequest,
  ResetPasswordForm,
} from '@contract/account'
import type { CaptchaFieldHandle } from '../../components/captcha-field'
import { useFaceNotice } from '../../components/face-notice'
import { useForm } from '../../forms/use-form'
import { recoveryExpired, useAccount } from '../../stores/account'
import { useDraft } from '../../stores/drafts'
import { messageOf } from '../../stores/shared'

export type Way = 'question' | 'face'
export type Step = 'identify' | 'answer' | 'reset' | 'done'

/** What the candidate types for a face recovery: the start request without what the platform adds. */
const FaceRecoverForm = v.omit(FaceStartRequest, ['idType', 'platform', 'loginCode'])
/** The answer step: the answer (the recovery it belongs to is the page's, not typed). */
const AnswerForm = v.pick(RecoverQuestionAnswerRequest, ['answer'])

/** The type is the question way's (the face way takes the resident ID only); both share name and number. */
const NOBODY = { idType: 'resident-id' as IdType, name: '', idNumber: '', captchaId: '', captchaCode: '' }

/** The recover page's state and actions: the way, the step, a form kit per step, the face notice. */
export function useRecover() {
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
  const faceNotice = useFaceNotice()
  const captcha = useRef<CaptchaFieldHandle>(null)

  const switchWay = (next: Way) => {
    if (step !== 'identify') return
    setWay(next)
    for (const kit of [byQuestion, byFace]) {
      kit.setErrors({})
      kit.setFormError(null)
    }
    faceNotice.setNotice(null)
  }

  /** The server ended this recovery (too many wrong answers, or too late): start again, saying why. */
  const startAgain = (err: unknown) => {
    if (!recoveryExpired(err)) return
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
        const r = await useAccount.getState().recoverByQuestion(value, idempotencyKey)
        setQuestion({ recoveryId: r.recoveryId, text: r.question })
        setStep('answer')
      },
      { onError: () => captcha.current?.refresh() },
    )

  const submitAnswer = () => {
    if (!question) return
    void answer.submit(
      async (value, idempotencyKey) => {
        const r = await useAccount.getState().answerQuestion(question.recoveryId, value.answer, idempotencyKey)
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
    faceNotice.setNotice(null)
    await byFace.submit(
      async (value, idempotencyKey) => {
        const result = await useAccount.getState().recoverByFace(value, idempotencyKey)
        if (result.kind !== 'passed') throw faceNotice.refusal(result)
        setResetToken(result.value.resetToken)
        setStep('reset')
      },
      // Every start used the captcha up; what was typed stays.
      { onError: () => captcha.current?.refresh() },
    )
  }

  const submitReset = () =>
    void reset.submit(
      async (value, idempotencyKey) => {
        await useAccount.getState().resetPassword(value.resetToken, value.newPassword, idempotencyKey)
        setStep('done')
      },
      { onError: startAgain },
    )

  return {
    way,
    step,
    question,
    byQuestion,
    byFace,
    answer,
    reset,
    current,
    faceNotice: faceNotice.notice,
    captcha,
    switchWay,
    startQuestion,
    submitAnswer,
    startFace,
    submitReset,
  }
}

export type Recover = ReturnType<typeof useRecover>
