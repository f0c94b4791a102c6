/**
 * One row per platform API the app (or Taro's runtime for it) calls: the document it comes from, the arguments that
 * page marks required (必填), and the fields of its success result the host answers with. The host refuses a call
 * whose required argument is missing the way the platform does, reports a call of an API its table lacks, and
 * answers `canIUse` from the table.
 */
export interface ApiRow {
  /** The platform's own document for the API. */
  doc: string
  /** Arguments the document marks required. */
  required?: string[]
  /** Fields of the success result (what the host answers with; the app may read only these). */
  result?: string[]
  /** A synchronous API (returns its result; no callbacks). */
  sync?: boolean
  /** Whether the row was read through the documentation search when written (else taken from the SDK's typings). */
  read?: boolean
}

export type ApiTable = Record<string, ApiRow>

/** `api` rows as [name, doc, required, result, flags]; keeps the tables short to read. */
export function table(rows: [string, string, string[]?, string[]?, ('sync' | 'read')[]?][]): ApiTable {
  const out: ApiTable = {}
  for (const [name, doc, required, result, flags] of rows) {
    out[name] = { doc, required, result, sync: flags?.includes('sync'), read: flags?.includes('read') }
  }
  return out
}
