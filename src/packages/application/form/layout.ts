import { chinaDateTime } from '@domain/china-time'
import type { ApplicationForm } from '@contract/application'
import { wrapText, type Drawing, type DrawStep } from '../../../platform/drawing'

/** The saved image's geometry (px): a phone-width page, rows as on the screen. */
const WIDTH = 750
const PAD = 40
const VALUE_X = 260
const ROW = 44
const FONT = 26
/** Characters of a value per line (CJK glyphs are about one font size wide). */
const PER_LINE = Math.floor((WIDTH - VALUE_X - PAD) / FONT)

/** Splits a value into the lines it takes on the image. */
export function wrap(text: string, perLine = PER_LINE): string[] {
  return wrapText(text, perLine)
}

/**
 * The application form (报名表) as a drawing: title, the 验证码, the photo, every section's rows, the time it was
 * generated. Pure, so the platforms only paint it.
 */
export function layoutForm(form: ApplicationForm, photoUrl: string | null): Drawing {
  const steps: DrawStep[] = []
  let y = PAD
  steps.push({ kind: 'text', text: form.title, x: WIDTH / 2, y, size: 34, bold: true, align: 'center' })
  y += 70
  const photo = { x: WIDTH - PAD - 180, y, w: 180, h: 240 }
  steps.push({ kind: 'text', text: '验证码', x: PAD, y, size: FONT, color: '#5c6370' })
  steps.push({ kind: 'text', text: form.code, x: PAD, y: y + 40, size: 40, bold: true, color: '#1456b8' })
  if (form.submittedAt) {
    steps.push({
      kind: 'text',
      text: `提交时间 ${chinaDateTime(form.submittedAt)}`,
      x: PAD,
      y: y + 110,
      size: 22,
      color: '#5c6370',
    })
  }
  steps.push({ kind: 'image', ...photo })
  steps.push({ kind: 'box', ...photo, color: '#d5dae1' })
  y = photo.y + photo.h + 30
  for (const section of form.sections) {
    steps.push({ kind: 'box', x: PAD, y, w: WIDTH - 2 * PAD, h: ROW, color: '#e8f0fc', fill: true })
    steps.push({ kind: 'text', text: section.title, x: PAD + 12, y: y + 8, size: FONT, bold: true })
    y += ROW + 8
    for (const row of section.rows) {
      const lines = wrap(row.value)
      steps.push({ kind: 'text', text: row.label, x: PAD, y, size: FONT, color: '#5c6370' })
      lines.forEach((line, i) => steps.push({ kind: 'text', text: line, x: VALUE_X, y: y + i * 36, size: FONT }))
      y += Math.max(ROW, lines.length * 36 + 8)
    }
    y += 12
  }
  steps.push({
    kind: 'text',
    text: `生成时间 ${chinaDateTime(form.generatedAt)}`,
    x: PAD,
    y,
    size: 22,
    color: '#8a919c',
  })
  y += 40
  return { width: WIDTH, height: y + PAD, background: '#ffffff', steps, imageUrl: photoUrl }
}
