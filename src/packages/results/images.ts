import type { Certificate, QrCode, Ticket } from '@contract/results'
import { wrapText, type Drawing, type DrawStep } from '../../platform/drawing'

/**
 * The ticket and the certificate as drawings (src/platform/drawing.ts), which each platform paints and saves
 * (saveDrawingAsImage: the album, or a download on H5). The QR code is drawn module by module from the server's
 * matrix (no QR generator ships in the package); the ticket's one picture is the candidate's photo, which the
 * platform downloads before painting.
 */
export const IMAGE_WIDTH = 600
const PAD = 32
const INK = '#1f2937'
const MUTED = '#6b7280'
const BRAND = '#1456b8'

export function ticketImageHeight(t: Ticket): number {
  return 330 + t.sittings.length * 150 + t.rules.length * 56 + 60
}

export function certificateImageHeight(): number {
  return 760
}

/** Pen strokes that collect the drawing's steps: filled rectangles, left-aligned text. */
class Pen {
  readonly steps: DrawStep[] = []
  rect(x: number, y: number, w: number, h: number, color: string): void {
    this.steps.push({ kind: 'box', x, y, w, h, color, fill: true })
  }
  text(text: string, x: number, y: number, style: { size: number; color: string }): void {
    this.steps.push({ kind: 'text', text, x, y, size: style.size, color: style.color })
  }
}

function qr(d: Pen, code: QrCode, x: number, y: number, side: number): void {
  const cell = Math.floor(side / (code.size + 2))
  d.rect(x, y, cell * (code.size + 2), cell * (code.size + 2), '#ffffff')
  for (let r = 0; r < code.size; r++)
    for (let c = 0; c < code.size; c++)
      if (code.modules[r * code.size + c] === '1') d.rect(x + (c + 1) * cell, y + (r + 1) * cell, cell, cell, '#000000')
}

/** Where text of this size starts to sit centred (full-width characters one em, the rest about half). */
export function centredX(text: string, size: number, centre = IMAGE_WIDTH / 2): number {
  const width = [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? size : size * 0.55), 0)
  return Math.round(centre - width / 2)
}

/** Breaks Chinese text into lines (src/platform/drawing.ts). */
export const wrap = wrapText

/** The photo's place on the ticket image (3:4, beside the name rows, left of the QR code). */
export const TICKET_PHOTO = { x: 346, y: 92, w: 96, h: 128 }

/** The 准考证 image; `photoUrl` is the candidate's photo (an absolute URL), drawn in its box (outlined without one). */
export function drawTicket(t: Ticket, photoUrl: string | null): Drawing {
  const d = new Pen()
  const h = ticketImageHeight(t)
  d.rect(0, 0, IMAGE_WIDTH, h, '#ffffff')
  d.rect(0, 0, IMAGE_WIDTH, 72, BRAND)
  d.text(t.brief.examName, centredX(t.brief.examName, 22), 14, { size: 22, color: '#ffffff' })
  d.text('准 考 证', centredX('准 考 证', 20), 44, { size: 20, color: '#ffffff' })
  let y = 96
  const row = (label: string, value: string) => {
    d.text(label, PAD, y, { size: 20, color: MUTED })
    d.text(value, PAD + 110, y, { size: 20, color: INK })
    y += 40
  }
  row('姓\u3000\u3000名', t.name)
  row('证件号码', t.idNumberMasked)
  row('准考证号', t.ticketNo)
  row('报考专业', t.speciality)
  d.steps.push({ kind: 'image', ...TICKET_PHOTO }, { kind: 'box', ...TICKET_PHOTO, color: '#d1d5db' })
  qr(d, t.qr, IMAGE_WIDTH - PAD - 110, 92, 110)
  y = 300
  for (const s of t.sittings) {
    d.rect(PAD, y, IMAGE_WIDTH - 2 * PAD, 2, '#e5e7eb')
    d.text(`${s.subjectName}\u3000${s.date}\u3000${s.time}`, PAD, y + 14, { size: 20, color: INK })
    d.text(s.centre, PAD, y + 48, { size: 18, color: INK })
    d.text(s.address, PAD, y + 78, { size: 18, color: MUTED })
    d.text(`${s.room}\u3000座位号 ${s.seat}`, PAD, y + 108, { size: 18, color: INK })
    y += 150
  }
  d.text('考生须知', PAD, y + 10, { size: 20, color: INK })
  y += 46
  for (const [i, rule] of t.rules.entries()) {
    const lines = wrap(`${i + 1}. ${rule}`, 29)
    lines.slice(0, 2).forEach((line, k) => d.text(line, PAD, y + k * 24, { size: 17, color: MUTED }))
    y += 56
  }
  return { width: IMAGE_WIDTH, height: h, background: '#ffffff', steps: d.steps, imageUrl: photoUrl }
}

/** The 成绩合格证明 image. */
export function drawCertificate(c: Certificate): Drawing {
  const d = new Pen()
  const h = certificateImageHeight()
  d.rect(0, 0, IMAGE_WIDTH, h, '#fffdf5')
  d.rect(12, 12, IMAGE_WIDTH - 24, h - 24, '#b8860b')
  d.rect(18, 18, IMAGE_WIDTH - 36, h - 36, '#fffdf5')
  d.text('成绩合格证明', centredX('成绩合格证明', 34), 56, { size: 34, color: '#8b1a1a' })
  d.text(`证明编号：${c.number}`, centredX(`证明编号：${c.number}`, 18), 112, { size: 18, color: MUTED })
  // The name and ID number on a line of their own, so the number never breaks.
  const years = c.fromYear === c.toYear ? `${c.toYear}年度` : `${c.fromYear}—${c.toYear}年度`
  const body = [
    `${c.name}（证件号码 ${c.idNumberMasked}）`,
    ...wrap(`参加${years}卫生专业技术资格考试，${c.speciality}各科目成绩合格。`, 22),
  ]
  body.forEach((line, i) => d.text(line, PAD + 20, 170 + i * 38, { size: 21, color: INK }))
  d.text(`签发日期：${c.issuedOn}`, PAD + 20, 370, { size: 19, color: INK })
  qr(d, c.qr, (IMAGE_WIDTH - 220) / 2, 420, 220)
  d.text('扫码核验真伪', centredX('扫码核验真伪', 18), 660, { size: 18, color: MUTED })
  return { width: IMAGE_WIDTH, height: h, background: '#fffdf5', steps: d.steps, imageUrl: null }
}
