import { Text, View } from '@tarojs/components'
import { Button } from '../../components/button'
import { PageContainer } from '../../components/page-container'
import { StatusTag } from '../../components/status-tag'
import { toast } from '../../components/toast'
import { IdentityTag, PhotoTag, RecordsTag } from '../../components/verification-tag'
import { useApplication } from '../../stores/application'
import { useGuardedLoad } from '../../stores/guarded-load'
import { useProfile } from '../../stores/profile'
import { useResults } from '../../stores/results'
import type { RecordKind } from '@contract/states'
import { go, routes, type Route } from '../../routes'
import { useSession } from '../../stores/session'
import { HubApplications, HubItem, HubResults } from './parts'
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

  // The candidate's applications with the node each is at (the process tracker, issue 14).
  const applications = useApplication((s) => s.applications) ?? NONE

  // Back from an item's page: its change shows here at once.
  useGuardedLoad(
    () => {
      void loadSummary()
      void useApplication.getState().loadApplications()
      void loadResults()
    },
    { on: 'show' },
  )
  // Who is logged in (the name on the card), whenever it is not known.
  useGuardedLoad(() => !account && loadMe().catch(() => undefined), { keys: [!!account] })

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
            <StatusTag id='hub-binding-status' meaning={summary.binding.bound ? 'done' : 'current'}>
              {summary.binding.bound ? '已绑定' : '未绑定'}
            </StatusTag>
          </HubItem>
          <Text className='hub__note'>带 * 的为报名前必须完成的项目</Text>
        </View>
      )}

      {results && <HubResults results={results} />}

      {gate && (
        <View className='hub__apply'>
          <Button
            id='hub-apply'
            disabled={!gate.unlocked}
            // Until the application feature adds its pages, say so rather than do nothing.
            onClick={() => void go.to(routes.application).catch(() => toast.info('网上报名暂未开放，请稍后再试'))}
          >
            {gate.unlocked ? '网上报名' : HUB_APPLY_LOCKED}
          </Button>
          {gate.reason && (
            <Text className='hub__locked' id='hub-apply-locked-reason'>
              {gate.reason}
            </Text>
          )}
        </View>
      )}

      <HubApplications applications={applications} />

      <View className='hub__actions'>
        <Button id='hub-cancel-account' variant='text' onClick={open(routes.accountCancel)}>
          注销账号
        </Button>
        <Button
          id='hub-logout'
          variant='text'
          onClick={() =>
            // The stores forget this candidate themselves when the session ends (onCandidateLeft).
            void signOut().then(() => go.restart(routes.login))
          }
        >
          退出登录
        </Button>
      </View>
    </PageContainer>
  )
}

const NONE: never[] = []

/**
 * 网上报名 while the profile is incomplete: locked for that reason (the exam itself may well be open), whose details
 * (domain/hub-gate.ts, from the server's summary) follow under the button.
 */
export const HUB_APPLY_LOCKED = '网上报名（请先完善个人信息）'
