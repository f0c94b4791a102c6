import { OTHER_MAJOR } from '../../domain/education'
import { isKnownMajor } from '../../domain/majors'
import { fillFromScan, levelOption, studyModeOption } from '../../domain/xuexin-fill'

describe('fillFromScan: from the page’s wording to the record form’s options', () => {
  it('fills an education record and lists what the page did not give', () => {
    const fill = fillFromScan(
      'education',
      {
        name: '王晓燕',
        certificateNumber: '121211202005000846',
        graduationDate: '2020-06-30',
        school: '南方医科大学',
        major: '护理学',
        level: '本科',
      },
      isKnownMajor,
    )
    expect(fill.patch).toEqual({
      certificateNo: '121211202005000846',
      graduationDate: '2020-06-30',
      major: '护理学',
      otherMajor: '',
      level: '本科',
      studyMode: '',
    })
    expect(fill.schoolName).toBe('南方医科大学')
    expect(fill.filled).toEqual(['certificateNo', 'school', 'graduationDate', 'major', 'level'])
    expect(fill.missing).toEqual(['studyMode'])
  })

  it('fills a degree record with the degree’s fields only: 培养方式 is never filled nor reported missing', () => {
    const full = fillFromScan(
      'degree',
      {
        certificateNumber: '1015942018003071',
        graduationDate: '2018-07-05',
        school: '中国医科大学',
        major: '护理学',
        level: '医学学士学位',
        // A page (or a misread) giving one anyway: a degree has none.
        studyMode: '普通全日制',
      },
      isKnownMajor,
    )
    expect(full.patch.studyMode).toBe('')
    expect(full.patch.level).toBe('学士')
    expect(full.filled).toEqual(['certificateNo', 'school', 'graduationDate', 'major', 'level'])
    expect(full.missing).toEqual([])
    const partial = fillFromScan('degree', { school: '中国医科大学' }, isKnownMajor)
    expect(partial.missing).toEqual(['certificateNo', 'graduationDate', 'major', 'level'])
  })

  it('puts a major that is not in the list under 其他专业 with its name', () => {
    const fill = fillFromScan('education', { major: '人体奥秘学' }, () => false)
    expect(fill.patch.major).toBe(OTHER_MAJOR)
    expect(fill.patch.otherMajor).toBe('人体奥秘学')
    expect(fill.filled).toContain('major')
  })

  it('maps levels and study modes to the form’s options, and leaves unknown ones empty', () => {
    expect(levelOption('education', '专科')).toBe('大专')
    expect(levelOption('education', '硕士研究生')).toBe('硕士研究生')
    expect(levelOption('education', '第二学士学位')).toBe('')
    expect(levelOption('degree', '医学学士学位')).toBe('学士')
    expect(levelOption('degree', '理学硕士学位')).toBe('硕士')
    expect(studyModeOption('普通全日制')).toBe('全日制')
    expect(studyModeOption('非全日制')).toBe('非全日制')
    expect(studyModeOption('函授')).toBe('成人教育')
    expect(studyModeOption('高等教育自学考试')).toBe('自学考试')
    expect(studyModeOption('不详')).toBe('')
  })
})
