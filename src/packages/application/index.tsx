import { Text, View } from '@tarojs/components'
import type { ExamSummary } from '@contract/application'
import { chinaDate } from '@domain/china-time'
import { Button } from '../../components/button'
import { PageContainer } from '../../components/page-container'
import { StatusTag } from '../../components/status-tag'
import { toast } from '../../components/toast'
import { go, routes } from '../../routes'
import { useApplication } from '../../stores/application'
import { useGuardedLoad } from '../../stores/guarded-load'
import { messageOf } from '../../stores/shared'
import { resumeRoute } from './resume'
import { Card, LabelValue } from '../../components/card'
import './application.scss'

const WINDOW_NAMES = { upcoming: '未开始', open: '报名中', closed: '已结束' } as const

/** 网上报名: the exams with their windows; an exam already applied for opens its application. */
export default function ApplyExamsPage() {
  const exams = useApplication((s) => s.exams)
  const gate = useApplication((s) => s.gate)
  const loading = useApplication((s) => !!s.loading.exams)
  const error = useApplication((s) => s.errors.exams ?? null)
  const loadExams = useApplication((s) => s.loadExams)
  useGuardedLoad(loadExams, { on: 'show' })

  const open = async (exam: ExamSummary) => {
    if (exam.application) {
      try {
        const view = await useApplication.getState().openApplication(exam.application.id)
        await go.to(resumeRoute(view), { id: view.id })
      } catch (err) {
        void toast.error(messageOf(err))
      }
      return
    }
    await go.to(routes.applyProvince, { examId: exam.id })
  }

  return (
    <PageContainer
      id='apply-exams-page'
      loading={!exams && loading}
      error={!exams ? error : null}
      onRetry={loadExams}
      empty={exams?.length === 0}
      emptyText='暂无可报名的考试'
    >
      {gate && !gate.unlocked && (
        <Card tone='warn'>
          <Text className='apply-note apply-note--warn' id='apply-exams-gate'>
            {gate.reason ?? '请先完成个人信息管理中的必填项目'}
          </Text>
          <Button id='apply-exams-hub' variant='secondary' onClick={() => void go.to(routes.hub)}>
            去完善个人信息
          </Button>
        </Card>
      )}
      {exams?.map((exam) => {
        const applied = exam.application !== null
        const canStart = exam.windowState === 'open' && !!gate?.unlocked
        return (
          <Card key={exam.id} id={`apply-exam-${exam.id}`} title={exam.name}>
            <LabelValue
              layout='form'
              label='报名时间'
              valueId={`apply-exam-${exam.id}-window`}
              value={`${chinaDate(exam.window.opensAt)} 至 ${chinaDate(exam.window.closesAt)}`}
            />
            <LabelValue
              layout='form'
              label='考试日期'
              value={exam.examDate === exam.examEndDate ? exam.examDate : `${exam.examDate} 至 ${exam.examEndDate}`}
            />
            <LabelValue layout='form' label='状态'>
              <StatusTag
                id={`apply-exam-${exam.id}-state`}
                meaning={applied ? 'done' : exam.windowState === 'open' ? 'current' : 'waiting'}
              >
                {applied ? '已报名' : WINDOW_NAMES[exam.windowState]}
              </StatusTag>
            </LabelValue>
            {(applied || exam.windowState === 'open') && (
              <View className='apply-actions'>
                <Button
                  id={`apply-exam-${exam.id}-open`}
                  disabled={!applied && !canStart}
                  onClick={() => void open(exam)}
                >
                  {applied ? '查看报名' : '立即报名'}
                </Button>
              </View>
            )}
          </Card>
        )
      })}
    </PageContainer>
  )
}
