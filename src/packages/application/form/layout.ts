import type { ApplicationForm } from '@contract/application'
import { chinaDateTime } from '@domain/china-time'
import { A4_150DPI, fitOnPage, type Drawing, type Sheet } from '../../../platform/drawing'

const MARGIN = 90
const INK = '#1f2329'
const MUTED = '#5c6370'
const BRAND = '#1456b8'
/** The photo at 35 × 47 mm (3:4) on the A4 page at 150 dpi. */
const PHOTO = { w: 210, h: 280 }

/**
 * The application form (报名表) as a drawing on an A4 page at 150 dpi, for 现场确认: title, the 验证码, the photo, every
 * section's rows (labels and values each wrapped in their own measured column: a long label never runs into its
 * value, an ID number or a date never breaks), the time it was generated, all in China time. Laid out when painted,
 * with the painting canvas's own text measure (src/platform/drawing.ts).
 */
export function layoutForm(form: ApplicationForm, photoUrl: string | null): Drawing {
  return {
    ...A4_150DPI,
    background: '#ffffff',
    imageUrl: photoUrl,
    steps: (measure) => fitOnPage(A4_150DPI, MARGIN, measure, (sheet) => drawForm(sheet, form)),
  }
}

function drawForm(s: Sheet, form: ApplicationForm): void {
  const title = { size: s.px(46), bold: true, color: INK }
  s.paragraph(form.title, title, { align: 'center', after: s.px(36) })

  // The 验证码 and the submission time on the left, the photo on the right.
  const top = s.y
  const photo = { x: s.right - s.px(PHOTO.w), y: top, w: s.px(PHOTO.w), h: s.px(PHOTO.h) }
  const leftWidth = photo.x - s.left - s.px(40)
  s.paragraph('验证码', { size: s.px(28), color: MUTED }, { width: leftWidth, after: s.px(10) })
  s.paragraph(form.code, { size: s.px(60), bold: true, color: BRAND }, { width: leftWidth, after: s.px(24) })
  if (form.submittedAt)
    s.paragraph(`提交时间 ${chinaDateTime(form.submittedAt)}`, { size: s.px(26), color: MUTED }, { width: leftWidth })
  s.steps.push({ kind: 'image', ...photo }, { kind: 'box', ...photo, color: '#d5dae1', fill: false })
  s.y = Math.max(s.y, photo.y + photo.h) + s.px(30)

  const label = { size: s.px(28), color: MUTED }
  const value = { size: s.px(28), color: INK }
  const labels = form.sections.flatMap((sec) => sec.rows.map((r) => r.label))
  const inner = s.px(16)
  const columns = {
    x: s.left + inner,
    // As wide as the longest label, at most 40% of the page: a longer one wraps inside its column.
    labelWidth: s.labelColumn(labels, label, Math.round((s.right - s.left) * 0.4)),
    // Two ems between the columns: a reader (or OCR) never runs a label into its value.
    gap: s.px(56),
    right: s.right - inner,
  }
  for (const section of form.sections) {
    const bar = s.px(52)
    s.box(s.left, s.y, s.right - s.left, bar, '#e8f0fc')
    s.text(section.title, s.left + inner, s.y + Math.round((bar - s.px(30)) / 2), {
      size: s.px(30),
      bold: true,
      color: INK,
    })
    s.y += bar + s.px(16)
    for (const row of section.rows) s.row(row.label, row.value, columns, { label, value })
    s.y += s.px(10)
  }
  s.y += s.px(10)
  s.paragraph(`生成时间 ${chinaDateTime(form.generatedAt)}`, { size: s.px(24), color: '#8a919c' })
}
