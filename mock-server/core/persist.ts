/**
 * JSON for state that holds Maps and Sets. Maps are written as lists of [key, value] entries and Sets as lists of
 * keys, so a key such as `__proto__` round-trips as data. Reading also accepts the plain objects older files hold.
 */
export function stateToJson(state: unknown): string {
  return JSON.stringify(state, (_key, value: unknown) =>
    value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value.values()] : value,
  )
}

export function mapFrom<V>(raw: unknown): Map<string, V> {
  if (Array.isArray(raw)) return new Map(raw as Array<[string, V]>)
  // Files written before the Maps: JSON.parse makes own properties (even `__proto__`), which Object.entries lists.
  if (raw && typeof raw === 'object') return new Map(Object.entries(raw as Record<string, V>))
  return new Map()
}

export function setFrom(raw: unknown): Set<string> {
  if (Array.isArray(raw)) return new Set(raw.filter((k): k is string => typeof k === 'string'))
  if (raw && typeof raw === 'object') return new Set(Object.keys(raw))
  return new Set()
}

/** A JSON object's fields, or none when it is not an object. */
export function fieldsOf(raw: unknown): Record<string, unknown> {
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
}
