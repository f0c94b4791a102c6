import { Text, View } from '@tarojs/components'
import { a11y } from '../../../components/a11y'
import { useState } from 'react'
import { PageContainer } from '../../../components/page-container'
import { go, routes, useQuery } from '../../../routes'
import { useApplication } from '../../../stores/application'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { messageOf } from '../../../stores/shared'
import { Card } from '../../../components/card'
import '../application.scss'
import { confirmAction } from '../../../platform/modal'

/**
 * 选择考区: the 31 provinces and 新疆兵团. A new application starts here; with `id` it is 修改考区 of an application
 * not yet submitted, after a warning (the server clears that application's steps, photo choice and declarations).
 */
export default function ApplyProvincePage() {
  const { examId = '', id } = useQuery(routes.applyProvince)
  const dicts = useApplication((s) => (s.dicts?.examId === examId ? s.dicts : null))
  const loadError = useApplication((s) => s.errors.dictionaries ?? null)
  const [actionError, setError] = useState<string | null>(null)
  const error = actionError ?? loadError
  const [busy, setBusy] = useState(false)

  const load = () => {
    setError(null)
    void useApplication.getState().loadDictionaries(examId)
  }
  // Once per exam.
  useGuardedLoad(() => examId && load(), { keys: [examId] })

  const pick = async (province: string) => {
    if (busy) return
    setError(null)
    setBusy(true)
    try {
      if (id) {
        const sure = await confirmAction({
          title: '修改考区',
          content: '修改考区后，本次报名已填写的信息、照片和声明将被清空，需要重新填写。确定修改吗？',
          confirmText: '确定修改',
          destructive: true,
        })
        if (!sure) return
        const view = await useApplication.getState().changeProvince(id, province)
        await go.replace(routes.applyDeclaration, { id: view.id })
        return
      }
      const started = await useApplication.getState().start(examId, province)
      // Already applied (another device): that application opens instead of a second one.
      if ('existing' in started) await go.replace(routes.applyCentre, { id: started.existing })
      else await go.replace(routes.applyDeclaration, { id: started.view.id })
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageContainer id='apply-province-page' loading={!dicts && !error} error={!dicts ? error : null} onRetry={load}>
      <Text className='apply-note'>{id ? '请选择新的考区' : '请选择报考的考区（报考所在地）'}</Text>
      {error && (
        <Text className='apply-error' id='apply-province-error'>
          {error}
        </Text>
      )}
      <Card style={{ padding: 0 }}>
        {dicts?.provinces.map((p) => (
          <View
            key={p.code}
            id={`apply-province-option-${p.code}`}
            className='apply-option'
            onClick={() => void pick(p.code)}
            {...a11y('button')}
          >
            <Text>{p.name}</Text>
            {p.onlineConfirmation && <Text className='apply-note'>网上确认</Text>}
          </View>
        ))}
      </Card>
    </PageContainer>
  )
}
