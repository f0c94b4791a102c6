import { NO_PROCESS_FACTS } from '../support/application-fixture'
import { canonicalJson, formCode } from '../../domain/application-code'
import {
  AUTO_CONFIRM_PROVINCES,
  autoConfirmation,
  differencesFromLastYear,
  mergeNoticeNeeded,
  subjectsToPreselect,
  type ComparedApplication,
} from '../../domain/application-history'
import fc from 'fast-check'
import {
  currentNode,
  processNodes,
  type ProcessFacts,
  type ProcessNode,
  type ProvinceFlags,
} from '../../domain/application-process'
import {
  addressProblem,
  firstRegistrationProblem,
  firstRegistrationRequired,
  idExpiryWarning,
  idValidUntilProblem,
  mobileProblem,
  postcodeProblem,
  practiceCategoryProblem,
  residencyCertProblem,
  specialityYearsProblem,
  subjectsProblem,
  unitTypeRequired,
  workStartProblem,
} from '../../domain/application-rules'
import { chinaDateOf } from '../../domain/today'
import { basicProblems, centreProblems, examInfoProblems, stepBar, workProblems } from '../../domain/application-steps'
import { ContactStep, ExamInfoStep, WorkStep } from '../../types/application'
import { validate } from '../../types/validate'
import { FILLED } from '../support/application-fixture'

const TODAY = '2026-05-15'

describe('contact rules', () => {
  test('mobile numbers: 11 digits starting 13-19; spaces and dashes typed are fine', () => {
    expect(mobileProblem('13800138000')).toBeNull()
    expect(mobileProblem('19912345678')).toBeNull()
    expect(mobileProblem('138 0013-8000')).toBeNull()
    expect(mobileProblem('12800138000')).toBe('手机号码应以13-19开头')
    expect(mobileProblem('1380013800')).toBe('手机号码应为11位')
    expect(mobileProblem('138001380001')).toBe('手机号码应为11位')
    expect(mobileProblem('1380013800a')).toBe('手机号码只能是数字')
    expect(mobileProblem('')).toBe('请填写手机号码')
  })

  test('postcodes: six digits, 0-8 first, never 00', () => {
    expect(postcodeProblem('100191')).toBeNull()
    expect(postcodeProblem('010010')).toBeNull() // 呼和浩特
    expect(postcodeProblem('830000')).toBeNull() // 乌鲁木齐
    expect(postcodeProblem('900000')).toBe('邮政编码不正确')
    expect(postcodeProblem('000000')).toBe('邮政编码不正确')
    expect(postcodeProblem('10019')).toBe('邮政编码应为6位数字')
    expect(postcodeProblem('1001911')).toBe('邮政编码应为6位数字')
    expect(postcodeProblem('')).toBe('请填写邮政编码')
  })

  test('addresses: 5 to 60 characters, Chinese place names, no markup', () => {
    expect(addressProblem('北京市东城')).toBeNull()
    expect(addressProblem('北京市东')).toMatch(/太短/)
    expect(addressProblem('北'.repeat(60))).toBeNull()
    expect(addressProblem('北'.repeat(61))).toBe('通讯地址不能超过60个字')
    expect(addressProblem('Room 101, Road 5')).toBe('通讯地址应包含省、市、街道等中文地名')
    expect(addressProblem('北京市<script>')).toBe('通讯地址含有不允许的字符')
    expect(addressProblem('   ')).toBe('请填写通讯地址')
  })

  test('the contact schema normalises the mobile number and reports each field', () => {
    const ok = validate(ContactStep, { mobile: '138 0013 8000', address: '北京市海淀区学院路38号', postcode: '100191' })
    expect(ok.ok && ok.value).toMatchObject({ mobile: '13800138000', email: '' })
    const bad = validate(ContactStep, { mobile: '123', address: 'x', postcode: 'abc', email: 'no-at' })
    expect(bad.errors).toEqual({
      mobile: '手机号码应为11位',
      address: '通讯地址太短，请写到街道门牌（至少5个字）',
      postcode: '邮政编码应为6位数字',
      email: '电子邮箱格式不正确',
    })
  })
})

