import type { Certificate, Ticket } from '@contract/results'
import { A4_150DPI, fitOnPage, type Drawing, type Sheet } from '../../platform/drawing'

/**
 * The ticket and the certificate as drawings on an A4 page at 150 dpi (src/platform/drawing.ts: every text measured
 * by the painting canvas before it is placed, labels and values wrapped in their own columns, numbers never broken),
 * which each platform paints and saves (saveDrawingAsImage: the album, or a download on H5). The QR code is drawn
 * module by module from the server's matrix (no QR generator ships in the package); the ticket's one picture is the
 * candidate's photo, which the platform downloads before painting.
 */
const MARGIN = 90
const INK = '#1f2937'
const MUTED = '#6b7280'
const BRAND = '#1456b8'
/** The photo at 35 × 47 mm (3:4) on the page. */
const PHOTO = { w: 210, h: 280 }

/** The 准考证 image; `photoUrl` is the candidate's photo (an absolute URL), drawn in its box (outlined without one). */
export function drawTicket(t: Ticket, photoUrl: string | null): Drawing {
  return {
    ...A4_150DPI,
    background: '#ffffff',
    imageUrl: photoUrl,
    steps: (measure) => fitOnPage(A4_150DPI, MARGIN, measure, (sheet) => ticketLayout(sheet, t)),
  }
}

function ticketLayout(s: Sheet, t: Ticket): void {
  // The band: the exam's name and 准考证, white on the brand colour.
  const bandTop = s.y
  s.y += s.px(28)
  const bandText = { size: s.px(40), bold: true, color: '#ffffff' }
  const bandSteps = s.steps.length
  s.paragraph(t.brief.examName, bandText, {
    align: 'center',
    after: s.px(14),
    x: s.left + s.px(24),
    width: s.right - s.left - s.px(48),
  })
  s.paragraph('准 考 证', { size: s.px(56), bold: true, color: '#ffffff' }, { align: 'center', after: s.px(28) })
  // The band goes under its texts (drawn first).
  s.steps.splice(bandSteps, 0, {
    kind: 'box',
    x: s.left,
    y: bandTop,
    w: s.right - s.left,
    h: s.y - bandTop,
    color: BRAND,
    fill: true,
  })
  s.y += s.px(36)

  // The candidate's rows on the left; photo and QR code on the right.
  const side = s.px(PHOTO.w)
  const photo = { x: s.right - side, y: s.y, w: side, h: s.px(PHOTO.h) }
  const label = { size: s.px(30), color: MUTED }
  const value = { size: s.px(32), color: INK, bold: true }
  const rows: [string, string][] = [
    ['姓\u3000\u3000名', t.name],
    // Which document the number is on (every ID type: issue 24), then the whole number, as the official ticket
    // prints it (the screen masks it).
    ['证件类型', t.idTypeName],
    ['证件号码', t.idNumber],
    ['准考证号', t.ticketNo],
    ['报考专业', t.speciality],
  ]
  const columns = {
    x: s.left,
    labelWidth: s.labelColumn(
      rows.map((r) => r[0]),
      label,
      s.px(220),
    ),
    gap: s.px(60),
    right: photo.x - s.px(36),
  }
  for (const [l, v] of rows) s.row(l, v, columns, { label, value }, s.px(26))
  s.steps.push({ kind: 'image', ...photo }, { kind: 'box', ...photo, color: '#d1d5db', fill: false })
  const qrTop = photo.y + photo.h + s.px(24)
  s.qr(t.qr, photo.x, qrTop, side)
  s.y = Math.max(s.y, qrTop + side) + s.px(30)

  // Each sitting: the subject and its time, the centre, its address, the room and seat.
  const sLabel = { size: s.px(26), color: MUTED }
  const sValue = { size: s.px(28), color: INK }
  const sColumns = {
    x: s.left + s.px(20),
    labelWidth: s.labelColumn(['考试科目', '考试时间', '考点名称', '考点地址', '考场座位'], sLabel, s.px(200)),
    gap: s.px(60),
    right: s.right - s.px(20),
  }
  for (const sit of t.sittings) {
    s.box(s.left, s.y, s.right - s.left, 2, '#e5e7eb')
    s.y += s.px(20)
    s.row('考试科目', sit.subjectName, sColumns, { label: sLabel, value: { ...sValue, bold: true } })
    s.row('考试时间', `${sit.date} ${sit.time}`, sColumns, { label: sLabel, value: sValue })
    s.row('考点名称', sit.centre, sColumns, { label: sLabel, value: sValue })
    s.row('考点地址', sit.address, sColumns, { label: sLabel, value: sValue })
    s.row('考场座位', `${sit.room}\u3000座位号 ${sit.seat}`, sColumns, { label: sLabel, value: sValue })
    s.y += s.px(8)
  }
  s.box(s.left, s.y, s.right - s.left, 2, '#e5e7eb')
  s.y += s.px(24)
  s.paragraph('考生须知', { size: s.px(30), bold: true, color: INK }, { after: s.px(14) })
  t.rules.forEach((rule, i) => s.paragraph(`${i + 1}. ${rule}`, { size: s.px(24), color: MUTED }, { after: s.px(10) }))
}

