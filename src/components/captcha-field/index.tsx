import { Image, Text, View } from '@tarojs/components'
import { FieldInput } from '../form-field/controls'
import { forwardRef, useCallback, useEffect, useImperativeHandle, useState } from 'react'
import { newCaptcha } from '../../stores/captcha'
import { FormField } from '../form-field'
import { a11y, imageAlt } from '../a11y'
import './index.scss'

export interface CaptchaFieldHandle {
  /** Fetches a new image (after a failed submit the old one is used up). */
  refresh: () => void
}

export interface CaptchaFieldProps {
  /** The page prefix: ids become `<page>-captcha` and `<page>-captcha-image`. */
  page: string
  value: string
  onChange: (code: string, captchaId: string) => void
  error?: string | null
}

/** The image captcha: the picture from the server, tap it to get another (看不清？换一张). */
export const CaptchaField = forwardRef<CaptchaFieldHandle, CaptchaFieldProps>(function CaptchaField(
  { page, value, onChange, error },
  ref,
) {
  const [image, setImage] = useState<string | null>(null)
  const [captchaId, setCaptchaId] = useState('')
  const [loadError, setLoadError] = useState<string | null>(null)

  const refresh = useCallback(() => {
    setLoadError(null)
    void newCaptcha().then((c) => {
      if ('error' in c) return setLoadError(c.error)
      setImage(c.image)
      setCaptchaId(c.captchaId)
      onChange('', c.captchaId)
    })
    // onChange is the parent's setter; re-fetching when it changes identity would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(refresh, [refresh])
  useImperativeHandle(ref, () => ({ refresh }), [refresh])

  return (
    <FormField id={`${page}-captcha`} label='图形验证码' required error={error}>
      <FieldInput
        id={`${page}-captcha`}
        className='form-field__input'
        value={value}
        maxlength={8}
        placeholder='请输入右侧字符'
        onInput={(e) => onChange(e.detail.value, captchaId)}
      />
      <View
        className='captcha-field__image-box'
        id={`${page}-captcha-refresh`}
        onClick={refresh}
        {...a11y('button', '看不清？换一张（刷新图形验证码）')}
      >
        {image ? (
          <Image
            id={`${page}-captcha-image`}
            className='captcha-field__image'
            src={image}
            mode='aspectFit'
            {...imageAlt('图形验证码图片')}
          />
        ) : (
          <Text className='captcha-field__placeholder'>{loadError ? '点击重试' : '加载中'}</Text>
        )}
        <Text className='captcha-field__tip'>看不清？换一张</Text>
      </View>
    </FormField>
  )
})

/** A form kit whose values hold the captcha's answer and id (useForm's `values`, `errors`, `patch`). */
interface CaptchaKit {
  values: { captchaCode: string }
  errors: Record<string, string>
  patch: (values: { captchaCode: string; captchaId: string }, options: { keepErrors: boolean }) => void
}

/**
 * The field bound to a form kit: `<CaptchaField ref={captcha} page='login' {...captchaOf(kit)} />`. A new captcha is
 * not a correction: it keeps the field's error.
 */
export function captchaOf(kit: CaptchaKit): Pick<CaptchaFieldProps, 'value' | 'error' | 'onChange'> {
  return {
    value: kit.values.captchaCode,
    error: kit.errors.captchaCode ?? kit.errors.captchaId,
    onChange: (captchaCode, captchaId) => kit.patch({ captchaCode, captchaId }, { keepErrors: true }),
  }
}
