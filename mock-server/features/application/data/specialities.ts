import { PRACTICE_NONE } from '../../../../domain/application-rules'
import type { ExamKind } from '../../../../types/application'

/**
 * What a candidate applies for, per exam: 专业类别 (with the 执业类别 each allows), 级别, 专业 (with code and
 * subjects). Codes follow the 卫生专业技术资格考试 catalogue's numbering (1xx 初级(士), 2xx 初级(师), 3xx 中级).
 */
export interface CategoryEntry {
  code: string
  name: string
  practiceCategories: string[]
}
export interface SpecialityEntry {
  code: string
  name: string
  category: string
  level: string
  subjects: Array<{ code: string; name: string }>
}
export interface ExamDictionary {
  categories: CategoryEntry[]
  levels: Array<{ code: string; name: string }>
  specialities: SpecialityEntry[]
}

/** The four subjects of every 卫生专业技术资格 speciality. */
const HEALTH_SUBJECTS = [
  { code: '1', name: '基础知识' },
  { code: '2', name: '相关专业知识' },
  { code: '3', name: '专业知识' },
  { code: '4', name: '专业实践能力' },
]

const HEALTH_CATEGORIES: CategoryEntry[] = [
  { code: 'medical', name: '医疗类', practiceCategories: ['临床', '中医', '口腔', '公共卫生', PRACTICE_NONE] },
  { code: 'nursing', name: '护理类', practiceCategories: ['护士', PRACTICE_NONE] },
  { code: 'pharmacy', name: '药学类', practiceCategories: [PRACTICE_NONE] },
  { code: 'technology', name: '技术类', practiceCategories: [PRACTICE_NONE] },
]

const HEALTH_LEVELS = [
  { code: '1', name: '初级(士)' },
  { code: '2', name: '初级(师)' },
  { code: '3', name: '中级' },
]

const health = (code: string, name: string, category: string, level: string): SpecialityEntry => ({
  code,
  name,
  category,
  level,
  subjects: HEALTH_SUBJECTS,
})

const HEALTH_SPECIALITIES: SpecialityEntry[] = [
  health('101', '药学(士)', 'pharmacy', '1'),
  health('102', '中药学(士)', 'pharmacy', '1'),
  health('103', '临床医学检验技术(士)', 'technology', '1'),
  health('104', '放射医学技术(士)', 'technology', '1'),
  health('105', '康复医学治疗技术(士)', 'technology', '1'),
  health('201', '药学(师)', 'pharmacy', '2'),
  health('202', '中药学(师)', 'pharmacy', '2'),
  health('203', '护理学(师)', 'nursing', '2'),
  health('206', '临床医学检验技术(师)', 'technology', '2'),
  health('207', '放射医学技术(师)', 'technology', '2'),
  health('208', '康复医学治疗技术(师)', 'technology', '2'),
  health('212', '口腔医学技术(师)', 'technology', '2'),
  health('301', '全科医学', 'medical', '3'),
  health('303', '内科学', 'medical', '3'),
  health('316', '外科学', 'medical', '3'),
  health('330', '妇产科学', 'medical', '3'),
  health('332', '儿科学', 'medical', '3'),
  health('353', '口腔内科学', 'medical', '3'),
  health('362', '疾病控制', 'medical', '3'),
  health('366', '药学(中级)', 'pharmacy', '3'),
  health('367', '中药学(中级)', 'pharmacy', '3'),
  health('368', '内科护理', 'nursing', '3'),
  health('369', '外科护理', 'nursing', '3'),
  health('370', '妇产科护理', 'nursing', '3'),
  health('371', '儿科护理', 'nursing', '3'),
  health('372', '社区护理', 'nursing', '3'),
  health('379', '临床医学检验技术(中级)', 'technology', '3'),
  health('380', '放射医学技术(中级)', 'technology', '3'),
]

/** 护士执业资格考试: one speciality, two subjects; candidates are not registered practitioners yet. */
const NURSE: ExamDictionary = {
  categories: [{ code: 'nursing', name: '护理类', practiceCategories: [PRACTICE_NONE] }],
  levels: [{ code: 'N', name: '护士' }],
  specialities: [
    {
      code: 'N01',
      name: '护理',
      category: 'nursing',
      level: 'N',
      subjects: [
        { code: 'P1', name: '专业实务' },
        { code: 'P2', name: '实践能力' },
      ],
    },
  ],
}

const HEALTH: ExamDictionary = {
  categories: HEALTH_CATEGORIES,
  levels: HEALTH_LEVELS,
  specialities: HEALTH_SPECIALITIES,
}

export function dictionaryOf(kind: ExamKind): ExamDictionary {
  return kind === 'health' ? HEALTH : NURSE
}

/** 单位类别. */
export const UNIT_TYPES = [
  '综合医院',
  '中医医院',
  '专科医院',
  '妇幼保健院',
  '社区卫生服务中心',
  '乡镇卫生院',
  '疾病预防控制中心',
  '卫生监督机构',
  '民营医疗机构',
  '医学院校',
  '其他单位',
]

/** 民族: the 56 ethnic groups, then 其他 and 外国血统. */
export const ETHNICITIES = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
  '其他',
  '外国血统',
]
