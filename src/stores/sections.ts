import type { StoreApi } from 'zustand'
import { messageOf } from '../api'

/**
 * The one section loader every store shares. A store keeps several server views ("sections": the hub's summary, the
 * ticket, the application being filled), each with its own loading flag and error message, which pages read as
 * `loading[section]` / `errors[section]` to show PageContainer's spinner or error with its 重试.
 */
export interface SectionFlags<S extends string> {
  loading: Partial<Record<S, boolean>>
  errors: Partial<Record<S, string | null>>
}

export interface SectionLoader<S extends string, T> {
  /**
   * Runs one load of `section`: its loading flag on and its error cleared, then `keep(value)` merged into the store
   * and the flag off; a failure keeps the view there was and sets the section's error (the Chinese sentence to show).
   * An answer that a change of the candidate's made stale meanwhile (`changed(section)`) is dropped. Resolves with
   * the value, or null when the load failed or was dropped.
   */
  load: <V>(section: S, fetch: () => Promise<V>, keep: (value: V) => Partial<T>) => Promise<V | null>
  /**
   * The candidate changed `section` (bound, uploaded, deleted): a load of it still under way answers with what the
   * server had before, so its answer is dropped.
   */
  changed: (section: S) => void
}

export function sectionLoader<S extends string, T extends SectionFlags<S>>(
  set: StoreApi<T>['setState'],
): SectionLoader<S, T> {
  const changes = new Map<S, number>()
  const flags = (s: T, section: S, loading: boolean, error?: string | null): Partial<T> =>
    ({
      loading: { ...s.loading, [section]: loading },
      ...(error === undefined ? {} : { errors: { ...s.errors, [section]: error } }),
    }) as Partial<T>

  return {
    load: async (section, fetch, keep) => {
      set((s) => flags(s, section, true, null))
      const before = changes.get(section) ?? 0
      try {
        const value = await fetch()
        const stale = (changes.get(section) ?? 0) !== before
        set((s) => ({ ...(stale ? {} : keep(value)), ...flags(s, section, false) }))
        return stale ? null : value
      } catch (err) {
        set((s) => flags(s, section, false, messageOf(err)))
        return null
      }
    },
    changed: (section) => void changes.set(section, (changes.get(section) ?? 0) + 1),
  }
}
