import type { Certificate, Ticket } from '@contract/results'
import { drawCertificate, drawTicket } from '../../src/packages/results/images'
import { approximateMeasure, stepsOf, wrapText as wrap, type Drawing } from '../../src/platform/drawing'

/** The texts and filled rectangles of a drawing, laid out with typical font metrics. */
function parts(d: Drawing) {
  const steps = stepsOf(d, approximateMeasure)
  const texts = steps.flatMap((s) => (s.kind === 'text' ? [s.text] : []))
  const rects = steps.flatMap((s) => (s.kind === 'box' && s.fill ? [[s.x, s.y, s.w, s.h, s.color] as const] : []))
  return { texts, rects, steps }
}

// A 3×3 "QR" with a known pattern: the drawing must put one black square per dark module.
const qr = { text: 'x', dataUrl: 'data:image/png;base64,', size: 3, modules: '101010111' }

const ticket: Ticket = {
  brief: {
    ticketId: 't',
    examName: '2026年度卫生专业技术资格考试',
    examYear: 2026,
    state: 'open',
    opensAt: '2026-05-01T00:00:00.000Z',
    closesAt: '2026-05-20T00:00:00.000Z',
    reminder: false,
  },
  ticketNo: '20261101000002',
  name: '李明',
  idTypeName: '居民身份证',
  idNumberMasked: '1101**********2739',
  idNumber: '110101199003072739',
  photoUrl: null,
  speciality: '内科护理（中级）',
  sittings: [
    {
      subjectCode: '1',
      subjectName: '基础知识',
      date: '2026-05-16',
      time: '08:30–10:00',
      startsAt: '2026-05-16T00:30:00.000Z',
      endsAt: '2026-05-16T02:00:00.000Z',
      centre: '北京市东城区考点',
      address: '北京市东城区新中街甲 1 号',
      location: { latitude: 39.93736, longitude: 116.43771 },
      room: '第 12 考场',
      seat: '02',
    },
  ],
  rules: ['考生须携带准考证和有效身份证件原件。'],
  qr,
}

describe('the ticket and certificate images', () => {
  test('the ticket carries the number, the full ID (as printed), each sitting, the rules and the photo', () => {
    const drawing = drawTicket(ticket, 'http://127.0.0.1:1/api/photo-view/x')
    const { texts, rects, steps } = parts(drawing)
    const all = texts.join('\n')
    expect(texts).toContain('110101199003072739')
    expect(all).not.toContain('1101**********2739')
    for (const part of ['20261101000002', '李明', '基础知识', '北京市东城区考点', '座位号 02', '考生须知'])
      expect(all).toContain(part)
    expect(rects.filter((r) => r[4] === '#000000')).toHaveLength(6)
    // Everything inside the A4 page.
    expect([drawing.width, drawing.height]).toEqual([1240, 1754])
    for (const [, y, , rh] of rects) expect(y + rh).toBeLessThanOrEqual(drawing.height)
    // The photo: one image step in its box, its picture the given URL; none given, the box stays (outlined).
    expect(drawing.imageUrl).toBe('http://127.0.0.1:1/api/photo-view/x')
    const photos = steps.filter((s) => s.kind === 'image')
    expect(photos).toHaveLength(1)
    expect(drawTicket(ticket, null).imageUrl).toBeNull()
    // The QR code is below the photo, not on it.
    const photo = photos[0] as { y: number; h: number }
    const qrTop = Math.min(...rects.filter((r) => r[4] === '#000000').map((r) => r[1]))
    expect(photo.y + photo.h).toBeLessThan(qrTop)
  })

  test('a ticket of another ID type prints which document and its whole number (issue 24)', () => {
    const passport = { ...ticket, idTypeName: '护照', idNumberMasked: 'G*****6', idNumber: 'G123456' }
    const { texts } = parts(drawTicket(passport, null))
    const at = texts.indexOf('证件类型')
    expect(at).toBeGreaterThanOrEqual(0)
    expect(texts[at + 1]).toBe('护照')
    expect(texts).toContain('G123456')
    expect(texts).not.toContain('G*****6')
  })

  test('the certificate carries its number, the years and the verification QR', () => {
    const c: Certificate = {
      number: '20261234567890',
      name: '张三',
      idNumberMasked: '1101**********4514',
      examName: '2026年度卫生专业技术资格考试',
      speciality: '内科护理（中级）',
      fromYear: 2025,
      toYear: 2026,
      issuedOn: '2026-07-01',
      issuer: '国家卫生健康委人才交流服务中心',
      verifyUrl: 'http://127.0.0.1/api/results/verify/20261234567890',
      qr,
    }
    const { texts, rects } = parts(drawCertificate(c))
    const all = texts.join('')
    expect(all).toContain('20261234567890')
    expect(all).toContain('2025—2026年度')
    expect(texts).toContain('国家卫生健康委人才交流服务中心')
    expect(rects.filter((r) => r[4] === '#000000')).toHaveLength(6)
  })

  test('long lines wrap by characters', () => {
    expect(wrap('一二三四五', 2)).toEqual(['一二', '三四', '五'])
    // A line never starts with closing punctuation: it stays on the line before (避头点).
    expect(wrap('按时间、地点参加。', 3)).toEqual(['按时间、', '地点参', '加。'])
    expect(wrap('一二，', 2)).toEqual(['一二，'])
  })
})
