import type { Dictionaries } from '@contract/application'

/**
 * What 报考信息's pickers offer for the values chosen so far: 专业类别 → 级别 → 专业 cascading from the exam's
 * dictionary, 执业类别 from the category's list; each with the entry chosen (undefined until one is).
 */
export function examChoices(dicts: Dictionaries, values: { category: string; level: string; speciality: string }) {
  const category = dicts.categories.find((c) => c.code === values.category)
  const levels = dicts.levels.filter((l) =>
    dicts.specialities.some((s) => s.category === values.category && s.level === l.code),
  )
  const level = levels.find((l) => l.code === values.level)
  const specialities = dicts.specialities.filter((s) => s.category === values.category && s.level === values.level)
  const speciality = specialities.find((s) => s.code === values.speciality)
  const practices = category?.practiceCategories ?? []
  return { category, levels, level, specialities, speciality, practices }
}
