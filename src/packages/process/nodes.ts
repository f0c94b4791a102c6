/** The tracker's QA key of each process node (the server's keys `payment`/`success` are `pay`/`done` on screen). */
const QA_KEYS: Record<string, string> = { payment: 'pay', success: 'done' }

export function qaKeyOf(nodeKey: string): string {
  return QA_KEYS[nodeKey] ?? nodeKey
}

/** YYYY-MM-DD HH:mm in China for a deadline: the one time helper (domain/china-time.ts), under the pages' name. */
export { chinaDateTime as chinaTime } from '@domain/china-time'

/** Yuan from fen, two decimals. */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2)
}

/** A file's size as candidates read it: 812 B, 109.3 KB, 1.25 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`
}
