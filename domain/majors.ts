/**
 * 所学专业: medical, nursing and related majors from the national catalogues (本科 医学门类, 高职专科 医药卫生大类,
 * 中职 医药卫生类), for the record form's picker. Anything else is typed under 其他专业.
 * Imported by the profile subpackage and the mock server only, so the main package does not carry it.
 */
export const MAJOR_GROUPS: ReadonlyArray<{ group: string; majors: readonly string[] }> = [
  {
    group: '临床医学类',
    majors: [
      '临床医学',
      '麻醉学',
      '医学影像学',
      '眼视光医学',
      '精神医学',
      '放射医学',
      '儿科学',
      '全科医学',
      '急诊医学',
    ],
  },
  { group: '基础医学类', majors: ['基础医学', '生物医学', '生物医学科学'] },
  { group: '口腔医学类', majors: ['口腔医学', '口腔医学技术'] },
  {
    group: '公共卫生与预防医学类',
    majors: ['预防医学', '食品卫生与营养学', '妇幼保健医学', '卫生监督', '全球健康学', '卫生检验与检疫'],
  },
  {
    group: '中医学类',
    majors: [
      '中医学',
      '针灸推拿学',
      '藏医学',
      '蒙医学',
      '维医学',
      '壮医学',
      '哈医学',
      '傣医学',
      '中医康复学',
      '中医养生学',
      '中医儿科学',
      '中医骨伤科学',
    ],
  },
  { group: '中西医结合类', majors: ['中西医临床医学'] },
  {
    group: '药学类',
    majors: ['药学', '药物制剂', '临床药学', '药事管理', '药物分析', '药物化学', '海洋药学', '化妆品科学与技术'],
  },
  { group: '中药学类', majors: ['中药学', '中药资源与开发', '藏药学', '蒙药学', '中药制药', '中草药栽培与鉴定'] },
  { group: '法医学类', majors: ['法医学'] },
  {
    group: '医学技术类',
    majors: [
      '医学检验技术',
      '医学实验技术',
      '医学影像技术',
      '眼视光学',
      '康复治疗学',
      '口腔医学技术',
      '卫生检验与检疫',
      '听力与言语康复学',
      '康复物理治疗',
      '康复作业治疗',
      '智能医学工程',
      '呼吸治疗',
      '放射治疗技术',
      '医学生物技术',
      '病理技术',
      '输血医学',
    ],
  },
  { group: '护理学类', majors: ['护理学', '助产学', '护理', '助产'] },
  {
    group: '高职专科 医药卫生类',
    majors: [
      '临床医学（专科）',
      '口腔医学（专科）',
      '中医学（专科）',
      '针灸推拿',
      '中医骨伤',
      '蒙医学（专科）',
      '藏医学（专科）',
      '药学（专科）',
      '中药学（专科）',
      '药品经营与管理',
      '药品生产技术',
      '医学检验技术（专科）',
      '医学影像技术（专科）',
      '医学生物技术（专科）',
      '康复治疗技术',
      '中医康复技术',
      '眼视光技术',
      '放射治疗技术（专科）',
      '呼吸治疗技术',
      '卫生检验与检疫技术',
      '预防医学（专科）',
      '公共卫生管理',
      '卫生信息管理',
      '健康管理',
      '营养配餐',
      '医学营养',
      '老年保健与管理',
      '心理咨询',
      '言语听觉康复技术',
      '康复辅助器具技术',
      '婴幼儿托育服务与管理',
      '医疗设备应用技术',
      '口腔医学技术（专科）',
    ],
  },
  {
    group: '中职 医药卫生类',
    majors: [
      '护理（中职）',
      '助产（中职）',
      '农村医学',
      '中医护理',
      '药剂',
      '中药',
      '医学检验技术（中职）',
      '医学影像技术（中职）',
      '康复技术',
      '口腔修复工艺',
      '眼视光与配镜',
      '营养与保健',
      '中医康复保健',
    ],
  },
  { group: '相关专业', majors: ['医学信息工程', '生物医学工程', '卫生事业管理', '医院管理', '心理学', '应用心理学'] },
]

/** The picker's flat list, without duplicates (some majors sit in two catalogues). */
// concat, not flatMap: Chrome 66 (config/engines.ts) has no Array.prototype.flatMap.
export const MAJORS: readonly string[] = Array.from(
  new Set(([] as string[]).concat(...MAJOR_GROUPS.map((g) => g.majors))),
)

const MAJOR_SET = new Set(MAJORS)
export function isKnownMajor(name: string): boolean {
  return MAJOR_SET.has(name)
}

/** Half-width brackets typed on a phone keyboard match the catalogue's full-width ones; spaces separate words. */
function normaliseMajor(text: string): string {
  return text.replace(/\(/g, '（').replace(/\)/g, '）').trim()
}

/**
 * The record form's major search: the majors containing every word typed (space-separated; half-width brackets
 * read as full-width), the name typed exactly first, then names starting with it, then the rest in catalogue
 * order. 护理 finds 护理, 护理学, 护理（中职）, 中医护理. Nothing typed finds nothing (the wheel lists them all).
 */
export function searchMajors(keyword: string, majors: readonly string[] = MAJORS): string[] {
  const words = normaliseMajor(keyword).split(/\s+/).filter(Boolean)
  if (words.length === 0) return []
  const whole = words.join('')
  const rank = (name: string) => (name === whole ? 0 : name.startsWith(words[0]) ? 1 : 2)
  return majors
    .filter((name) => words.every((w) => name.includes(w)))
    .map((name, order) => ({ name, order, rank: rank(name) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((m) => m.name)
}
