import {
  firstRegistrationProblem,
  idLongTermProblem,
  OTHER_UNIT,
  practiceCategoryProblem,
  residencyCertProblem,
  specialityYearsProblem,
  subjectsProblem,
  workStartProblem,
} from './application-rules'

/**
 * The checks of each step that need the dictionaries, the server's today or the chosen records, on top of the step's
 * schema (types/application.ts). One function per step answering one Chinese message per field: the page calls it
 * with the dictionaries the server sent, the server with its own, so both refuse the same thing with the same words.
 * Also the step bar's states. Pure; the inputs are described structurally so nothing here imports the contract.
 */

export type FieldProblems = Record<string, string>

function only(fields: Record<string, string | null>): FieldProblems {
  const out: FieldProblems = {}
  for (const [k, v] of Object.entries(fields)) if (v !== null) out[k] = v
  return out
}

export interface CentreChoice {
  code: string
  enrolPoints: ReadonlyArray<{ code: string }>
}

/** 考点 of the province; in an online-confirmation province also one of its 报名点. */
export function centreProblems(
  input: { centre: string; enrolPoint: string },
  centres: readonly CentreChoice[],
  onlineConfirmation: boolean,
): FieldProblems {
  const centre = centres.find((c) => c.code === input.centre)
  if (!centre) return { centre: '请选择本考区的考点' }
  if (onlineConfirmation && !centre.enrolPoints.some((p) => p.code === input.enrolPoint))
    return { enrolPoint: '请选择报名点' }
  return {}
}

/** 民族 from the dictionary; 长期 only for the document that can have it (`idType` as registered). */
export function basicProblems(
  input: { ethnicity: string; idValidUntil: string },
  ethnicities: readonly string[],
  idType: string,
): FieldProblems {
  return only({
    idValidUntil: idLongTermProblem(idType, input.idValidUntil),
    ethnicity: ethnicities.includes(input.ethnicity) ? null : '请选择民族',
  })
}

export interface ExamDictionaryShape {
  categories: ReadonlyArray<{ code: string; practiceCategories: readonly string[] }>
  levels: ReadonlyArray<{ code: string }>
  specialities: ReadonlyArray<{
    code: string
    category: string
    level: string
    subjects: ReadonlyArray<{ code: string }>
  }>
}

export interface ExamInfoInput {
  category: string
  level: string
  speciality: string
  practiceCategory: string
  firstRegistration: string
  residencyHolder: boolean
  residencyCertDate: string
  subjects: readonly string[]
}

/** 专业类别 → 级别 → 专业 from the dictionary, 执业类别 of the 专业类别, the conditional dates, the subjects. */
export function examInfoProblems(input: ExamInfoInput, dict: ExamDictionaryShape, today: string): FieldProblems {
  const category = dict.categories.find((c) => c.code === input.category)
  const spec = dict.specialities.find(
    (s) => s.code === input.speciality && s.category === input.category && s.level === input.level,
  )
  const choice = only({
    category: category ? null : '请选择专业类别',
    level: dict.levels.some((l) => l.code === input.level) ? null : '请选择级别',
    speciality: spec ? null : '请选择所选专业类别和级别下的专业',
  })
  if (!category || !spec) return choice
  return only({
    practiceCategory: practiceCategoryProblem(input.practiceCategory, category.practiceCategories),
    firstRegistration: firstRegistrationProblem(input.practiceCategory, input.firstRegistration, today),
    residencyCertDate: residencyCertProblem(input.residencyHolder, input.residencyCertDate, today),
    subjects: subjectsProblem(
      input.subjects,
      spec.subjects.map((s) => s.code),
    ),
  })
}

export interface WorkInput {
  unitName: string
  unitType: string
  workStart: string
  specialityYears: number
}

/**
 * 单位名称 from the province's list (or 其他 with a 单位类别 from the list), the work start against today and the
 * chosen education's graduation dates, the years in the speciality.
 */
export function workProblems(
  input: WorkInput,
  lists: { units: readonly string[]; unitTypes: readonly string[] },
  graduationDates: readonly string[],
  today: string,
): FieldProblems {
  return only({
    unitName: lists.units.includes(input.unitName) ? null : '请选择单位名称',
    unitType: input.unitName === OTHER_UNIT && !lists.unitTypes.includes(input.unitType) ? '请选择单位类别' : null,
    workStart: workStartProblem(input.workStart, today, graduationDates),
    specialityYears: specialityYearsProblem(input.specialityYears, input.workStart, today),
  })
}

// --- The step bar -------------------------------------------------------------------------------------------------

export type StepBarState = 'done' | 'current' | 'todo'

/**
 * The wizard's step bar (`apply-step-<n>` with data-state): the page being shown is current, a saved step is done,
 * the rest are todo.
 */
export function stepBar<K extends string>(
  order: readonly K[],
  saved: (key: K) => boolean,
  current: K,
): Array<{ key: K; state: StepBarState }> {
  return order.map((key) => ({ key, state: key === current ? 'current' : saved(key) ? 'done' : 'todo' }))
}
