import type { GateItem, PhotoState, RecordState } from './states'
export type { PhotoState }

/**
 * The gate to 网上报名 (SPEC 2): the required hub items are the photo, at least one verified education record and
 * the platform-account binding. Pure: the server computes it for the summary, the hub shows its reason.
 */

export interface HubFacts {
  photo: PhotoState
  education: readonly RecordState[]
  bound: boolean
}

export interface HubGate {
  unlocked: boolean
  missing: GateItem[]
  /** What the candidate still has to do, as one Chinese sentence; null when unlocked. */
  reason: string | null
}

export function photoDone(photo: PhotoState): boolean {
  // A photo waiting for verification is enough to start applying; a refused one must be replaced.
  return photo === 'pending' || photo === 'passed'
}

function photoTodo(photo: PhotoState): string {
  return photo === 'failed' ? '重新上传照片（照片核验未通过）' : '上传照片'
}

function educationTodo(states: readonly RecordState[]): string {
  if (states.length === 0) return '添加学历信息'
  if (states.includes('unverified')) return '等待学历信息核验通过'
  return '添加正确的学历信息（已添加的核验未通过）'
}

export function hubGate(facts: HubFacts): HubGate {
  const todo: string[] = []
  const missing: GateItem[] = []
  if (!photoDone(facts.photo)) {
    missing.push('photo')
    todo.push(photoTodo(facts.photo))
  }
  if (!facts.education.includes('verified')) {
    missing.push('education')
    todo.push(educationTodo(facts.education))
  }
  if (!facts.bound) {
    missing.push('binding')
    todo.push('完成账号绑定')
  }
  return {
    unlocked: missing.length === 0,
    missing,
    reason: missing.length ? `请先${todo.join('、')}，再进行网上报名` : null,
  }
}
