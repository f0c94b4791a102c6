import { element, tap, type, type Page } from './app'

/**
 * Types an education record into the record form `form` shows and saves it (the form then goes back to the list; the
 * caller waits for it there): the certificate number, 首都医科 searched and its first school taken, the date's three
 * columns (year from 1950, month, day) at 2020-07-01, the first major, 本科 and 全日制 as a finger leaves the wheels.
 */
export async function saveEducationRecord(form: Page, certificateNo = '104321202005001234'): Promise<void> {
  await type(form, '#education-form-certificate', certificateNo)
  await type(form, '#education-form-school', '首都医科')
  await tap(form, '#education-form-school-option-0')
  const wheels = { date: [2020 - 1950, 6, 0], major: 0, level: 2, mode: 0 }
  for (const [wheel, value] of Object.entries(wheels))
    await (await element(form, `#education-form-${wheel}-picker`)).trigger('change', { value })
  await tap(form, '#education-save')
}
