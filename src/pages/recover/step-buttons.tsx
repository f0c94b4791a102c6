import { SECURITY_QUESTION } from '@domain/glossary'
import { Button } from '../../components/button'
import { go, routes } from '../../routes'
import type { Recover } from './use-recover'

const backToLogin = () => void go.restart(routes.login)

/** The step's button (and, after a face attempt that did not pass, the other way), then the way back to login. */
export function StepButtons({ recover }: { recover: Recover }) {
  const { step, way, faceNotice } = recover
  const identifying = step === 'identify'
  return (
    <>
      {identifying && way === 'question' && (
        <Button id='recover-question-next' loading={recover.byQuestion.submitting} onClick={recover.startQuestion}>
          下一步
        </Button>
      )}
      {identifying && way === 'face' && faceNotice?.kind !== 'unsupported' && (
        <Button id='recover-face-submit' loading={recover.byFace.submitting} onClick={() => void recover.startFace()}>
          {faceNotice?.kind === 'failed' ? '重新人脸识别' : '开始人脸识别'}
        </Button>
      )}
      {identifying && way === 'face' && faceNotice && (
        <Button
          id='recover-face-use-question'
          variant={faceNotice.kind === 'failed' ? 'text' : undefined}
          onClick={() => recover.switchWay('question')}
        >
          改为回答{SECURITY_QUESTION}
        </Button>
      )}
      {step === 'answer' && (
        <Button id='recover-answer-submit' loading={recover.answer.submitting} onClick={recover.submitAnswer}>
          下一步
        </Button>
      )}
      {step === 'reset' && (
        <Button id='recover-reset-submit' loading={recover.reset.submitting} onClick={recover.submitReset}>
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
    </>
  )
}