describe('basic-info date rules', () => {
  test('证件有效截止日期: a real date or 长期', () => {
    expect(idValidUntilProblem('长期')).toBeNull()
    expect(idValidUntilProblem('2030-02-28')).toBeNull()
    expect(idValidUntilProblem('2030-02-30')).toBe('证件有效截止日期应为 年-月-日 或 长期')
    expect(idValidUntilProblem('')).toBe('请填写证件有效截止日期')
  })

  test('expiring before the exam warns (never refuses); on the exam day itself it does not', () => {
    expect(idExpiryWarning('2026-04-10', '2026-04-11')).toMatch(/^您的证件将于2026-04-10到期，早于考试日期2026-04-11/)
    expect(idExpiryWarning('2026-04-11', '2026-04-11')).toBeNull()
    expect(idExpiryWarning('长期', '2026-04-11')).toBeNull()
  })

  test('China date: 16:00 UTC is already tomorrow in Beijing', () => {
    expect(chinaDateOf(Date.parse('2026-01-01T15:59:59Z'))).toBe('2026-01-01')
    expect(chinaDateOf(Date.parse('2026-01-01T16:00:00Z'))).toBe('2026-01-02')
  })
})

describe('exam-info conditional requirements', () => {
  test('首次注册年月 is required unless 执业类别 is 无', () => {
    expect(firstRegistrationRequired('无')).toBe(false)
    expect(firstRegistrationRequired('护士')).toBe(true)
    expect(firstRegistrationProblem('无', '', TODAY)).toBeNull()
    expect(firstRegistrationProblem('护士', '', TODAY)).toBe('执业类别不为“无”时，请填写首次注册年月')
    expect(firstRegistrationProblem('护士', '2026-05', TODAY)).toBeNull()
    expect(firstRegistrationProblem('护士', '2026-06', TODAY)).toBe('首次注册年月不能晚于本月')
    expect(firstRegistrationProblem('护士', '2026-13', TODAY)).toBe('首次注册年月的月份不正确')
  })

  test('住培合格证书发证年月 only and always for holders', () => {
    expect(residencyCertProblem(false, '', TODAY)).toBeNull()
    expect(residencyCertProblem(true, '', TODAY)).toBe('已取得住培合格证书的，请填写住培合格证书发证年月')
    expect(residencyCertProblem(true, '2024-07', TODAY)).toBeNull()
    expect(residencyCertProblem(true, '2024/07', TODAY)).toBe('住培合格证书发证年月格式应为 年-月')
  })

  test('执业类别 limited to those of the 专业类别; subjects from the speciality', () => {
    expect(practiceCategoryProblem('护士', ['护士', '无'])).toBeNull()
    expect(practiceCategoryProblem('临床', ['护士', '无'])).toBe('所选执业类别与专业类别不符，请重新选择')
    expect(practiceCategoryProblem('', ['无'])).toBe('请选择执业类别')
    expect(subjectsProblem(['1'], ['1', '2'])).toBeNull()
    expect(subjectsProblem([], ['1'])).toBe('请至少选择一个报考科目')
    expect(subjectsProblem(['1', '1'], ['1', '2'])).toBe('报考科目有重复')
    expect(subjectsProblem(['P1'], ['1', '2'])).toBe('报考科目不属于所选专业')
  })

  test('the exam-info schema reports the conditional fields where they are', () => {
    const base = {
      category: 'nursing',
      level: '3',
      speciality: '368',
      practiceCategory: '护士',
      firstRegistration: '',
      residencyHolder: true,
      residencyCertDate: '',
      subjects: ['1'],
    }
    expect(validate(ExamInfoStep, base).errors).toEqual({
      firstRegistration: '执业类别不为“无”时，请填写首次注册年月',
      residencyCertDate: '已取得住培合格证书的，请填写住培合格证书发证年月',
    })
    expect(validate(ExamInfoStep, { ...base, practiceCategory: '无', residencyHolder: false }).ok).toBe(true)
    expect(validate(ExamInfoStep, { ...base, subjects: [] }).errors.subjects).toBe('请至少选择一个报考科目')
  })
})

