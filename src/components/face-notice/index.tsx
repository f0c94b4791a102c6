import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { FormRefusal } from '../../forms/use-form'
import type { FaceAttempt } from '../../stores/face-verification'

/** What the last face attempt left on the page: the platform's refusal (with its reason), or no face on this phone. */
export type FaceNotice = { kind: 'failed' | 'unsupported'; message: string } | null

/**
 * The face notice of the login and recover pages: `refusal` turns an attempt that did not pass into what the form
 * kit throws (the platform's refusal gets the notice, anything else a message by the button).
 */
export function useFaceNotice() {
  const [notice, setNotice] = useState<FaceNotice>(null)
  const refusal = (result: Exclude<FaceAttempt<unknown>, { kind: 'passed' }>): FormRefusal => {
    if (result.kind === 'failed' || result.kind === 'unsupported') {
      setNotice(result)
      return new FormRefusal(null)
    }
    return new FormRefusal(result.message, result.kind === 'error' ? result.fields : {})
  }
  return { notice, setNotice, refusal }
}

/**
 * The notice itself, under the page's block name (`login__face-notice`, src/pages/_face-sign-in.scss) with ids
 * `<page>-face-failed` (+ `-reason`) and `<page>-face-unsupported`: the reason, then the ways on.
 */
export function FaceNoticeView(props: {
  page: 'login' | 'recover'
  notice: FaceNotice
  /** After a refusal: what else the candidate can do (retry or the other way). */
  afterFailed: string
  /** After the phone's own refusal, following its message: the other way. */
  afterUnsupported: string
}) {
  const { page, notice } = props
  const block = `${page}__face-notice`
  if (notice?.kind === 'failed') {
    return (
      <View className={block} id={`${page}-face-failed`}>
        <Text className={`${block}-text`} id={`${page}-face-failed-reason`}>
          {notice.message}
        </Text>
        <Text className={`${block}-text`}>{props.afterFailed}</Text>
      </View>
    )
  }
  if (notice?.kind === 'unsupported') {
    return (
      <View className={block} id={`${page}-face-unsupported`}>
        <Text className={`${block}-text`}>
          {notice.message}
          {props.afterUnsupported}
        </Text>
      </View>
    )
  }
  return null
}
