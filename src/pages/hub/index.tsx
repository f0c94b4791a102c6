import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { ApplicationView } from '@contract/application'
import { api, getSessionToken } from '../../api'
import { Button } from '../../components/button'
import { PageContainer } from '../../components/page-container'
import { StatusTag } from '../../components/status-tag'
import { toast } from '../../components/toast'
import { IdentityTag, PhotoTag, RecordsTag } from '../../components/verification-tag'
import { chinaDate } from '@domain/china-time'
import { useProfile } from '../../stores/profile'
import { useResults } from '../../stores/results'
import type { RecordKind } from '@contract/states'
import { go, routes, type Route } from '../../routes'
import { useRequireSession, useSession } from '../../stores/session'
import './index.scss'

/** 个人信息管理: each item with its status, and 网上报名 locked with the reason until the required ones are done. */
export default function HubPage() {
  const account = useSession((s) => s.account)
  const loadMe = useSession((s) => s.loadMe)
  const signOut = useSession((s) => s.signOut)
  const summary = useProfile((s) => s.summary)
  const loading = useProfile((s) => s.loading.summary)
  const error = useProfile((s) => s.errors.summary)
  const loadSummary = useProfile((s) => s.loadSummary)
  const results = useResults((s) => s.summary)
  const loadResults = useResults((s) => s.loadSummary)

  const hasSession = useRequireSession()

  useEffect(() => {
    if (hasSession && !account) loadMe().catch(() => undefined)
  }, [hasSession, account, loadMe])

  // Back from an item's page: its change shows here at once.
  // The candidate's applications with the node each is at (the process tracker, issue 14).
  const [applications, setApplications] = useState<ApplicationView[]>([])
  useDidShow(() => {
    if (!getSessionToken()) return
    void loadSummary()
    api.listApplications().then(
      (r) => setApplications(r.applications),
      () => undefined,
    )
    void loadResults()
  })

  const open = (r: Route) => () => void go.to(r)
  const openRecords = (kind: RecordKind) => () => void go.to(routes.profileRecords, { kind })
  const gate = summary?.gate

  return (
    <PageContainer id='hub-page' loading={!summary && loading} error={!summary ? error : null} onRetry={loadSummary}>
      <View className='hub__card hub__who'>
        <Text className='hub__title'>个人信息管理</Text>
        {account && (
          <Text className='hub__line' id='hub-name'>
            {account.name}
          </Text>
        )}
      </View>

      {summary && (
        <View className='hub__list'>
          <HubItem id='hub-basic' title='基础信息' onTap={open(routes.profileBasic)}>
            <IdentityTag id='hub-basic-status' state={summary.basic.identity} />
          </HubItem>
          <HubItem id='hub-photo' title='照片' required onTap={open(routes.profilePhoto)}>
            <PhotoTag id='hub-photo-status' state={summary.photo.state} />
          </HubItem>
          <HubItem id='hub-education' title='学历信息' required onTap={openRecords('education')}>
            <RecordsTag id='hub-education-status' counts={summary.education} />
          </HubItem>
          <HubItem id='hub-degree' title='学位信息' onTap={openRecords('degree')}>
            <RecordsTag id='hub-degree-status' counts={summary.degree} optional />
          </HubItem>
          <HubItem id='hub-binding' title='账号绑定与关注' required onTap={open(routes.profileBinding)}>
            <StatusTag id='hub-binding-status' tone={summary.binding.bound ? 'success' : 'neutral'}>
              {summary.binding.bound ? '已绑定' : '未绑定'}
            </StatusTag>
          </HubItem>
          <Text className='hub__note'>带 * 的为报名前必须完成的项目</Text>
        </View>
      )}

      {results && (results.ticket || results.scoreYears.length > 0) && (
        <View className='hub__list' id='hub-results'>
          {results.ticket && (
            <HubItem id='hub-ticket' title='准考证' onTap={open(routes.resultsTicket)}>
              <StatusTag id='hub-ticket-status' tone={TICKET_TONES[results.ticket.state]}>
                {results.ticket.state === 'not-open'
                  ? `${chinaDate(results.ticket.opensAt)}开放打印`
                  : TICKET_WORDS[results.ticket.state]}
              </StatusTag>
            </HubItem>
          )}
          {results.scoreYears.length > 0 && (
            <HubItem id='hub-scores' title='成绩查询' onTap={open(routes.resultsScores)}>
              <StatusTag id='hub-scores-status' tone='info'>
                {`${results.scoreYears[0]}年度成绩已公布`}
              </StatusTag>
            </HubItem>
          )}
          {results.certificate && (
            <HubItem id='hub-certificate' title='成绩合格证明' onTap={open(routes.resultsCertificate)}>
              <StatusTag id='hub-certificate-status' tone='success'>
                可查看
              </StatusTag>
            </HubItem>
          )}
        </View>
      )}

      {gate && (
        <View className='hub__apply'>
          <Button
            id='hub-apply'
            disabled={!gate.unlocked}
            // Until the application feature adds its pages, say so rather than do nothing.
            onClick={() => void go.to(routes.application).catch(() => toast.info('网上报名暂未开放，请稍后再试'))}
          >
            {gate.unlocked ? '网上报名' : '网上报名（未开放）'}
          </Button>
          {gate.reason && (
            <Text className='hub__locked' id='hub-apply-locked-reason'>
              {gate.reason}
            </Text>
          )}
        </View>
      )}

      {applications.length > 0 && (
        <View className='hub__list' id='hub-applications'>
          {applications.map((a, i) => {
            const node =
              a.nodes.find((n) => n.state === 'current' || n.state === 'failed') ?? a.nodes[a.nodes.length - 1]
            return (
              <View
                className='hub__item'
                key={a.id}
                id={`hub-application-${i}`}
                onClick={() => void go.to(routes.tracker, { id: a.id })}
              >
                <View className='hub__item-title'>
                  <Text>{`${a.examName}（${a.provinceName}）`}</Text>
                </View>
                <StatusTag
                  id={`hub-application-${i}-node`}
                  tone={node?.state === 'failed' ? 'danger' : node?.state === 'done' ? 'success' : 'neutral'}
                >
                  {!node
                    ? ''
                    : node.state === 'failed'
                      ? `${node.name}未通过`
                      : node.state === 'done'
                        ? node.name
                        : `当前：${node.name}`}
                </StatusTag>
              </View>
            )
          })}
        </View>
      )}

      <View className='hub__actions'>
        <Button id='hub-cancel-account' variant='text' onClick={open(routes.accountCancel)}>
          注销账号
        </Button>
        <Button
          id='hub-logout'
          variant='text'
          onClick={() =>
            void signOut().then(() => {
              useProfile.getState().reset()
              useResults.getState().reset()
              return go.restart(routes.login)
            })
          }
        >
          退出登录
        </Button>
      </View>
    </PageContainer>
  )
}

const TICKET_WORDS = { 'not-open': '未开放', open: '可打印', closed: '已停止打印' } as const
const TICKET_TONES = { 'not-open': 'neutral', open: 'success', closed: 'warning' } as const

function HubItem(props: { id: string; title: string; required?: boolean; onTap: () => void; children: JSX.Element }) {
  return (
    <View className='hub__item' id={props.id} onClick={props.onTap}>
      <View className='hub__item-title'>
        {props.required && <Text className='hub__required'>*</Text>}
        <Text>{props.title}</Text>
      </View>
      <View className='hub__item-status'>
        {props.children}
        <View className='hub__chevron' />
      </View>
    </View>
  )
}
