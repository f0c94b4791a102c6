import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { SubjectStandingView } from '@contract/results'
import { Button } from '../../../components/button'
import { PageContainer } from '../../../components/page-container'
import { StatusTag } from '../../../components/status-tag'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { go, routes } from '../../../routes'
import { useResults } from '../../../stores/results'
import { Card } from '../../../components/card'
import '../results.scss'

/** What the rolling rule means for one subject, in words. */
function standingWords(s: SubjectStandingView, asOfYear: number): string {
  if (s.state === 'counts')
    return s.countsThrough === asOfYear
      ? `${s.passedYear}年通过，保留至${s.countsThrough}年度考试（本年度是最后一年）`
      : `${s.passedYear}年通过，保留至${s.countsThrough}年度考试`
  if (s.state === 'lapsed')
    return `${s.passedYear}年通过，已超过两年滚动周期（保留至${s.countsThrough}年度），须重新参加考试`
  return '尚未通过，须参加考试'
}

const STANDING_TAGS = {
  counts: ['done', '成绩有效'],
  lapsed: ['refused', '已过期'],
  retake: ['current', '须考'],
} as const

/** 成绩查询: one exam year at a time, and the rolling rule's verdict in plain words. */
export default function ScoresPage() {
  const scores = useResults((s) => s.scores)
  const loading = useResults((s) => s.loading.scores)
  const error = useResults((s) => s.errors.scores)
  const loadScores = useResults((s) => s.loadScores)
  const [year, setYear] = useState<number | null>(null)

  useGuardedLoad(loadScores, { on: 'show' })

  const shown = scores?.years.find((y) => y.year === year) ?? scores?.years[0] ?? null
  const standing = scores?.standing
  const toSit = standing && !standing.completed ? standing.subjects.filter((s) => s.state !== 'counts') : []

  return (
    <PageContainer
      id='scores-page'
      loading={!scores && loading}
      error={!scores ? error : null}
      onRetry={loadScores}
      empty={!!scores && scores.years.length === 0}
      emptyText='暂无考试成绩'
    >
      {scores && shown && standing && (
        <>
          <View className='rs-tabs'>
            {scores.years.map((y) => (
              <Text
                key={y.year}
                id={`scores-year-${y.year}`}
                className={`rs-tab ${y.year === shown.year ? 'rs-tab--on' : ''}`}
                onClick={() => setYear(y.year)}
              >
                {y.year}年度
              </Text>
            ))}
          </View>

          <Card id='scores-sheet' data={{ year: shown.year }}>
            <Text className='ui-card__title' id='scores-exam'>
              {shown.examName}
            </Text>
            <Text className='rs-note'>报考专业：{scores.speciality}</Text>
            <View className='rs-table__row rs-table__head'>
              <Text className='rs-table__name'>科目</Text>
              <Text className='rs-table__num'>成绩</Text>
              <Text className='rs-table__num'>合格线</Text>
              <Text className='rs-table__tag'>结果</Text>
            </View>
            {shown.subjects.map((s) => (
              <View className='rs-table__row' id={`scores-subject-${s.code}`} key={s.code}>
                <Text className='rs-table__name'>{s.name}</Text>
                <Text className='rs-table__num' id={`scores-subject-${s.code}-score`}>
                  {s.score}
                </Text>
                <Text className='rs-table__num' id={`scores-subject-${s.code}-pass-mark`}>
                  {s.passMark}
                </Text>
                <View className='rs-table__tag'>
                  <StatusTag id={`scores-subject-${s.code}-result`} meaning={s.passed ? 'done' : 'refused'}>
                    {s.passed ? '合格' : '不合格'}
                  </StatusTag>
                </View>
              </View>
            ))}
          </Card>

          <Card id='scores-standing' title={`成绩滚动管理（${standing.asOfYear}年度）`}>
            <Text className='rs-note' id='scores-rule'>
              {scores.rollingYears === 2
                ? '考试以两年为一个周期：某科目合格，成绩在当年和下一年度有效；须在连续两个考试年度内通过全部科目，方可取得资格。'
                : '须在同一次考试中通过全部科目。'}
            </Text>
            {standing.subjects.map((s) => (
              <View className='rs-standing' id={`scores-standing-${s.code}`} data-state={s.state} key={s.code}>
                <View className='rs-standing__line'>
                  <Text className='rs-table__name'>{s.name}</Text>
                  <StatusTag id={`scores-standing-${s.code}-state`} meaning={STANDING_TAGS[s.state][0]}>
                    {STANDING_TAGS[s.state][1]}
                  </StatusTag>
                </View>
                <Text className='rs-note' id={`scores-standing-${s.code}-text`}>
                  {standing.completed ? `${s.passedYear}年通过` : standingWords(s, standing.asOfYear)}
                </Text>
              </View>
            ))}
            {standing.completed ? (
              <View>
                <Text className='rs-state' id='scores-completed'>
                  您已在
                  {standing.completed.fromYear === standing.completed.toYear
                    ? `${standing.completed.toYear}年度`
                    : `${standing.completed.fromYear}—${standing.completed.toYear}年度`}
                  通过全部科目，可查看成绩合格证明。
                </Text>
                <Button id='scores-to-certificate' onClick={() => void go.to(routes.resultsCertificate)}>
                  查看成绩合格证明
                </Button>
              </View>
            ) : (
              <Text className='rs-state' id='scores-retake'>
                {standing.asOfYear}年度须参加的科目：{toSit.map((s) => s.name).join('、')}
              </Text>
            )}
          </Card>
        </>
      )}
    </PageContainer>
  )
}
