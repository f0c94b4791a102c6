import { STEP_KEYS, type ApplicationView } from '@contract/application'
import { routes, type Route } from '../../routes'
import { STEP_ROUTES } from './wizard'

/** Where an existing application opens: the declarations, the first step not saved, the photo, the review, the form. */
export function resumeRoute(view: ApplicationView): Route<{ id: string }> {
  if (view.status !== 'filling') return routes.applyForm
  if (!view.declarationsAccepted) return routes.applyDeclaration
  const step = STEP_KEYS.find((k) => view.steps[k] === null)
  if (step) return STEP_ROUTES[step]
  return view.photo ? routes.applyReview : routes.applyPhoto
}
