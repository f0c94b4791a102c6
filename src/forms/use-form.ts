import { useCallback, useRef, useState } from 'react'
import type * as v from 'valibot'
import { validate, type FieldErrors, type Validated } from '@contract/validate'
import { ApiError, messageOf, newIdempotencyKey } from '../api'
import { useDraft } from '../stores/drafts'

/**
 * The form kit: one hook binds a contract schema (valibot, the same one the server checks) to a form's values, with
 * per-field Chinese errors, the draft on the device, and submission with an idempotency key.
 *
 *   const form = useForm({ schema: RegisterForm, initial: EMPTY, draft: { key: 'register', never: ['password'] } })
 *   <TextField id='register-username' label='用户名' {...form.field('username')} />
 *   <Button loading={form.submitting} onClick={() => void form.submit((value, key) => api.register(value, key))} />
 */

/** Where the values live: a draft on the device (the usual), plain state, or a store the page shares. */
export type FormSource<T> =
  | { draft: { key: string; never?: ReadonlyArray<keyof T> } }
  | { state: [T, (update: T | ((prev: T) => T)) => void, () => void] }
  | Record<never, never>

export type FormOptions<S extends v.GenericSchema, T extends object> = {
  schema: S
  initial: T
  /** Fields whose values are shaped for the schema just before checking (e.g. dropping a field that is hidden). */
  toInput?: (values: T) => unknown
} & FormSource<T>

/**
 * What `send` throws when a submission ended without success and without an ApiError: a store call that answers with
 * outcomes rather than throwing (a face attempt that failed or was cancelled). The kit shows its message above the
 * button (none when the page shows the outcome its own way) and its field errors, keeps the draft, and takes a new
 * idempotency key for the next try.
 */
export class FormRefusal extends Error {
  constructor(
    message: string | null,
    readonly fields: FieldErrors = {},
  ) {
    super(message ?? '')
    this.name = 'FormRefusal'
  }
}

export interface SubmitOptions {
  /** Whether to mark the fields the server named (default yes; a wrong password is said once, above the button). */
  showFieldErrors?: (err: ApiError) => boolean
  /** Called with whatever the submission threw, after the errors are shown (refresh a captcha, go back a step). */
  onError?: (err: unknown) => void
}

/** What a field component takes from the kit for one key: its value, its setter, its error. */
export interface FieldBinding<V> {
  value: V
  onChange: (value: V) => void
  error: string | undefined
}

export interface Form<S extends v.GenericSchema, T extends object> {
  values: T
  errors: FieldErrors
  /** The message above the submit button: the server's, or a hint to fix the marked fields. */
  formError: string | null
  submitting: boolean
  /** Sets one field and clears its error. */
  set: <K extends keyof T>(key: K, value: T[K]) => void
  /** One field bound to the kit: `<TextField {...form.field('email')} />` shows, sets and marks `email`. */
  field: <K extends keyof T & string>(key: K) => FieldBinding<T[K]>
  /** Sets several fields and clears their errors (unless `keepErrors`: a new captcha is not a correction). */
  patch: (values: Partial<T>, options?: { keepErrors?: boolean }) => void
  setErrors: (errors: FieldErrors) => void
  setFormError: (message: string | null) => void
  /** Checks the values against the schema and shows the errors; the typed value when they pass. */
  check: () => Validated<v.InferOutput<S>>
  /**
   * Checks, then runs `send` with the checked value and this filling's idempotency key (the same key when a lost
   * answer is retried, a new one after a refusal). Success clears the draft; a refusal shows the server's field
   * errors and message (or a FormRefusal's). Resolves with send's result, or null when nothing was sent or it failed.
   */
  submit: <R>(
    send: (value: v.InferOutput<S>, idempotencyKey: string) => Promise<R>,
    options?: SubmitOptions,
  ) => Promise<R | null>
  /** A new idempotency key: the next submission is a new action (e.g. after the candidate reviewed it again). */
  renewKey: () => void
  /** Forgets the draft (after a success the kit does it itself). */
  clearDraft: () => void
  reset: () => void
}

export function useForm<S extends v.GenericSchema, T extends object>(options: FormOptions<S, T>): Form<S, T> {
  const { schema, initial, toInput } = options
  const draftKey = 'draft' in options ? options.draft.key : null
  const never = 'draft' in options ? (options.draft.never ?? []) : []
  const drafted = useDraft<T>(draftKey ?? '', initial, never, draftKey !== null)
  const [values, setValues, clearDraft] = 'state' in options ? options.state : drafted

  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const key = useRef(newIdempotencyKey())
  // The latest values, for a check or submit that runs before React renders the last change (the same handler, or a
  // tap that arrives first): patch, set and reset write here at once; a render brings in values changed elsewhere
  // (a store the page shares, a restored draft).
  const latest = useRef(values)
  const rendered = useRef(values)
  if (rendered.current !== values) {
    rendered.current = values
    latest.current = values
  }

  const clearErrors = useCallback((keys: string[]) => {
    setErrors((e) => {
      if (!keys.some((k) => e[k])) return e
      const next = { ...e }
      for (const k of keys) delete next[k]
      return next
    })
  }, [])

  const patch = useCallback(
    (partial: Partial<T>, opts: { keepErrors?: boolean } = {}) => {
      latest.current = { ...latest.current, ...partial }
      setValues((prev) => ({ ...prev, ...partial }))
      if (!opts.keepErrors) clearErrors(Object.keys(partial))
    },
    [setValues, clearErrors],
  )

  const set = useCallback(
    <K extends keyof T>(k: K, value: T[K]) => patch({ [k]: value } as unknown as Partial<T>),
    [patch],
  )

  const field = <K extends keyof T & string>(k: K): FieldBinding<T[K]> => ({
    value: values[k],
    onChange: (value: T[K]) => set(k, value),
    error: errors[k],
  })

  const check = useCallback(() => {
    const checked = validate(schema, toInput ? toInput(latest.current) : latest.current)
    setErrors(checked.errors)
    return checked
  }, [schema, toInput])

  const submit = useCallback(
    async <R>(send: (value: v.InferOutput<S>, idempotencyKey: string) => Promise<R>, opts: SubmitOptions = {}) => {
      setFormError(null)
      const checked = check()
      if (!checked.ok) return null
      setSubmitting(true)
      try {
        const result = await send(checked.value, key.current)
        clearDraft()
        key.current = newIdempotencyKey()
        return result
      } catch (err) {
        if (err instanceof FormRefusal) {
          setErrors(err.fields)
          setFormError(err.message || null)
        } else {
          if (err instanceof ApiError) setErrors(opts.showFieldErrors?.(err) === false ? {} : err.fields)
          setFormError(messageOf(err))
        }
        // A refused submission can be corrected and sent again as a new request; a lost one keeps its key.
        if (!(err instanceof ApiError && err.isNetwork)) key.current = newIdempotencyKey()
        opts.onError?.(err)
        return null
      } finally {
        setSubmitting(false)
      }
    },
    [check, clearDraft],
  )

  const renewKey = useCallback(() => {
    key.current = newIdempotencyKey()
  }, [])

  const reset = useCallback(() => {
    latest.current = initial
    setValues(initial)
    setErrors({})
    setFormError(null)
    // initial is a constant per form
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [setValues])

  return {
    values,
    errors,
    formError,
    submitting,
    set,
    field,
    patch,
    setErrors,
    setFormError,
    check,
    submit,
    renewKey,
    clearDraft,
    reset,
  }
}
