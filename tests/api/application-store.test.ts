import { api, newIdempotencyKey, setSessionToken } from '../../src/api'
import { useApplication } from '../../src/stores/application'
import { DEMO_CANDIDATE } from '../../mock-server/scenarios'
import { FILLED } from '../support/application-fixture'
import { clientAgainstMock } from './support/client-mock'

/**
 * The application store (the wizard's one data path) against the live mock server: a step saved again with the key of
 * the same submission is answered once (the server replays its answer: one new version, not two); another filling
 * (a new key) is a new version. Every answer becomes the store's `view`.
 */
describe('application store', () => {
  const mock = clientAgainstMock()

  async function started(): Promise<string> {
    await mock.qaApi('loadScenario', { name: 'apply-open' })
    setSessionToken((await mock.qaApi('createSession', { username: DEMO_CANDIDATE.username })).token)
    useApplication.getState().reset()
    const { exams } = await api.applicationExams()
    const examId = exams.find((e) => e.kind === 'health' && e.windowState === 'open')!.id
    const started = await useApplication.getState().start(examId, '11')
    if (!('view' in started)) throw new Error('expected a new application')
    await useApplication.getState().acceptDeclarations(started.view.id)
    return started.view.id
  }

  test('the same submission of a step, sent twice with its key, saves once', async () => {
    const id = await started()
    const store = useApplication.getState()
    const key = newIdempotencyKey()
    const first = await store.saveStep('contact', id, FILLED.contact, key)
    const again = await store.saveStep('contact', id, FILLED.contact, key)
    expect(again.version).toBe(first.version)
    expect((await api.getApplication(id)).version).toBe(first.version)
    // Another filling of the step is another action.
    const next = await store.saveStep('contact', id, { ...FILLED.contact, postcode: '100020' }, newIdempotencyKey())
    expect(next.version).toBe(first.version + 1)
    expect(useApplication.getState().view).toEqual(next)
  })

  test('twenty taps of the same submission at once save the step once', async () => {
    const id = await started()
    const before = (await api.getApplication(id)).version
    const key = newIdempotencyKey()
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => useApplication.getState().saveStep('centre', id, FILLED.centre, key)),
    )
    expect(new Set(answers.map((a) => a.version))).toEqual(new Set([before + 1]))
    expect((await api.getApplication(id)).version).toBe(before + 1)
  })

  test('starting an exam already applied for answers the existing application, not a second one', async () => {
    const id = await started()
    const { exams } = await api.applicationExams()
    const examId = exams.find((e) => e.kind === 'health' && e.windowState === 'open')!.id
    expect(await useApplication.getState().start(examId, '12')).toEqual({ existing: id })
  })
})
