import { Text, View } from '@tarojs/components'
import { SECURITY_QUESTION } from '@domain/glossary'
import { ModeTabs } from '../../components/mode-tabs'
import { PageContainer } from '../../components/page-container'
import { platform } from '../../platform/platform'
import { FaceIdentify, QuestionIdentify } from './identify-fields'
import { StepButtons } from './step-buttons'
import { AnswerStep, DoneStep, ResetStep } from './steps'
import { useRecover } from './use-recover'
import './index.scss'

/**
 * 找回密码: by the 密码找回问题 (证件类型 + 姓名 + 证件号码 + 验证码 → 问题 → 答案) or by face, then a new password (state and
 * actions: use-recover.ts).
 */
export default function RecoverPage() {
  const recover = useRecover()
  const { way, step, current } = recover

  return (
    <PageContainer id='recover-page'>
      {step === 'identify' && (
        <ModeTabs
          tabs={[
            { mode: 'question' as const, id: 'recover-mode-question', label: `回答${SECURITY_QUESTION}` },
            // Only where the platform has a face verification its server can confirm (not on Baidu).
            ...(platform.capabilities.faceVerification
              ? [{ mode: 'face' as const, id: 'recover-mode-face', label: '人脸识别找回' }]
              : []),
          ]}
          active={way}
          onChange={recover.switchWay}
        />
      )}

      <View className={`recover__card ${step === 'identify' ? 'recover__card--tabbed' : ''}`}>
        {step === 'identify' && way === 'question' && <QuestionIdentify recover={recover} />}
        {step === 'identify' && way === 'face' && <FaceIdentify recover={recover} />}
        {step === 'answer' && <AnswerStep recover={recover} />}
        {step === 'reset' && <ResetStep recover={recover} />}
        {step === 'done' && <DoneStep />}

        {current?.formError && (
          <Text className='recover__error' id='recover-error'>
            {current.formError}
          </Text>
        )}

        <StepButtons recover={recover} />
      </View>
    </PageContainer>
  )
}
