import { ScrollView, Text, View } from '@tarojs/components'
import { a11y, scrollable } from '../../../components/a11y'
import { useEffect, useRef, useState } from 'react'
import { DECLARATION_NAMES, DECLARATIONS } from '@contract/application'
import { Button } from '../../../components/button'
import { PageContainer } from '../../../components/page-container'
import { go, routes, useQuery } from '../../../routes'
import { useApplication } from '../../../stores/application'
import { messageOf } from '../../../stores/shared'
import { useRequireSession } from '../../../stores/session'
import { DECLARATION_TEXTS } from './texts'
import { Card } from '../../../components/card'
import '../application.scss'
import './index.scss'

/**
 * 《重要声明》 then 《考生诚信考试承诺书》, one at a time: 同意 can be ticked only once the text has been scrolled to its
 * end (ScrollView's onScrollToLower, which every platform has); 下一步 moves to the second, then records both.
 */
export default function ApplyDeclarationPage() {
  const id = useQuery(routes.applyDeclaration).id ?? ''
  useRequireSession()
  const [index, setIndex] = useState(0)
  const [read, setRead] = useState(false)
  const [agreed, setAgreed] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const doc = DECLARATIONS[index]
  // H5's ScrollView reports the end only from real scrolling of its element; a scrolltolower event dispatched on the
  // element (what the devtools' automation sends on every platform) is heard here as well.
  const scrollRef = useRef<EventTarget | null>(null)
  useEffect(() => {
    const el = scrollRef.current
    const reached = () => setRead(true)
    el?.addEventListener?.('scrolltolower', reached)
    return () => el?.removeEventListener?.('scrolltolower', reached)
  }, [doc])

  const agree = () => {
    if (!read) {
      setError(`请阅读${DECLARATION_NAMES[doc]}至末尾后再勾选同意`)
      return
    }
    setError(null)
    setAgreed(!agreed)
  }

  const next = async () => {
    if (!agreed) {
      setError(`请阅读并同意${DECLARATION_NAMES[doc]}`)
      return
    }
    if (index + 1 < DECLARATIONS.length) {
      setIndex(index + 1)
      setRead(false)
      setAgreed(false)
      setError(null)
      return
    }
    setBusy(true)
    try {
      await useApplication.getState().acceptDeclarations(id)
      await go.replace(routes.applyCentre, { id })
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageContainer id='apply-declaration-page'>
      <Card titleId='apply-declaration-title' title={DECLARATION_NAMES[doc]}>
        <ScrollView
          key={doc}
          ref={scrollRef as never}
          id='apply-declaration-scroll'
          className='declaration__scroll'
          scrollY
          lowerThreshold={40}
          onScrollToLower={() => setRead(true)}
          {...scrollable(DECLARATION_NAMES[doc])}
        >
          {DECLARATION_TEXTS[doc].map((line) => (
            <Text key={line} className='declaration__line'>
              {line}
            </Text>
          ))}
          <Text className='declaration__end'>（全文完）</Text>
        </ScrollView>
        {!read && <Text className='apply-note'>请将上方内容滑动至末尾</Text>}
      </Card>
      <View
        id='apply-declaration-agree'
        className={`declaration__agree ${agreed ? 'agree-on' : ''} ${read ? '' : 'declaration__agree--off'}`}
        onClick={agree}
        {...a11y('checkbox', undefined, { checked: agreed, disabled: !read })}
      >
        <View className='declaration__box'>{agreed ? '✓' : ''}</View>
        <Text>{`我已阅读并同意${DECLARATION_NAMES[doc]}`}</Text>
      </View>
      {error && (
        <Text className='apply-error' id='apply-declaration-error'>
          {error}
        </Text>
      )}
      <View className='apply-actions'>
        <Button id='apply-declaration-next' disabled={!agreed} loading={busy} onClick={() => void next()}>
          下一步
        </Button>
      </View>
    </PageContainer>
  )
}
