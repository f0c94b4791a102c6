import type { ProcessFacts } from '../../domain/application-process'
import type { api as Api } from '../../src/api'

/**
 * One filled-in application for the tests: what each of the six steps of a 北京 护理 (nursing, 中级) application holds,
 * as the candidate would type it. Tests change one field of it to test that field (`{ ...FILLED.work, unitName }`).
 */
export const FILLED = {
  centre: { centre: '1101' },
  basic: { idValidUntil: '长期', ethnicity: '汉族' },
  contact: { mobile: '13912345678', address: '北京市海淀区学院路38号', postcode: '100191' },
  examInfo: {
    category: 'nursing',
    level: '3',
    speciality: '368',
    practiceCategory: '护士',
    firstRegistration: '2013-09',
    residencyHolder: false,
    subjects: ['1', '2', '3', '4'],
  },
  work: { unitName: '北京协和医院', workStart: '2013-08', specialityYears: 10 },
}

/**
 * Saves the six steps of application `id` through the API client `api` (logged in as its candidate) with FILLED, then
 * confirms the hub photo as the exam photo: the application is ready for review. `centre` is the province's first
 * centre by default.
 */
export async function fillApplication(
  api: typeof Api,
  id: string,
  records: { educationRecordId: string; degreeRecordId?: string },
  centre = FILLED.centre.centre,
) {
  await api.saveCentreStep({ id, centre })
  await api.saveBasicStep({ id, ...FILLED.basic })
  await api.saveContactStep({ id, ...FILLED.contact })
  await api.saveExamInfoStep({ id, ...FILLED.examInfo })
  await api.saveEducationStep({ id, ...records })
  await api.saveWorkStep({ id, ...FILLED.work })
  return api.confirmHubPhoto(id)
}

/** The process facts of an application just started (domain/application-process): nothing filled, decided or paid. */
export const NO_PROCESS_FACTS: ProcessFacts = {
  filled: false,
  submitted: false,
  confirmation: 'none',
  autoConfirmed: false,
  confirmationReason: null,
  centreReview: 'none',
  regionReview: 'none',
  reviewReason: null,
  paid: false,
}
