import { Text } from '@tarojs/components'
import { useRef, type ReactNode } from 'react'
import { STEP_KEYS, STEP_NAMES, type ApplicationView, type StepKey } from '@contract/application'
import { stepBar } from '@domain/application-steps'
import { PageContainer } from '../../components/page-container'
import { StepBar } from '../../components/step-bar'
import { go, routes, useQuery, type Route } from '../../routes'
import { useApplication } from '../../stores/application'
import { readDraft } from '../../stores/drafts'
import { useGuardedLoad } from '../../stores/guarded-load'
import { ApplicationNotes } from './notes'
import './application.scss'

/** Each step's page, in the order of SPEC 3. */
export const STEP_ROUTES: Record<StepKey, Route<{ id: string }>> = {
  centre: routes.applyCentre,
  basic: routes.applyBasic,
  contact: routes.applyContact,
  examInfo: routes.applyExamInfo,
  education: routes.applyEducation,
  work: routes.applyWork,
}

/** The start of a step page's QA ids: `apply-contact`, `apply-exam-info`. */
export const stepIdPrefix = (step: StepKey) => `apply-${step === 'examInfo' ? 'exam-info' : step}`

/** Where a saved step leads: the next step, after the last one the exam photo. */
export function nextAfter(step: StepKey): Route<{ id: string }> {
  const i = STEP_KEYS.indexOf(step)
  return i + 1 < STEP_KEYS.length ? STEP_ROUTES[STEP_KEYS[i + 1]] : routes.applyPhoto
}

/** The step a review section links to (the server names them by step key, and `photo`). */
export function routeOfSection(step: string): Route<{ id: string }> | null {
  if (step === 'photo') return routes.applyPhoto
  return (STEP_KEYS as readonly string[]).includes(step) ? STEP_ROUTES[step as StepKey] : null
}

/**
 * After 提交报名信息: the application's tracker (报考流程) with its 报名表 on top, in place of the wizard's pages, so back
 * from the form goes to the tracker, not through the exam photo and every step, locked now.
 */
export async function showSubmittedForm(id: string): Promise<void> {
  await go.restart(routes.tracker, { id })
  await go.to(routes.applyForm, { id })
}

/**
 * Whether this step opened with a draft from before (a relaunch, a reload, a login after an expired session): read
 * once, when the step's form first shows, so the page can say it brought them back.
 */
function useDraftRestored(id: string, step: StepKey, ready: boolean): boolean {
  const found = useRef<boolean | null>(null)
  if (ready && found.current === null) found.current = Object.keys(readDraft(draftKey(id, step)) ?? {}).length > 0
  return found.current === true
}

/**
 * The application this page is about (its `id` in the query), loaded with its dictionaries on every show, so a step
 * saved on another page or device shows at once. Null until loaded.
 */
export function useApplicationPage(): { id: string; view: ApplicationView | null } {
  const id = useQuery(routes.applyCentre).id ?? ''
  const view = useApplication((s) => (s.view?.id === id ? s.view : null))
  useGuardedLoad(() => id && useApplication.getState().loadApplication(id), { on: 'show' })
  return { id, view }
}

/** A wizard step: the step bar above, the form below once the application and its dictionaries are here. */
export function StepPage(props: { step: StepKey; children: (view: ApplicationView) => ReactNode }) {
  const { id, view } = useApplicationPage()
  const loading = useApplication((s) => !!s.loading.application)
  const error = useApplication((s) => s.errors.application ?? null)
  const ready = view && useApplication.getState().dicts?.examId === view.examId
  const pageId = `${stepIdPrefix(props.step)}-page`
  const restored = useDraftRestored(id, props.step, !!ready)
  return (
    <PageContainer
      id={pageId}
      loading={!ready && loading}
      error={!ready ? error : null}
      onRetry={() => void useApplication.getState().loadApplication(id)}
    >
      {view && ready && (
        <>
          <StepBar
            id='apply-steps'
            stepIdPrefix='apply-step'
            steps={stepBar(STEP_KEYS, (k) => view.steps[k] !== null, props.step).map((s) => ({
              ...s,
              label: STEP_NAMES[s.key],
            }))}
            onTap={(key) => void go.replace(STEP_ROUTES[key as StepKey], { id })}
          />
          <ApplicationNotes view={view} />
          {restored && view.can.edit && (
            <Text className='apply-note' id={`${stepIdPrefix(props.step)}-draft-restored`}>
              {DRAFT_RESTORED}
            </Text>
          )}
          {!view.can.edit && (
            <Text className='apply-note apply-note--warn' id='apply-locked'>
              {LOCKED_NOTE}
            </Text>
          )}
          {props.children(view)}
        </>
      )}
    </PageContainer>
  )
}

/** Values for a step's form: what was saved, otherwise last year's (historical candidates), otherwise empty. */
export function savedOr<K extends StepKey, T>(
  view: ApplicationView,
  key: K,
  empty: T,
  pick: (saved: NonNullable<ApplicationView['steps'][K]>) => T,
): T {
  const saved = view.steps[key] ?? view.prefill[key]
  return saved ? pick(saved as NonNullable<ApplicationView['steps'][K]>) : empty
}

/** What a step (and the exam photo) says once the application is submitted. */
export const LOCKED_NOTE = '报名信息已提交，不能修改；如需修改，请先撤回。'

/** What a step says when it shows what was typed before and not saved. */
export const DRAFT_RESTORED = '已恢复未保存的内容'

/** The draft key of one step of one application: a draft never leaks into another application. */
export const draftKey = (id: string, step: StepKey) => `apply.${id}.${step}`

/** One empty list for selectors (a new `[]` on every call would make zustand re-render without end). */
export const NO_ITEMS: never[] = []
