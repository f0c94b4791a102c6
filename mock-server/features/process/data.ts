/**
 * The provinces' after-submission data: the fee per subject and the materials an online-confirmation province asks
 * for. (The flags themselves, which province confirms online or takes payment on phones, live with the provinces in
 * features/application/data/provinces.ts.)
 */

/** Fee per subject in fen; provinces not listed charge the national default. */
export const DEFAULT_SUBJECT_FEE = 5600
const SUBJECT_FEE = new Map<string, number>([
  ['11', 6000],
  ['12', 5800],
  ['31', 6500],
  ['44', 5000],
  ['66', 5000],
])

export function subjectFee(province: string): number {
  return SUBJECT_FEE.get(province) ?? DEFAULT_SUBJECT_FEE
}

import type { IdType } from '../../../domain/id-documents'

export interface MaterialEntry {
  key: string
  name: string
  /** PDF accepted beside JPG. */
  pdf: boolean
}

const ID_CARD: MaterialEntry = { key: 'id-card', name: '身份证（正反面）', pdf: false }
const EDUCATION: MaterialEntry = { key: 'education', name: '学历证书', pdf: true }
const WORK_PROOF: MaterialEntry = { key: 'work-proof', name: '单位工作证明（加盖公章）', pdf: true }

/** 天津、上海、新疆兵团: what each asks to be uploaded. */
const MATERIALS = new Map<string, MaterialEntry[]>([
  ['12', [ID_CARD, EDUCATION, WORK_PROOF]],
  ['31', [ID_CARD, EDUCATION, { key: 'practice-cert', name: '执业证书', pdf: true }, WORK_PROOF]],
  ['66', [ID_CARD, EDUCATION, { ...WORK_PROOF, pdf: false }]],
])

/**
 * The identity document each candidate uploads is the one they registered with (issue 24): a 护照 holder has no
 * 身份证 to photograph. Same key, so what was uploaded stays the same material whatever its name.
 */
const ID_DOCUMENT_NAMES: Record<IdType, string> = {
  'resident-id': ID_CARD.name,
  'hk-mo-permit': '港澳居民来往内地通行证（正反面）',
  'tw-permit': '台湾居民来往大陆通行证（正反面）',
  'residence-permit': '港澳台居民居住证（正反面）',
  passport: '护照（个人资料页）',
  'foreign-permanent': '外国人永久居留身份证（正反面）',
}

/** What a province asks to be uploaded, the identity document named as the candidate's own (resident ID unless given). */
export function materialsOfProvince(province: string, idType: IdType = 'resident-id'): MaterialEntry[] {
  return (MATERIALS.get(province) ?? []).map((m) =>
    m.key === ID_CARD.key ? { ...m, name: ID_DOCUMENT_NAMES[idType] ?? ID_CARD.name } : m,
  )
}

/** Reminders: a payment deadline is "near" this long before it. */
export const PAY_DEADLINE_NEAR_MS = 3 * 24 * 3600 * 1000
