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

export function materialsOfProvince(province: string): MaterialEntry[] {
  return MATERIALS.get(province) ?? []
}

/** Reminders: a payment deadline is "near" this long before it. */
export const PAY_DEADLINE_NEAR_MS = 3 * 24 * 3600 * 1000
