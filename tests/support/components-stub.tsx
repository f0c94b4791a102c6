import { createElement, type ReactNode } from 'react'

/** `@tarojs/components` as plain DOM elements, for component tests under jsdom. */
type Props = { children?: ReactNode; className?: string; id?: string; onClick?: () => void } & Record<string, unknown>

const make = (tag: string) =>
  function Stub({ children, className, id, onClick }: Props) {
    return createElement(tag, { className, id, onClick }, children)
  }

export const View = make('div')
export const Text = make('span')
export const Button = make('button')
export const Image = make('img')
export const Checkbox = make('input')
export const ScrollView = make('div')
/** The props each rendered Picker got, by id: a test reads its mode and range and calls its onChange. */
export const pickers = new Map<string, Record<string, unknown>>()
export function Picker({ children, className, id, ...rest }: Props) {
  if (id) pickers.set(id, rest)
  return createElement('div', { className, id, 'data-mode': (rest.mode as string) ?? 'selector' }, children)
}
export function Input({ id, className, value, onInput, placeholder }: Props) {
  return createElement('input', {
    id,
    className,
    value: value as string,
    placeholder: placeholder as string,
    onChange: (e: { target: { value: string } }) =>
      (onInput as ((e: { detail: { value: string } }) => void) | undefined)?.({ detail: { value: e.target.value } }),
  })
}
