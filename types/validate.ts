import * as v from 'valibot'

export type FieldErrors = Record<string, string>

export type Validated<T> = { ok: true; value: T; errors: FieldErrors } | { ok: false; errors: FieldErrors }

/**
 * Validates input against a contract schema and returns one Chinese message per field: the forms show them under
 * their fields, the server sends them in a 400. One function, so both say the same thing.
 */
export function validate<S extends v.GenericSchema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input)
  if (result.success) return { ok: true, value: result.output, errors: {} }
  return { ok: false, errors: issuesToFieldErrors(result.issues) }
}

export function issuesToFieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const key = v.getDotPath(issue) ?? '_'
    if (!errors[key]) errors[key] = chineseMessage(issue)
  }
  return errors
}

/** Schemas carry Chinese messages where a person reads them; a missing or mistyped field gets a generic one. */
function chineseMessage(issue: v.BaseIssue<unknown>): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message
  if (issue.input === undefined || issue.input === '') return '此项为必填项'
  return '格式不正确'
}