/** The 成绩合格证明 image: the number, the candidate, the years, the issuing body and date, the verification QR. */
export function drawCertificate(c: Certificate): Drawing {
  return {
    ...A4_150DPI,
    background: '#fffdf5',
    imageUrl: null,
    steps: (measure) => fitOnPage(A4_150DPI, MARGIN + 30, measure, (sheet) => certificateLayout(sheet, c)),
  }
}

function certificateLayout(s: Sheet, c: Certificate): void {
  const { width, height } = A4_150DPI
  // The frame: a gold rule inside the page's edge.
  s.box(40, 40, width - 80, height - 80, '#b8860b')
  s.box(50, 50, width - 100, height - 100, '#fffdf5')
  s.y += s.px(60)
  s.paragraph('成绩合格证明', { size: s.px(84), bold: true, color: '#8b1a1a' }, { align: 'center', after: s.px(30) })
  s.paragraph(`证明编号：${c.number}`, { size: s.px(28), color: MUTED }, { align: 'center', after: s.px(80) })
  const years = c.fromYear === c.toYear ? `${c.toYear}年度` : `${c.fromYear}—${c.toYear}年度`
  const body = { size: s.px(36), color: INK }
  const x = s.left + s.px(40)
  const w = s.right - s.left - s.px(80)
  s.paragraph(`${c.name}（证件号码 ${c.idNumberMasked}）：`, body, { x, width: w, after: s.px(20) })
  s.paragraph(`参加${years}${examNameOnly(c.examName)}，${c.speciality}各科目成绩合格。`, body, {
    x: x + s.px(72),
    width: w - s.px(72),
    after: s.px(20),
  })
  s.paragraph('特此证明。', body, { x: x + s.px(72), width: w - s.px(72), after: s.px(90) })
  // The issuing body and the date, right-aligned as a letter signs off.
  const sign = { size: s.px(32), color: INK }
  for (const line of [c.issuer, `签发日期：${c.issuedOn}`]) {
    const lw = s.width_(line, sign)
    s.text(line, Math.max(x, s.right - s.px(40) - lw), s.y, sign)
    s.y += Math.round(sign.size * 1.6)
  }
  s.y += s.px(60)
  const side = s.px(300)
  s.qr(c.qr, Math.round((width - side) / 2), s.y, side)
  s.y += side + s.px(20)
  s.paragraph('扫码核验真伪', { size: s.px(26), color: MUTED }, { align: 'center' })
  void height
}

/** 卫生专业技术资格考试 of "2026年度卫生专业技术资格考试": the years are said once, before it. */
function examNameOnly(examName: string): string {
  return examName.replace(/^\d{4}年度?/, '')
}
