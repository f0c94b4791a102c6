import {
  Checkbox as TaroCheckbox,
  Input,
  Picker,
  type CheckboxProps,
  type InputProps,
  type PickerSelectorProps,
} from '@tarojs/components'
import { platform } from '../../platform/platform'
import { nativeLabel } from '../a11y'
import { useCallback, useLayoutEffect, useRef, useState } from 'react'

/**
 * The form controls every page uses, made to cost no setData the phone does not need. On the mini-programs every
 * `setData` crosses from the logic thread to the view thread, and WeChat's experience score wants at most 20 a second
 * on a page (https://developers.weixin.qq.com/miniprogram/dev/framework/audits/performance.html); `npm run bench`
 * prints each page's rate beside that budget, and tests/mini/keystroke.test.ts counts what typing costs.
 *
 * Taro's reconciler sends a form element's `value` (input, checkbox, picker, switch, slider ...) again on every
 * re-render of it, changed or not, so each keystroke that re-renders a form page used to send every field's value.
 */

/**
 * The one text input every form uses (TextField, NameField, CaptchaField, the record form, the rare-character search).
 *
 * A controlled Taro `Input` costs a setData per keystroke: Taro's runtime writes each typed value back to the page's data (its FormElement echo), and
 * every re-render of the page sends every input's `value` again (Taro's reconciler always re-sends a form element's
 * value). The phone's field already shows what was typed, so this input keeps what it reported and sends a value down
 * only when it changes from outside: a reset, a restored draft, a scan filling the form, a captcha cleared after a
 * refusal, a character the rare-character panel inserts. A keystroke then costs no setData at all.
 *
 * How: the Taro input gets no `value` prop (so React neither re-sends nor "restores" it after each event); the value
 * is written to the element itself when it changes from outside; the element's own input echo is skipped. The view's
 * data for `value` is therefore always the last value sent down. A value from outside that equals that data (the
 * field was '' , the candidate typed, a reset sets '' again) would change nothing in the view, and the phone would
 * keep the typed text (the same holds for WeChat's, Alipay's and Baidu's input: the view only applies a property
 * that changed), so the field is then re-created with the value instead (one setData, as any change from outside).
 *
 * On H5 there is no setData (`capabilities.setDataView` is false): the plain controlled input is used.
 */
export type FieldInputProps = Omit<InputProps, 'value' | 'onInput'> & {
  value: string
  onInput: NonNullable<InputProps['onInput']>
}

type InputEvent = Parameters<FieldInputProps['onInput']>[0]

/** The Taro element behind a mini-program input (a FormElement): its props as the view's data holds them. */
interface FormNode {
  props: Record<string, unknown>
  value: string
  dispatchEvent: (event: { type: string }) => boolean
}

function KeptInput({ value, onInput, ...rest }: FieldInputProps) {
  const node = useRef<FormNode | null>(null)
  // The text the phone's field holds, as far as this page knows: what it reported, or what was sent down.
  const held = useRef(value)
  const [generation, setGeneration] = useState(0)

  const attach = useCallback((el: FormNode | null) => {
    node.current = el
    if (!el) return
    // Taro's FormElement (the element's class) writes every typed value back to the page's data, one setData a
    // keystroke; the class above it (TaroElement) dispatches the event to the handlers without that echo.
    const form = Object.getPrototypeOf(el) as FormNode
    const element = Object.getPrototypeOf(form) as FormNode
    el.dispatchEvent = (event) =>
      event.type === 'input' ? element.dispatchEvent.call(el, event) : form.dispatchEvent.call(el, event)
    // The first value, part of the render that mounts the field (no setData of its own).
    el.value = held.current
  }, [])

  useLayoutEffect(() => {
    const el = node.current
    if (value === held.current || !el) return
    held.current = value
    // The view's data for this input is the last value sent down: a different value reaches the field; the same one
    // would be ignored by the view, so the field is re-created with it.
    if (String(el.props.value ?? '') !== value) el.value = value
    else setGeneration((g) => g + 1)
  }, [value])

  return (
    <Input
      key={generation}
      ref={attach as unknown as InputProps['ref']}
      {...rest}
      onInput={(e: InputEvent) => {
        held.current = e.detail.value
        onInput(e)
      }}
    />
  )
}

function ControlledInput(props: FieldInputProps) {
  return <Input {...props} />
}

export const FieldInput = platform.capabilities.setDataView ? KeptInput : ControlledInput

/**
 * A mini-program element whose `value` is sent to the view only when it differs from the last one sent: a picker's
 * index or a checkbox's value, re-sent by Taro on every re-render. A candidate's pick changes the native control and
 * Taro's element without a setData (its change echo is silent); the page's next value is then sent as it differs.
 */
function sendValueWhenChanged(
  el: { props: Record<string, unknown>; setAttribute: (n: string, v: unknown) => void } | null,
) {
  if (!el || !platform.capabilities.setDataView) return
  let sent = el.props.value
  const setAttribute = el.setAttribute
  el.setAttribute = function (name, value) {
    if (name === 'value') {
      if (value === sent) return
      sent = value
    }
    setAttribute.call(this, name, value)
  }
}

/**
 * Taro's Checkbox, its `value` sent once rather than on every render of the page. `label` names it for a screen
 * reader (the words beside a checkbox are not its label on H5, where its `<input>` lies inside Taro's host).
 */
export function Checkbox({ label, ...props }: CheckboxProps & { label: string }) {
  return (
    <TaroCheckbox {...props} {...nativeLabel(label)} ref={sendValueWhenChanged as unknown as CheckboxProps['ref']} />
  )
}

/** Taro's single-column `selector` Picker, its index sent when it changes rather than on every render of the page. */
export function SelectorPicker(props: Omit<PickerSelectorProps, 'mode'>) {
  return <Picker {...props} mode='selector' ref={sendValueWhenChanged as unknown as PickerSelectorProps['ref']} />
}
