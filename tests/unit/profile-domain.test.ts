import { makeJpeg, makePng } from '../support/photos'
import {
  checkPhoto,
  detectImageFormat,
  formatKb,
  isJpeg,
  PHOTO_MIN_BYTES_EXCLUSIVE,
  readJpegSize,
} from '../../domain/photo'
import {
  canAddRecord,
  canDeleteRecord,
  graduationDateProblem,
  MAX_RECORDS_PER_KIND,
  RECORD_FIELD_LABELS,
  RECORD_FIELDS,
  recordMessage,
  recordNameProblems,
} from '../../domain/education'
import { hubGate } from '../../domain/hub-gate'
import { chinaDateOf } from '../../domain/today'
import { validate } from '../../types/validate'
import { AddRecordRequest } from '../../types/profile'

const head = (b: Buffer) => new Uint8Array(b.subarray(0, 16))

describe('photo format by magic bytes', () => {
  test('a JPEG is FF D8 FF, whatever the file is called', async () => {
    const jpeg = await makeJpeg({ width: 10, height: 10, noise: false })
    expect(isJpeg(new Uint8Array(jpeg))).toBe(true)
    expect(detectImageFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg')
  })

  test('PNG, GIF, WEBP, BMP and junk are told apart', async () => {
    expect(detectImageFormat(head(await makePng(4, 4)))).toBe('png')
    expect(detectImageFormat(new TextEncoder().encode('GIF89a'))).toBe('gif')
    expect(detectImageFormat(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp')
    expect(detectImageFormat(new TextEncoder().encode('BM..'))).toBe('bmp')
    expect(detectImageFormat(new Uint8Array([0xff, 0xd8]))).toBe('unknown') // FF D8 alone is not enough
    expect(detectImageFormat(new Uint8Array([]))).toBe('unknown')
  })

  test('a PNG is refused naming its real format, even when the platform says jpg', async () => {
    const png = await makePng(400, 500)
    const problems = checkPhoto({ head: head(png), reportedType: 'jpg', size: 60000, width: 400, height: 500 })
    expect(problems.map((p) => p.code)).toEqual(['format'])
    expect(problems[0].message).toBe('照片格式不符：只能上传 JPG/JPEG 格式，所选文件为 PNG')
  })

  test('without readable bytes the platform-reported type decides', () => {
    expect(checkPhoto({ reportedType: 'jpeg', size: 50000, width: 300, height: 420 })).toEqual([])
    expect(checkPhoto({ reportedType: 'image/png', size: 50000, width: 300, height: 420 })[0].code).toBe('format')
  })
})

describe('JPEG pixel size from the SOF marker', () => {
  test.each([
    [295, 413],
    [1, 1],
    [358, 441],
    [1200, 1600],
  ])('%i×%i', async (width, height) => {
    const jpeg = await makeJpeg({ width, height, noise: false })
    expect(readJpegSize(new Uint8Array(jpeg))).toEqual({ width, height })
  })

  test('progressive JPEG (SOF2) is read too', async () => {
    const sharp = (await import('sharp')).default
    const jpeg = await sharp({ create: { width: 300, height: 420, channels: 3, background: '#fff' } })
      .jpeg({ progressive: true })
      .toBuffer()
    expect(readJpegSize(new Uint8Array(jpeg))).toEqual({ width: 300, height: 420 })
  })

  test('truncated or non-JPEG bytes give null, never a wrong size', async () => {
    const jpeg = await makeJpeg({ width: 300, height: 420, noise: false })
    expect(readJpegSize(new Uint8Array(jpeg.subarray(0, 20)))).toBeNull()
    expect(readJpegSize(new Uint8Array(await makePng(4, 4)))).toBeNull()
    expect(readJpegSize(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toBeNull()
  })
})

describe('the 45 KB boundary: the file must be larger than 46,080 bytes', () => {
  test('46,080 bytes (exactly 45 KB) is refused; 46,081 bytes passes', async () => {
    expect(PHOTO_MIN_BYTES_EXCLUSIVE).toBe(46080)
    const at = await makeJpeg({ width: 295, height: 413, noise: false, bytes: 46080 })
    const over = await makeJpeg({ width: 295, height: 413, noise: false, bytes: 46081 })
    const facts = (b: Buffer) => ({ head: head(b), size: b.length, ...readJpegSize(new Uint8Array(b))! })
    const refused = checkPhoto(facts(at))
    expect(refused.map((p) => p.code)).toEqual(['file-too-small'])
    expect(refused[0].message).toBe('照片文件太小：须大于 45 KB，所选文件为 45.0 KB（请勿压缩照片）')
    expect(checkPhoto(facts(over))).toEqual([])
  })

  test('sizes shown round down, so a refused file never reads as more than 45 KB', () => {
    expect(formatKb(46080)).toBe('45.0 KB')
    expect(formatKb(46079)).toBe('44.9 KB')
    expect(formatKb(51200)).toBe('50.0 KB')
  })
})

describe('the 295×413 boundary (width × height, both inclusive minimums)', () => {
  const ok = { head: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), size: 60000 }
  test('295×413 passes', () => expect(checkPhoto({ ...ok, width: 295, height: 413 })).toEqual([]))
  test('294×413 names the width', () => {
    const [p] = checkPhoto({ ...ok, width: 294, height: 413 })
    expect(p.message).toBe('照片像素不足：须至少 295×413（宽×高），所选照片为 294×413，宽度不足 295')
  })
  test('295×412 names the height', () => {
    expect(checkPhoto({ ...ok, width: 295, height: 412 })[0].message).toContain('高度不足 413')
  })
  test('a landscape 413×295 is refused for its height', () => {
    expect(checkPhoto({ ...ok, width: 413, height: 295 })[0].message).toContain('所选照片为 413×295，高度不足 413')
  })
  test('every problem is listed at once', () => {
    const codes = checkPhoto({ head: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), size: 1000, width: 10, height: 10 })
    expect(codes.map((p) => p.code)).toEqual(['format', 'file-too-small', 'pixels-too-few'])
  })
})

describe('education and degree record rules', () => {
  test('at most 5 of each kind', () => {
    expect(MAX_RECORDS_PER_KIND).toBe(5)
    expect(canAddRecord(4)).toBe(true)
    expect(canAddRecord(5)).toBe(false)
  })

  test('only a verified record cannot be deleted', () => {
    expect(canDeleteRecord('verified')).toBe(false)
    expect(canDeleteRecord('unverified')).toBe(true)
    expect(canDeleteRecord('rejected')).toBe(true)
  })

  test('graduation date: not in the future, a real date, not absurdly old', () => {
    expect(graduationDateProblem('2026-11-23', '2026-11-23')).toBeNull()
    expect(graduationDateProblem('2026-11-24', '2026-11-23')).toBe('毕业时间不能晚于今天')
    expect(graduationDateProblem('2024-02-29', '2026-11-23')).toBeNull()
    expect(graduationDateProblem('2023-02-29', '2026-11-23')).toBe('毕业时间不是有效的日期')
    expect(graduationDateProblem('2020/07/01', '2026-11-23')).toBe('毕业时间格式应为 年-月-日')
    expect(graduationDateProblem('1949-07-01', '2026-11-23')).toBe('毕业时间不能早于1950年')
    expect(graduationDateProblem('', '2026-11-23')).toBe('请选择毕业时间')
  })

  test("today is China's date: 23:30 UTC is already the next day in Beijing", () => {
    expect(chinaDateOf(Date.parse('2026-06-30T23:30:00Z'))).toBe('2026-07-01')
    expect(chinaDateOf(Date.parse('2026-06-30T15:59:00Z'))).toBe('2026-06-30')
  })

  test('其他学校/其他专业 need the typed name; listed names must be in the lists (server side)', () => {
    const lists = { isKnownSchool: (s: string) => s === '首都医科大学', isKnownMajor: (m: string) => m === '护理学' }
    expect(recordNameProblems({ school: '其他学校', otherSchool: ' ', major: '护理学' })).toEqual({
      otherSchool: '请填写学校名称',
    })
    expect(recordNameProblems({ school: '首都医科大学', major: '其他专业', otherMajor: '老年护理' }, lists)).toEqual({})
    expect(Object.keys(recordNameProblems({ school: '不存在大学', major: '火箭学' }, lists))).toEqual([
      'school',
      'major',
    ])
  })

  test('the form schema puts each message on its field', () => {
    const base = {
      kind: 'education',
      certificateNo: '104321202005001234',
      school: '其他学校',
      otherSchool: '',
      graduationDate: '2099-07-01',
      major: '护理学',
      level: '学士',
      studyMode: '全日制',
    }
    const r = validate(AddRecordRequest, base)
    expect(r.ok).toBe(false)
    expect(r.errors.graduationDate).toBe('毕业时间不能晚于今天')
    // Cross-field checks run once the fields themselves are valid.
    const r2 = validate(AddRecordRequest, { ...base, graduationDate: '2020-07-01' })
    expect(r2.errors).toEqual({ otherSchool: '请填写学校名称', level: '请选择学历层次' })
    expect(
      validate(AddRecordRequest, { ...base, graduationDate: '2020-07-01', otherSchool: '某某卫校', level: '本科' }).ok,
    ).toBe(true)
  })

  test('培养方式 belongs to education records only; a degree form speaks of its own certificate', () => {
    const degree = {
      kind: 'degree',
      certificateNo: '1015942018003071',
      school: '首都医科大学',
      graduationDate: '2018-07-05',
      major: '护理学',
      level: '学士',
    }
    expect(validate(AddRecordRequest, degree).ok).toBe(true)
    expect(validate(AddRecordRequest, { ...degree, kind: 'education', level: '本科' }).errors).toEqual({
      studyMode: '请选择培养方式',
    })
    expect(
      validate(AddRecordRequest, { ...degree, kind: 'education', level: '本科', studyMode: '函授' }).errors,
    ).toEqual({ studyMode: '请选择培养方式' })
    expect(RECORD_FIELDS.degree).not.toContain('studyMode')
    expect(RECORD_FIELDS.education).toContain('studyMode')
    expect(RECORD_FIELD_LABELS.degree).toMatchObject({
      certificateNo: '学位证书编号',
      school: '学位授予单位',
      graduationDate: '获学位日期',
    })
    expect(recordMessage('degree', 'graduationDate', '毕业时间不能晚于今天')).toBe('获学位日期不能晚于今天')
    expect(recordMessage('degree', 'certificateNo', '证书编号应为6-30位数字或字母')).toBe(
      '学位证书编号应为6-30位数字或字母',
    )
    expect(recordMessage('degree', 'school', '请填写毕业院校')).toBe('请填写学位授予单位')
    expect(recordMessage('education', 'graduationDate', '毕业时间不能晚于今天')).toBe('毕业时间不能晚于今天')
    expect(recordMessage('degree', 'major', undefined)).toBeUndefined()
    // An empty degree form's messages, as the form shows them: every one in the degree's own words.
    const empty = validate(AddRecordRequest, {
      kind: 'degree',
      certificateNo: '',
      school: '',
      graduationDate: '',
      major: '',
      level: '',
    })
    const shown = Object.fromEntries(
      RECORD_FIELDS.degree.map((f) => [f, recordMessage('degree', f, empty.errors[f])] as const),
    )
    expect(shown).toEqual({
      certificateNo: '请填写学位证书编号',
      school: '请填写学位授予单位',
      graduationDate: '请选择获学位日期',
      major: '请选择所学专业',
      level: '请选择学位',
    })
  })
})

describe('the gate to 网上报名', () => {
  test('locked with every missing item named, in order', () => {
    const g = hubGate({ photo: 'none', education: [], bound: false })
    expect(g.unlocked).toBe(false)
    expect(g.missing).toEqual(['photo', 'education', 'binding'])
    expect(g.reason).toBe('请先上传照片、添加学历信息、完成账号绑定，再进行网上报名')
  })
  test('an unverified record means waiting; a refused photo must be replaced', () => {
    const g = hubGate({ photo: 'failed', education: ['unverified'], bound: true })
    expect(g.reason).toBe('请先重新上传照片（照片核验未通过）、等待学历信息核验通过，再进行网上报名')
  })
  test('unlocked with a pending photo, one verified record and a binding', () => {
    expect(hubGate({ photo: 'pending', education: ['rejected', 'verified'], bound: true })).toEqual({
      unlocked: true,
      missing: [],
      reason: null,
    })
  })
})
