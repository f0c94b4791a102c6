import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Dictionaries } from '@contract/application'
import { api, ApiError, messageOf } from '../../../api'
import { PageContainer } from '../../../components/page-container'
import { go, routes, useQuery } from '../../../routes'
import { useApplication } from '../../../stores/application'
import { useRequireSession } from '../../../stores/session'
import '../application.scss'

/**
 * 选择考区: the 31 provinces and 新疆兵团. A new application starts here; with `id` it is 修改考区 of an application
 * not yet submitted, after a warning (the server clears that application's steps, photo choice and declarations).
 */
export default function ApplyProvincePage() {
  const { examId = '', id } = useQuery(routes.applyProvince)
  const hasSession = useRequireSession()
  const [dicts, setDicts] = useState<Dictionaries | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = () => {
    setError(null)
    api.applicationDictionaries(examId).then(setDicts, (err) => setError(messageOf(err)))
  }
  useEffect(() => {
    if (hasSession && examId) load()
    // load once per exam
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasSession, examId])

  const pick = async (province: string) => {
    if (busy) return
    setError(null)
    setBusy(true)
    try {
      if (id) {
        const sure = await Taro.showModal({
          title: '修改考区',
          content: '修改考区后，本次报名已填写的信息、照片和声明将被清空，需要重新填写。确定修改吗？',
          confirmText: '确定修改',
        })
        if (!sure.confirm) return
        const view = await api.changeProvince(id, province)
        useApplication.getState().setView(view)
        await go.replace(routes.applyDeclaration, { id: view.id })
        return
      }
      const view = await api.startApplication({ examId, province })
      useApplication.getState().setView(view)
      await go.replace(routes.applyDeclaration, { id: view.id })
    } catch (err) {
      // Already applied (another device): open that application instead of a second one.
      if (err instanceof ApiError && err.code === 'APPLICATION_EXISTS' && err.details.applicationId) {
        await go.replace(routes.applyCentre, { id: String(err.details.applicationId) })
        return
      }
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
      <View className='apply-card' style={{ padding: 0 }}>
        {dicts?.provinces.map((p) => (
          <View
            key={p.code}
            id={`apply-province-option-${p.code}`}
            className='apply-option'
            onClick={() => void pick(p.code)}
          >
            <Text>{p.name}</Text>
            {p.onlineConfirmation && <Text className='apply-note'>网上确认</Text>}
          </View>
        ))}
      </View>
    </PageContainer>
  )
}