describe('work rules', () => {
  test('单位类别 is required exactly when 单位名称 is 其他', () => {
    expect(unitTypeRequired('其他')).toBe(true)
    expect(unitTypeRequired('北京协和医院')).toBe(false)
    const other = { unitName: '其他', otherUnitName: '某诊所', workStart: '2015-08', specialityYears: 3 }
    expect(validate(WorkStep, other).errors).toEqual({ unitType: '单位名称为“其他”时，请选择单位类别' })
    expect(validate(WorkStep, { ...other, unitType: '民营医疗机构' }).ok).toBe(true)
    expect(validate(WorkStep, { ...other, unitName: '北京协和医院' }).ok).toBe(true)
    expect(validate(WorkStep, { ...other, otherUnitName: '', unitType: '民营医疗机构' }).errors).toEqual({
      otherUnitName: '请填写单位名称',
    })
  })

  test('work start: not in the future, not before the earliest chosen graduation', () => {
    expect(workStartProblem('2026-05', TODAY, [])).toBeNull()
    expect(workStartProblem('2026-06', TODAY, [])).toBe('参加工作时间不能晚于本月')
    expect(workStartProblem('2012-07', TODAY, ['2012-07-01'])).toBeNull()
    expect(workStartProblem('2012-06', TODAY, ['2012-07-01'])).toBe('参加工作时间不能早于毕业时间（2012-07）')
    // Studied while working: the earlier qualification counts.
    expect(workStartProblem('2008-09', TODAY, ['2015-01-10', '2008-07-01'])).toBeNull()
    expect(workStartProblem('', TODAY, [])).toBe('请选择参加工作时间')
    expect(workStartProblem('2012-00', TODAY, [])).toBe('参加工作时间的月份不正确')
  })

  test('years in the speciality: no more than the whole years since the work start', () => {
    expect(specialityYearsProblem(6, '2020-05', TODAY)).toBeNull()
    expect(specialityYearsProblem(7, '2020-05', TODAY)).toMatch(/不能超过参加工作以来的年数（6年）/)
    expect(specialityYearsProblem(5, '2020-06', TODAY)).toBeNull()
    expect(specialityYearsProblem(6, '2020-06', TODAY)).toMatch(/（5年）/)
    expect(specialityYearsProblem(0, '2026-05', TODAY)).toBeNull()
    expect(specialityYearsProblem(-1, '2020-05', TODAY)).toBe('从事本专业工作年限应为0或正整数')
    expect(specialityYearsProblem(3, '2030-01', TODAY)).toBeNull() // the future work start is its own error
  })
})

describe('验证码', () => {
  const content = { steps: { contact: { mobile: '13800138000', address: '北京市东城区' } }, province: '11' }

  test('the same content and version give the same code, whatever the key order', () => {
    const a = formCode({ applicationId: 'a1', version: 3, content })
    const reordered = { province: '11', steps: { contact: { address: '北京市东城区', mobile: '13800138000' } } }
    expect(formCode({ applicationId: 'a1', version: 3, content: reordered })).toBe(a)
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/)
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}')
  })

  test('changes with the version, the application and any one character of the content', () => {
    const a = formCode({ applicationId: 'a1', version: 3, content })
    expect(formCode({ applicationId: 'a1', version: 4, content })).not.toBe(a)
    expect(formCode({ applicationId: 'a2', version: 3, content })).not.toBe(a)
    const codes = new Set<string>()
    for (let i = 0; i < 500; i++) {
      const mobile = `138${String(i).padStart(8, '0')}`
      codes.add(formCode({ applicationId: 'a1', version: 3, content: { ...content, steps: { contact: { mobile } } } }))
    }
    expect(codes.size).toBe(500)
  })
})

