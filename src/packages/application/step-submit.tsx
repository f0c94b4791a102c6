import { Text, View } from '@tarojs/components'
import type * as v from 'valibot'
import type { ApplicationView, StepKey } from '@contract/application'
import type { FieldProblems } from '@domain/application-steps'
import { STEP_BUTTON } from '@domain/glossary'
import { Button } from '../../components/button'
import type { Form } from '../../forms/use-form'
import { go } from '../../routes'
import { useApplication, type StepInput } from '../../stores/application'
import { nextAfter, stepIdPrefix } from './wizard'

/**
 * 保存并下一步 (STEP_BUTTON) of a step: the step's schema (the form kit), then the step's checks against the dictionaries
 * (domain/application-steps, the same the server runs), then the store's save with the form kit's idempotency key
 * (kept when a lost answer is retried by another tap, new after a refusal: docs/architecture.md); only a saved step
 * moves on to the next page.
 */
export async function saveStep<S extends v.GenericSchema, T extends object>(
  form: Form<S, T>,
  step: StepKey,
  id: string,
  problems: (value: v.InferOutput<S>) => FieldProblems,
): Promise<void> {
  const checked = form.check()
  if (!checked.ok) {
    form.setFormError('请按提示修改标红的内容')
    return
  }
  const found = problems(checked.value)
  if (Object.keys(found).length > 0) {
    form.setErrors(found)
    form.setFormError('请按提示修改标红的内容')
    return
  }
  const view = await form.submit((value, idempotencyKey) =>
    useApplication.getState().saveStep(step, id, value as StepInput<typeof step>, idempotencyKey),
  )
  if (!view) return
  await go.to(nextAfter(step), { id })
}

/**
 * The message above a step's 保存并下一步 and the button, which saves the step (saveStep): `problems` are the step's checks
 * against the dictionaries (none by default). Ids `<apply-step>-form-error`, `-submit`.
 */
export function StepSubmit<S extends v.GenericSchema, T extends object>(props: {
  view: ApplicationView
  step: StepKey
  form: Form<S, T>
  problems?: (value: v.InferOutput<S>) => FieldProblems
}) {
  const { view, step, form } = props
  const page = stepIdPrefix(step)
  return (
    <View className='apply-actions'>
      {form.formError && (
        <Text className='apply-error' id={`${page}-form-error`}>
          {form.formError}
        </Text>
      )}
      <Button
        id={`${page}-submit`}
        loading={form.submitting}
        disabled={!view.can.edit}
        onClick={() => void saveStep(form, step, view.id, props.problems ?? noProblems)}
      >
        {STEP_BUTTON}
      </Button>
    </View>
  )
}

const noProblems = (): FieldProblems => ({})
