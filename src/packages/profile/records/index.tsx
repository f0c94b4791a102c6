import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { Button } from '../../../components/button'
import { PageContainer } from '../../../components/page-container'
import { RecordTag } from '../../../components/verification-tag'
import { toast } from '../../../components/toast'
import {
  MAX_RECORDS_PER_KIND,
  RECORD_KIND_NAMES,
  canAddRecord,
  canDeleteRecord,
  displayNames,
  RECORD_FIELDS,
  RECORD_FIELD_LABELS,
  recordLimitMessage,
  type RecordKind,
} from '@domain/education'
import { VERIFICATION } from '@domain/glossary'
import { useProfile } from '../../../stores/profile'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { messageOf } from '../../../stores/shared'
import { go, routes, useQuery } from '../../../routes'
import { Card, LabelValue } from '../../../components/card'
import '../profile.scss'
import './index.scss'
import { confirmAction } from '../../../platform/modal'

/** 学历信息 / 学位信息 (one page, `?kind=`): the records with their states; add; delete unless verified. */
export default function RecordsPage() {
  const kind: RecordKind = useQuery(routes.profileRecords).kind === 'degree' ? 'degree' : 'education'
  const records = useProfile((s) => s.records[kind])
  const loading = useProfile((s) => s.loading[kind])
  const error = useProfile((s) => s.errors[kind])
  const { loadRecords, deleteRecord } = useProfile.getState()
  const [deleteError, setDeleteError] = useState<string | null>(null)

  useDidShow(() => void Taro.setNavigationBarTitle({ title: RECORD_KIND_NAMES[kind] }))
  useGuardedLoad(() => loadRecords(kind), { on: 'show' })

  const remove = async (id: string) => {
    const confirm = await confirmAction({
      title: '删除记录',
      content: '确定删除这条记录吗？',
      confirmText: '删除',
      destructive: true,
    })
    if (!confirm) return
    setDeleteError(null)
    try {
      await deleteRecord(kind, id)
      void toast.success('已删除')
    } catch (err) {
      setDeleteError(messageOf(err))
    }
  }

  const full = records ? !canAddRecord(records.length) : false
  const p = kind // ids: education-… / degree-…
  const labels = RECORD_FIELD_LABELS[kind]

  return (
    <PageContainer
      id={`${p}-page`}
      loading={!records && loading}
      error={!records ? error : null}
      onRetry={() => void loadRecords(kind)}
    >
      {records && (
        <>
          <Text className='pf-note records__intro'>
            {kind === 'education'
              ? `报名须至少有一条${VERIFICATION.passed}的学历信息。最多添加 ${MAX_RECORDS_PER_KIND} 条；${VERIFICATION.passed}的记录不能删除，如有错误请添加正确的记录。`
              : `学位信息为选填。最多添加 ${MAX_RECORDS_PER_KIND} 条；${VERIFICATION.passed}的记录不能删除。`}
          </Text>
          {records.length === 0 && (
            <Card className='pf-empty' id={`${p}-empty`}>
              <Text className='pf-note'>{`还没有${RECORD_KIND_NAMES[kind]}`}</Text>
            </Card>
          )}
          {records.map((r, i) => {
            const names = displayNames(r)
            return (
              <Card key={r.id} id={`${p}-item-${i}`}>
                <View className='records__head'>
                  <Text className='records__school'>{names.school}</Text>
                  <RecordTag id={`${p}-item-${i}-status`} state={r.state} />
                </View>
                <LabelValue label={labels.certificateNo} value={r.certificateNo} />
                <LabelValue label={labels.graduationDate} value={r.graduationDate} />
                <LabelValue label={labels.major} value={names.major} />
                <LabelValue label={labels.level} value={r.level} />
                {RECORD_FIELDS[kind].includes('studyMode') && (
                  <LabelValue label={labels.studyMode} value={r.studyMode} />
                )}
                {r.state === 'rejected' && r.reason && (
                  <Text className='pf-error' id={`${p}-item-${i}-reason`}>{`${VERIFICATION.failed}：${r.reason}`}</Text>
                )}
                {canDeleteRecord(r.state) && r.deletable && (
                  <View className='records__delete'>
                    <Button id={`${p}-delete-${i}`} variant='danger' block={false} onClick={() => void remove(r.id)}>
                      删除
                    </Button>
                  </View>
                )}
              </Card>
            )
          })}
          {deleteError && (
            <Text className='pf-error' id={`${p}-delete-error`}>
              {deleteError}
            </Text>
          )}
          {full && (
            <Text className='pf-warn' id={`${p}-full`}>
              {recordLimitMessage(kind)}
            </Text>
          )}
          <View className='pf-actions'>
            <Button id={`${p}-add`} disabled={full} onClick={() => void go.to(routes.profileRecordForm, { kind })}>
              {`添加${RECORD_KIND_NAMES[kind]}`}
            </Button>
          </View>
        </>
      )}
    </PageContainer>
  )
}