describe('process nodes', () => {
  const deadlines = {
    applyBy: '2026-01-10T09:00:00.000Z',
    confirmBy: '2026-01-20T09:00:00.000Z',
    payBy: '2026-02-01T09:00:00.000Z',
  }
  const plain: ProvinceFlags = { onlineConfirmation: false, onlinePayment: true, mobilePayment: true }
  const start: ProcessFacts = NO_PROCESS_FACTS
  const states = (facts: Partial<ProcessFacts>, flags = plain) =>
    processNodes({ ...start, ...facts }, flags, deadlines).map((n) => `${n.name}:${n.state}`)

  test('each province has its nodes: 上传材料 only online-confirmation, 报名缴费 only online payment', () => {
    expect(states({})).toEqual([
      '填写信息:current',
      '提交信息:todo',
      '报名确认:todo',
      '资格审核:todo',
      '报名缴费:todo',
      '报名成功:todo',
    ])
    expect(states({}, { onlineConfirmation: true, onlinePayment: false, mobilePayment: false })).toEqual([
      '填写信息:current',
      '上传材料:todo',
      '提交信息:todo',
      '报名确认:todo',
      '资格审核:todo',
      '报名成功:todo',
    ])
  })

  test('from filling to success, each node done / current / todo; the deadline in Beijing time', () => {
    const fill = processNodes(start, plain, deadlines)[0]
    expect(fill.hint).toBe('请在2026-01-10 17:00前填写全部报名信息并确认照片')
    expect(fill.deadline).toBe(deadlines.applyBy)
    expect(states({ filled: true })).toEqual([
      '填写信息:done',
      '提交信息:current',
      '报名确认:todo',
      '资格审核:todo',
      '报名缴费:todo',
      '报名成功:todo',
    ])
    expect(states({ filled: true }, { ...plain, onlineConfirmation: true }).slice(0, 3)).toEqual([
      '填写信息:done',
      '上传材料:current',
      '提交信息:todo',
    ])
    expect(states({ filled: true, submitted: true }).slice(1, 3)).toEqual(['提交信息:done', '报名确认:current'])
    const confirmed = { filled: true, submitted: true, confirmation: 'confirmed' as const }
    expect(states(confirmed).slice(2, 4)).toEqual(['报名确认:done', '资格审核:current'])
    const reviewed = { ...confirmed, centreReview: 'passed' as const, regionReview: 'passed' as const }
    expect(states(reviewed).slice(3)).toEqual(['资格审核:done', '报名缴费:current', '报名成功:todo'])
    expect(states({ ...reviewed, paid: true }).slice(3)).toEqual(['资格审核:done', '报名缴费:done', '报名成功:done'])
    expect(states(reviewed, { ...plain, onlinePayment: false }).slice(3)).toEqual(['资格审核:done', '报名成功:done'])
  })

  test('refusals show as failed with their reasons; no mobile payment points to the PC website', () => {
    const rejected = processNodes(
      { ...start, filled: true, submitted: true, confirmation: 'rejected', confirmationReason: '材料不全' },
      plain,
      deadlines,
    )
    expect(rejected[2]).toMatchObject({ state: 'failed' })
    expect(rejected[2].hint).toMatch(/^确认不通过：材料不全。请在2026-01-20 17:00前修改后重新提交/)
    const failed = processNodes(
      {
        ...start,
        filled: true,
        submitted: true,
        confirmation: 'confirmed',
        centreReview: 'failed',
        reviewReason: '学历不符',
      },
      plain,
      deadlines,
    )
    expect(failed[3]).toMatchObject({ state: 'failed', hint: '考点审核未通过：学历不符' })
    const pcOnly = processNodes(
      {
        ...start,
        filled: true,
        submitted: true,
        confirmation: 'confirmed',
        centreReview: 'passed',
        regionReview: 'passed',
      },
      { ...plain, mobilePayment: false },
      deadlines,
    )
    expect(pcOnly[4].hint).toMatch(
      /未开通手机缴费，请在2026-02-01 17:00前使用电脑登录中国卫生人才网（www\.21wecan\.com）完成缴费/,
    )
    const auto = processNodes(
      { ...start, submitted: true, confirmation: 'confirmed', autoConfirmed: true },
      plain,
      deadlines,
    )
    expect(auto[2].hint).toBe('已自动确认（与上一年度报名信息一致）')
  })

  // The node an application is at (`currentNode`): the hub shows it beside each application and the tracker counts
  // down to its deadline; both read this one function.
  const at = (facts: Partial<ProcessFacts>, flags = plain) => {
    const node = currentNode(processNodes({ ...start, ...facts }, flags, deadlines))
    return node && `${node.name}:${node.state}`
  }

  test('current node: the first current node, from filling to payment', () => {
    expect(at({})).toBe('填写信息:current')
    expect(at({ filled: true })).toBe('提交信息:current')
    expect(at({ filled: true }, { ...plain, onlineConfirmation: true })).toBe('上传材料:current')
    expect(at({ filled: true, submitted: true })).toBe('报名确认:current')
    const confirmed = { filled: true, submitted: true, confirmation: 'confirmed' as const }
    expect(at(confirmed)).toBe('资格审核:current')
    expect(at({ ...confirmed, centreReview: 'passed', regionReview: 'passed' })).toBe('报名缴费:current')
  })

  test('current node: a failed node is where the application is, before any later one', () => {
    const submitted = { filled: true, submitted: true }
    expect(at({ ...submitted, confirmation: 'rejected', confirmationReason: '报名表未签字' })).toBe('报名确认:failed')
    expect(at({ ...submitted, confirmation: 'confirmed', centreReview: 'failed' })).toBe('资格审核:failed')
  })

  test('current node: every node done: the last one (报名成功), not a todo node', () => {
    const done = {
      filled: true,
      submitted: true,
      confirmation: 'confirmed' as const,
      centreReview: 'passed' as const,
      regionReview: 'passed' as const,
      paid: true,
    }
    expect(at(done)).toBe('报名成功:done')
    expect(at({ ...done, paid: false }, { ...plain, onlinePayment: false })).toBe('报名成功:done')
  })

  test('current node: no nodes: none; a list with only todo nodes after done ones: the last done', () => {
    expect(currentNode([])).toBeUndefined()
    const nodes = [
      { key: 'fill', state: 'done' },
      { key: 'submit', state: 'done' },
      { key: 'confirm', state: 'todo' },
    ] as ProcessNode[]
    expect(currentNode(nodes)?.key).toBe('submit')
  })

  test('current node: for every combination of facts and flags, exactly the node the tracker marks: one current or failed, or all done', () => {
    const facts = fc.record({
      filled: fc.boolean(),
      submitted: fc.boolean(),
      confirmation: fc.constantFrom('none', 'confirmed', 'rejected'),
      autoConfirmed: fc.boolean(),
      confirmationReason: fc.constant(null),
      centreReview: fc.constantFrom('none', 'passed', 'failed'),
      regionReview: fc.constantFrom('none', 'passed', 'failed'),
      reviewReason: fc.constant(null),
      paid: fc.boolean(),
    }) as fc.Arbitrary<ProcessFacts>
    const flags = fc.record({
      onlineConfirmation: fc.boolean(),
      onlinePayment: fc.boolean(),
      mobilePayment: fc.boolean(),
    })
    fc.assert(
      fc.property(facts, flags, (f, p) => {
        const nodes = processNodes(f, p, deadlines)
        const node = currentNode(nodes)
        const live = nodes.filter((n) => n.state === 'current' || n.state === 'failed')
        if (live.length > 0) expect(node).toBe(live[0])
        else expect(node).toBe(nodes.filter((n) => n.state === 'done').at(-1))
      }),
    )
  })
})

