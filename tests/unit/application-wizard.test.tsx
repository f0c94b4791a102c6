/**
 * @jest-environment jsdom
 */
import { fireEvent, render } from '@testing-library/react'
import type { ApplicationForm, ApplicationView } from '@contract/application'
import { StepBar, stepClass } from '../../src/components/step-bar'
import { dateColumns, monthFromIndexes } from '../../src/components/picker-select'
import { approximateMeasure, paint, stepsOf, type Canvas2D } from '../../src/platform/drawing'
import { layoutForm } from '../../src/packages/application/form/layout'
import { resumeRoute } from '../../src/packages/application/resume'
import { nextAfter, routeOfSection } from '../../src/packages/application/wizard'
import { routes } from '../../src/routes'

// The wizard's own logic: the step bar's classes, the month picker, where an application opens and where a saved
// step leads, the application form laid out as an image and painted.

describe('StepBar', () => {
  test('each step carries its state as a class (mini-program templates drop data attributes)', () => {
    const onTap = jest.fn()
    const { container } = render(
      <StepBar
        id='apply-steps'
        stepIdPrefix='apply-step'
        steps={[
          { key: 'centre', label: '考点信息', state: 'done' },
          { key: 'basic', label: '基本信息', state: 'current' },
          { key: 'contact', label: '联系方式', state: 'todo' },
        ]}
        onTap={onTap}
      />,
    )
    expect(container.querySelector('#apply-step-1')!.className).toContain('step-done')
    expect(container.querySelector('#apply-step-2')!.className).toContain('step-current')
    expect(container.querySelector('#apply-step-3')!.className).toContain('step-todo')
    fireEvent.click(container.querySelector('#apply-step-3')!)
    expect(onTap).not.toHaveBeenCalled()
    fireEvent.click(container.querySelector('#apply-step-1')!)
    expect(onTap).toHaveBeenCalledWith('centre')
    expect(stepClass('todo')).toBe('step-bar__step step-todo')
  })
})

describe('MonthSelect columns', () => {
  test('year and month indexes give YYYY-MM within the bounds', () => {
    const columns = dateColumns('1960-01-01', '2026-11-01')
    expect(monthFromIndexes([2024 - 1960, 7], columns, '1960-01', '2026-11')).toBe('2024-08')
    expect(monthFromIndexes([2026 - 1960, 11], columns, '1960-01', '2026-11')).toBe('2026-11')
    expect(monthFromIndexes([0, 0], columns, '1965-03', '2026-11')).toBe('1965-03')
  })
})

const emptySteps = { centre: null, basic: null, contact: null, examInfo: null, education: null, work: null }
function view(over: Partial<ApplicationView>): ApplicationView {
  return { status: 'filling', declarationsAccepted: true, steps: emptySteps, photo: null, ...over } as ApplicationView
}

describe('where an application opens', () => {
  test('declarations, then the first unsaved step, the photo, the review; the form once submitted', () => {
    expect(resumeRoute(view({ declarationsAccepted: false }))).toBe(routes.applyDeclaration)
    expect(resumeRoute(view({}))).toBe(routes.applyCentre)
    const saved = { ...emptySteps, centre: {}, basic: {}, contact: {} } as unknown as ApplicationView['steps']
    expect(resumeRoute(view({ steps: saved }))).toBe(routes.applyExamInfo)
    const all = Object.fromEntries(Object.keys(emptySteps).map((k) => [k, {}])) as unknown as ApplicationView['steps']
    expect(resumeRoute(view({ steps: all }))).toBe(routes.applyPhoto)
    expect(resumeRoute(view({ steps: all, photo: {} as ApplicationView['photo'] }))).toBe(routes.applyReview)
    expect(resumeRoute(view({ status: 'submitted' }))).toBe(routes.applyForm)
  })

  test('a saved step leads to the next, the last to the photo; review sections link to their steps', () => {
    expect(nextAfter('centre')).toBe(routes.applyBasic)
    expect(nextAfter('examInfo')).toBe(routes.applyEducation)
    expect(nextAfter('work')).toBe(routes.applyPhoto)
    expect(routeOfSection('photo')).toBe(routes.applyPhoto)
    expect(routeOfSection('contact')).toBe(routes.applyContact)
    expect(routeOfSection('toString')).toBeNull()
  })
})

describe('the application form as an image', () => {
  const form: ApplicationForm = {
    id: 'a1',
    title: '2026年度卫生专业技术资格考试报名表',
    code: 'ABCDE-12345',
    version: 3,
    submittedAt: '2026-11-30T02:00:00.000Z',
    sections: [
      { step: 'centre', title: '考点信息', rows: [{ label: '考点', value: '广州市' }] },
      {
        step: 'contact',
        title: '联系方式',
        rows: [{ label: '通讯地址', value: '广东省广州市越秀区中山二路一号附属医院住院部三楼' }],
      },
    ],
    photoUrl: '/api/application-photo/t',
    generatedAt: '2026-11-30T02:01:00.000Z',
  }

  test('long values wrap; every row, the title and the 验证码 are drawn, the photo in its box', () => {
    const drawing = layoutForm(form, 'http://x/p.jpg')
    const steps = stepsOf(drawing, approximateMeasure)
    const texts = steps.flatMap((s) => (s.kind === 'text' ? [s.text] : []))
    expect(texts).toContain(form.title)
    expect(texts).toContain('ABCDE-12345')
    expect(texts).toContain('考点')
    expect(texts.join('')).toContain('广东省广州市越秀区中山二路一号附属医院住院部三楼')
    expect(steps.filter((s) => s.kind === 'image')).toHaveLength(1)
    expect(drawing.imageUrl).toBe('http://x/p.jpg')
    const lastY = Math.max(...steps.map((s) => s.y))
    expect(drawing.height).toBeGreaterThan(lastY)
  })

  test('paint draws each step; without the photo its box is outlined', () => {
    const calls: string[] = []
    const ctx = {
      fillRect: () => calls.push('fillRect'),
      strokeRect: () => calls.push('strokeRect'),
      fillText: (t: string) => calls.push(`text:${t}`),
      drawImage: () => calls.push('drawImage'),
    } as unknown as Canvas2D
    paint(ctx, layoutForm(form, null), null)
    expect(calls).toContain('text:ABCDE-12345')
    expect(calls).not.toContain('drawImage')
    calls.length = 0
    paint(ctx, layoutForm(form, 'http://x/p.jpg'), {})
    expect(calls).toContain('drawImage')
  })
})
