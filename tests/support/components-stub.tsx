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
export const Picker = make('div')
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