describe('historical candidates', () => {
  const last: ComparedApplication = {
    basic: { idType: 'resident-id', idNumber: '11010119900307451X', ethnicity: '汉族', idValidUntil: '长期' },
    province: '11',
    centre: '1101',
    speciality: '368',
    level: '3',
    education: { education: '100231201207001234', degree: null },
    work: { unitName: '北京协和医院', workStart: '2012-08' },
  }

  test('the twelve auto-confirmation provinces', () => {
    expect(AUTO_CONFIRM_PROVINCES).toHaveLength(12)
    expect(AUTO_CONFIRM_PROVINCES).toEqual(expect.arrayContaining(['11', '31', '66']))
    expect(AUTO_CONFIRM_PROVINCES).not.toContain('12')
  })

  test('identical in an auto-confirmation province: confirmed; otherwise waits, naming what differs', () => {
    expect(autoConfirmation('11', structuredClone(last), last)).toEqual({ confirmed: true, reason: null })
    expect(autoConfirmation('13', { ...last, province: '13' }, { ...last, province: '13' }).confirmed).toBe(false)
    expect(autoConfirmation('11', last, null).reason).toMatch(/没有上一年度/)
    const each: Array<[Partial<ComparedApplication>, string]> = [
      [{ basic: { ...(last.basic as object), ethnicity: '回族' } }, '基本信息'],
      [{ province: '21' }, '报考考区'],
      [{ centre: '1102' }, '考点'],
      [{ speciality: '369' }, '报考专业'],
      [{ level: '2' }, '报考级别'],
      [{ education: { education: '100231201207009999', degree: null } }, '教育情况'],
      [{ work: { unitName: '北京大学第一医院', workStart: '2012-08' } }, '工作情况'],
    ]
    for (const [change, name] of each) {
      expect(differencesFromLastYear({ ...last, ...change }, last)).toEqual([name])
      expect(autoConfirmation('11', { ...last, ...change }, last)).toEqual({
        confirmed: false,
        reason: `${name}与上一年度不一致，请按考点要求进行报名确认`,
      })
    }
  })

  test('subjects not passed last year are preselected for the same speciality and level only', () => {
    const lastYear = { speciality: '368', level: '3', passed: ['1', '2'] }
    expect(subjectsToPreselect(['1', '2', '3', '4'], lastYear, '368', '3')).toEqual(['3', '4'])
    expect(subjectsToPreselect(['1', '2', '3', '4'], lastYear, '369', '3')).toEqual(['1', '2', '3', '4'])
    expect(subjectsToPreselect(['1', '2', '3', '4'], null, '368', '3')).toEqual(['1', '2', '3', '4'])
    expect(subjectsToPreselect(['1', '2'], { ...lastYear, passed: ['1', '2'] }, '368', '3')).toEqual([])
  })

  test('成绩合并 notice when the ID type or number differs from last year', () => {
    const id = { idType: 'resident-id', idNumber: '11010119900307451X' }
    expect(mergeNoticeNeeded(null, id)).toBe(false)
    expect(mergeNoticeNeeded(id, { ...id, idNumber: '11010119900307451x' })).toBe(false)
    expect(mergeNoticeNeeded(id, { ...id, idNumber: '110101199003074528' })).toBe(true)
    expect(mergeNoticeNeeded(id, { ...id, idType: 'passport' })).toBe(true)
  })
})

