import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { ExamSummary } from '@contract/application'
import { chinaDate } from '@domain/china-time'
import { api, messageOf } from '../../api'
import { Button } from '../../components/button'
import { PageContainer } from '../../components/page-container'
import { StatusTag } from '../../components/status-tag'
import { toast } from '../../components/toast'
import { go, routes } from '../../routes'
import { useApplication } from '../../stores/application'
import { useRequireSession } from '../../stores/session'
import { resumeRoute } from './resume'
import './application.scss'

const WINDOW_NAMES = { upcoming: '未开始', open: '报名中', closed: '已结束' } as const

/** 网上报名: the exams with their windows; an exam already applied for opens its application. */
export default function ApplyExamsPage() {
  const hasSession = useRequireSession()
  const exams = useApplication((s) => s.exams)
  const gate = useApplication((s) => s.gate)
  const loading = useApplication((s) => s.loading)
  const error = useApplication((s) => s.error)
  const loadExams = useApplication((s) => s.loadExams)

  useDidShow(() => {
    if (hasSession) void loadExams()
  })

  const open = async (exam: ExamSummary) => {
    if (exam.application) {
      try {
        const view = await api.getApplication(exam.application.id)
        useApplication.getState().setView(view)
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
        <View className='apply-card apply-card--warn'>
          <Text className='apply-note apply-note--warn' id='apply-exams-gate'>
            {gate.reason ?? '请先完成个人信息管理中的必填项目'}
          </Text>
          <Button id='apply-exams-hub' variant='secondary' onClick={() => void go.to(routes.hub)}>
            去完善个人信息
          </Button>
        </View>
      )}
      {exams?.map((exam) => {
        const applied = exam.application !== null
        const canStart = exam.windowState === 'open' && !!gate?.unlocked
        return (
          <View key={exam.id} className='apply-card' id={`apply-exam-${exam.id}`}>
            <Text className='apply-card__title'>{exam.name}</Text>
            <View className='apply-row'>
              <Text className='apply-row__label'>报名时间</Text>
              <Text className='apply-row__value' id={`apply-exam-${exam.id}-window`}>
                {`${chinaDate(exam.window.opensAt)} 至 ${chinaDate(exam.window.closesAt)}`}
              </Text>
            </View>
            <View className='apply-row'>
              <Text className='apply-row__label'>考试日期</Text>
              <Text className='apply-row__value'>
                {exam.examDate === exam.examEndDate ? exam.examDate : `${exam.examDate} 至 ${exam.examEndDate}`}
              </Text>
            </View>
            <View className='apply-row'>
              <Text className='apply-row__label'>状态</Text>
              <StatusTag
                id={`apply-exam-${exam.id}-state`}
                tone={applied ? 'success' : exam.windowState === 'open' ? 'info' : 'neutral'}
              >
                {applied ? '已报名' : WINDOW_NAMES[exam.windowState]}
              </StatusTag>
            </View>
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
          </View>
        )
      })}
    </PageContainer>
  )
}
