import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { examYearOf } from '../../domain/results'
import { DEMO_CANDIDATE } from '../../mock-server/features/account'
import { sharedOcrEngine, type OcrBox } from '../../mock-server/features/scan/ocr/engine'
import { RESULTS_HISTORICAL, RESULTS_WAITING } from '../../mock-server/features/results/scenarios'
import { SESSION_HEADER } from '../../types/api'
import { suiteH5Rig } from '../support/h5-page'

jest.setTimeout(300_000)

/** Set DOC_SHOTS=<dir> to keep the saved images (docs/screenshots/ holds a small copy of each). */
const SHOTS = process.env.DOC_SHOTS

/**
 * The saved documents read back as pixels (issue 21): each is saved from its page in the H5 build (a real browser
 * canvas with its own fonts and measureText), downloaded, and read with the project's own OCR (the scanner's PaddleOCR,
 * mock-server/features/scan/ocr). Every label and value must be found, each value right of its label on the label's
 * line, and no two read lines overlapping: what an overprinted "是否取得住培合格证书否" or a "…302 / X" would fail.
 */
describe('the saved 报名表, 准考证 and 成绩合格证明, read back by OCR (H5)', () => {
  const rig = suiteH5Rig({ closing: () => sharedOcrEngine().close() })

  /** Taps `save` on the shown page and answers the PNG the browser downloads. */
  async function saved(save: string): Promise<Buffer> {
    const download = rig.page.waitForEvent('download', { timeout: 30000 })
    await rig.$(`#${save}`).click()
    const file = await (await download).path()
    return fs.readFileSync(file)
  }

  interface Read {
    width: number
    height: number
    boxes: OcrBox[]
  }

  async function read(png: Buffer, name: string): Promise<Read> {
    const meta = await sharp(png).metadata()
    if (SHOTS) fs.writeFileSync(path.join(SHOTS, `${name}.png`), png)
    const result = await sharedOcrEngine().recognise(png)
    // Back to the image's own pixels (the OCR reads a shrunk copy of a large page).
    const k = (meta.width ?? result.width) / result.width
    const boxes = result.boxes.map((b) => ({ ...b, x: b.x * k, y: b.y * k, w: b.w * k, h: b.h * k }))
    return { width: meta.width ?? 0, height: meta.height ?? 0, boxes }
  }

  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[\s\u3000]/g, '')
      .replace(/[—–-]/g, '-')
      // A run of the mask's stars is read as fewer stars (the recogniser collapses repeats): compare it as one.
      .replace(/[*＊]+/g, '*')
      .toUpperCase()

  /** Edits between two strings (Levenshtein). */
  function distance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i)
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0]
      row[0] = i
      for (let j = 1; j <= b.length; j++) {
        const here = row[j]
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
        prev = here
      }
    }
    return row[b.length]
  }

  /**
   * Whether `want` is in `text`, allowing one misread character in ten, at least one in a text of six or more (the
   * OCR's misreadings, not the layout's: a broken number is two boxes, which no slack joins).
   */
  function holds(text: string, want: string): boolean {
    const [t, w] = [norm(text), norm(want)]
    if (t.includes(w)) return true
    const slack = w.length >= 6 ? Math.max(1, Math.floor(w.length / 10)) : 0
    if (slack === 0) return false
    for (let i = 0; i + w.length - slack <= t.length; i++)
      for (let len = w.length - slack; len <= w.length + slack && i + len <= t.length; len++)
        if (distance(t.slice(i, i + len), w) <= slack) return true
    return false
  }

  /**
   * The box holding `want`, whole or as the first of its wrapped lines (lines below it sharing its left edge, joined);
   * with `line`, only boxes starting right of that box on its line (a value beside its label).
   */
  function findText(r: Read, want: string, line?: OcrBox): OcrBox | null {
    const beside = (b: OcrBox) =>
      !line || (b.x > line.x + line.w - 4 && Math.abs(b.y + b.h / 2 - (line.y + line.h / 2)) < line.h * 0.6)
    const all = [...r.boxes].sort((a, b) => a.y - b.y || a.x - b.x)
    const whole = all.find((b) => beside(b) && holds(b.text, want))
    if (whole) return whole
    const candidates = all.filter((b) => !line || b.x > line.x + line.w - 4)
    for (const first of candidates.filter(beside)) {
      let text = first.text
      let last = first
      for (const next of candidates) {
        if (next.y <= last.y || next.y - (last.y + last.h) > last.h * 0.8 || Math.abs(next.x - first.x) > 12) continue
        text += next.text
        last = next
        if (holds(text, want)) return first
      }
    }
    return null
  }

  /** Every pair: the label found, the value found right of it on the label's line. */
  function expectRows(r: Read, rows: [string, string][]): void {
    const problems: string[] = []
    for (const [label, value] of rows) {
      // The label read on its own (考点, not 考点信息); a label that repeats (each sitting's 考试科目) holds its value
      // beside one of its places.
      const exact = r.boxes.filter((b) => norm(b.text) === norm(label))
      const labels = exact.length ? exact : r.boxes.filter((b) => holds(b.text, label))
      if (!labels.length) {
        problems.push(`label ${label} not found`)
        continue
      }
      if (!labels.some((l) => findText(r, value, l)))
        problems.push(`value ${value} of ${label} not found right of it on its line`)
    }
    expect({ problems, read: problems.length ? r.boxes.map((b) => b.text) : [] }).toEqual({ problems: [], read: [] })
  }

  /**
   * No two read lines overlap (a little slack for the detector's padding). `within`: pairs the OCR reads apart out of
   * one drawn text (the ticket's spaced label 姓\u3000\u3000名), which the layout cannot overprint.
   */
  function expectNoOverlap(r: Read, within: string[] = []): void {
    const clashes: string[] = []
    for (let i = 0; i < r.boxes.length; i++)
      for (let j = i + 1; j < r.boxes.length; j++) {
        const [a, b] = [r.boxes[i], r.boxes[j]]
        const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
        const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)
        if (w > 0 && h > 0 && w * h > 0.15 * Math.min(a.w * a.h, b.w * b.h)) clashes.push(`${a.text} × ${b.text}`)
      }
    expect(
      clashes.filter((c) => !within.includes(c) && !within.includes(c.split(' × ').reverse().join(' × '))),
    ).toEqual([])
  }

  test('报名表: A4 at 150 dpi, every row label and value in place, the 验证码, nothing overprinted', async () => {
    await rig.mock.qaApi('loadScenario', { name: 'apply-open' })
    const app = await rig.mock.qaApi('processApplication', { username: DEMO_CANDIDATE.username, province: '11' })
    const { token } = await rig.mock.qaApi('createSession', { username: DEMO_CANDIDATE.username })
    const res = await fetch(`${rig.mock.url}/api/applications/${app.id}/form`, {
      headers: { [SESSION_HEADER]: `Bearer ${token}` },
    })
    const form = (await res.json()) as { code: string; sections: { rows: { label: string; value: string }[] }[] }
    await rig.openLoggedIn(DEMO_CANDIDATE.username, `packages/application/form/index?id=${app.id}`, 'apply-form-page')
    await rig.$('#apply-form-code').waitFor()
    const r = await read(await saved('apply-form-save'), 'application-form')
    expect([r.width, r.height]).toEqual([1240, 1754])
    const rows = form.sections.flatMap((s) => s.rows.map((row) => [row.label, row.value] as [string, string]))
    expect(rows.length).toBeGreaterThan(10)
    // A value with nothing to read (— for an empty field) is left out.
    expectRows(
      r,
      rows.filter(([, v]) => /[\p{L}\p{N}]/u.test(v)),
    )
    expect(findText(r, form.code)).not.toBeNull()
    expectNoOverlap(r)
  })

  test('准考证: A4, the full ID number as printed, the ticket number, each sitting; nothing overlapping', async () => {
    await rig.mock.qaApi('loadScenario', { name: 'results' })
    const now = Date.parse((await rig.mock.qaApi('clock')).now)
    await rig.mock.qaApi('publishTicket', {
      username: RESULTS_WAITING.username,
      opensAt: new Date(now - 3600_000).toISOString(),
      examAt: new Date(now + 25 * 3600_000).toISOString(),
    })
    await rig.openLoggedIn(RESULTS_WAITING.username, 'packages/results/ticket/index', 'ticket-page')
    const ticketNo = await rig.text('ticket-number', 15000)
    const r = await read(await saved('ticket-save'), 'ticket')
    expect([r.width, r.height]).toEqual([1240, 1754])
    expectRows(r, [
      ['姓名', RESULTS_WAITING.name],
      ['证件号码', RESULTS_WAITING.idNumber],
      ['准考证号', ticketNo],
      ['考试科目', '基础知识'],
      ['考试科目', '专业实践能力'],
    ])
    expect(findText(r, '考生须知')).not.toBeNull()
    expectNoOverlap(r)
  })

  test('成绩合格证明: A4, the number, the candidate, the issuing body and date; nothing overlapping', async () => {
    await rig.mock.qaApi('loadScenario', { name: 'results' })
    const year = Number((await rig.mock.qaApi('clock')).now.slice(0, 4))
    await rig.mock.qaApi('publishScores', { username: RESULTS_HISTORICAL.username, year, scores: { '3': 66, '4': 71 } })
    await rig.openLoggedIn(RESULTS_HISTORICAL.username, 'packages/results/certificate/index', 'certificate-page')
    const number = await rig.text('certificate-number', 15000)
    const r = await read(await saved('certificate-save'), 'certificate')
    expect([r.width, r.height]).toEqual([1240, 1754])
    for (const want of [
      '成绩合格证明',
      `证明编号:${number}`,
      RESULTS_HISTORICAL.name,
      '国家卫生健康委人才交流服务中心',
      '扫码核验真伪',
    ])
      expect([want, findText(r, want) !== null]).toEqual([want, true])
    expect(findText(r, `签发日期:${year}-07-01`)).not.toBeNull()
    expectNoOverlap(r)
  })

  test('a long name in Latin letters (a passport holder, issue 24): beside 姓名 on the 报名表 and the 准考证, in the certificate; nothing overlapping', async () => {
    const name = "MARIE-CLAIRE JOSEPHINE O'NEILL-BERTRAND"
    const username = 'latindoc2026'
    await rig.mock.qaApi('loadScenario', { name: 'apply-open' })
    await rig.mock.qaApi('createCandidate', {
      username,
      password: 'Latin#2026',
      name,
      idType: 'passport',
      idNumber: 'G7654321',
      gender: 'female',
      birthDate: '1988-04-09',
    })
    // 西藏: 报名成功 once confirmed and both reviews passed (no payment online); then its ticket and every subject passed.
    const app = await rig.mock.qaApi('processApplication', { username, province: '54' })
    await rig.mock.qaApi('confirmApplication', { id: app.id })
    await rig.mock.qaApi('reviewStage', { id: app.id, stage: 'centre', outcome: 'pass' })
    await rig.mock.qaApi('reviewStage', { id: app.id, stage: 'region', outcome: 'pass' })
    const now = Date.parse((await rig.mock.qaApi('clock')).now)
    await rig.mock.qaApi('publishTicket', {
      username,
      applicationId: app.id,
      opensAt: new Date(now - 3600_000).toISOString(),
      examAt: new Date(now + 25 * 3600_000).toISOString(),
    })

    await rig.openLoggedIn(username, `packages/application/form/index?id=${app.id}`, 'apply-form-page')
    await rig.$('#apply-form-code').waitFor()
    const form = await read(await saved('apply-form-save'), 'application-form-latin')
    expectRows(form, [
      ['姓名', name],
      ['证件类型', '护照'],
    ])
    expectNoOverlap(form)

    await rig.openLoggedIn(username, 'packages/results/ticket/index', 'ticket-page')
    const ticketNo = await rig.text('ticket-number', 15000)
    const ticket = await read(await saved('ticket-save'), 'ticket-latin')
    // The ticket spaces its label 姓\u3000\u3000名: the OCR reads 姓 and 名 apart, the name right of 名.
    expectRows(ticket, [
      ['名', name],
      ['证件号码', 'G7654321'],
      ['准考证号', ticketNo],
    ])
    expectNoOverlap(ticket, ['姓 × 名'])

    await rig.mock.qaApi('publishScores', {
      username,
      year: examYearOf(now),
      scores: { '1': 70, '2': 71, '3': 72, '4': 73 },
    })
    await rig.openLoggedIn(username, 'packages/results/certificate/index', 'certificate-page')
    await rig.text('certificate-number', 15000)
    const cert = await read(await saved('certificate-save'), 'certificate-latin')
    expect(findText(cert, name)).not.toBeNull()
    expectNoOverlap(cert)
  })
})