describe('step checks shared by pages and server', () => {
  const dict = {
    categories: [
      { code: 'nursing', practiceCategories: ['护士', '无'] },
      { code: 'pharmacy', practiceCategories: ['无'] },
    ],
    levels: [{ code: '2' }, { code: '3' }],
    specialities: [
      { code: '368', category: 'nursing', level: '3', subjects: [{ code: '1' }, { code: '2' }] },
      { code: '201', category: 'pharmacy', level: '2', subjects: [{ code: '1' }, { code: '2' }] },
    ],
  }
  const info = { ...FILLED.examInfo, residencyCertDate: '', subjects: ['1'] }

  test('专业类别 → 级别 → 专业 cascade: a speciality of another category or level is refused', () => {
    expect(examInfoProblems(info, dict, TODAY)).toEqual({})
    expect(examInfoProblems({ ...info, speciality: '201' }, dict, TODAY)).toEqual({
      speciality: '请选择所选专业类别和级别下的专业',
    })
    expect(examInfoProblems({ ...info, level: '2' }, dict, TODAY)).toEqual({
      speciality: '请选择所选专业类别和级别下的专业',
    })
    expect(examInfoProblems({ ...info, category: 'x' }, dict, TODAY)).toEqual({
      category: '请选择专业类别',
      speciality: '请选择所选专业类别和级别下的专业',
    })
    expect(examInfoProblems({ ...info, category: 'pharmacy', level: '2', speciality: '201' }, dict, TODAY)).toEqual({
      practiceCategory: '所选执业类别与专业类别不符，请重新选择',
    })
  })

  test('centre, 报名点, 民族 and work against their lists', () => {
    const centres = [{ code: '1201', enrolPoints: [{ code: '120101' }] }]
    expect(centreProblems({ centre: '1201', enrolPoint: '' }, centres, false)).toEqual({})
    expect(centreProblems({ centre: '1201', enrolPoint: '' }, centres, true)).toEqual({ enrolPoint: '请选择报名点' })
    expect(centreProblems({ centre: '1201', enrolPoint: '120101' }, centres, true)).toEqual({})
    expect(centreProblems({ centre: '1101', enrolPoint: '' }, centres, false)).toEqual({ centre: '请选择本考区的考点' })
    expect(basicProblems({ ethnicity: '汉族', idValidUntil: '长期' }, ['汉族'], 'resident-id')).toEqual({})
    expect(basicProblems({ ethnicity: '火星族', idValidUntil: '2030-01-01' }, ['汉族'], 'resident-id')).toEqual({
      ethnicity: '请选择民族',
    })
    // 长期 is a 居民身份证's alone (issue 24): every other document has an end date, whose warning 长期 would silence.
    for (const idType of ['hk-mo-permit', 'tw-permit', 'residence-permit', 'passport', 'foreign-permanent']) {
      expect(basicProblems({ ethnicity: '汉族', idValidUntil: '长期' }, ['汉族'], idType)).toEqual({
        idValidUntil: '只有居民身份证可以长期有效，请选择证件有效截止日期',
      })
      expect(basicProblems({ ethnicity: '汉族', idValidUntil: '2031-05-20' }, ['汉族'], idType)).toEqual({})
    }
    const lists = { units: ['北京协和医院', '其他'], unitTypes: ['综合医院'] }
    const work = { ...FILLED.work, unitType: '' }
    expect(workProblems(work, lists, ['2012-07-01'], TODAY)).toEqual({})
    expect(workProblems({ ...work, unitName: '某医院' }, lists, [], TODAY)).toEqual({ unitName: '请选择单位名称' })
    expect(workProblems({ ...work, unitName: '其他', unitType: '不存在' }, lists, [], TODAY)).toEqual({
      unitType: '请选择单位类别',
    })
  })

  test('the step bar: the shown step current, saved ones done, the rest todo', () => {
    const saved = new Set(['centre', 'basic', 'work'])
    expect(stepBar(['centre', 'basic', 'contact', 'work'], (k) => saved.has(k), 'contact')).toEqual([
      { key: 'centre', state: 'done' },
      { key: 'basic', state: 'done' },
      { key: 'contact', state: 'current' },
      { key: 'work', state: 'done' },
    ])
    expect(stepBar(['centre', 'basic'], () => false, 'centre').map((s) => s.state)).toEqual(['current', 'todo'])
  })
})
