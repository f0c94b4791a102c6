import { checkPlan, runLanes, type PlannedStage } from '../../scripts/lib/stage-lanes'
import { only, plan } from '../../scripts/test-all'

/**
 * `npm test` runs its stages in two lanes (scripts/lib/stage-lanes.ts, plan in scripts/test-all.ts). What must hold:
 * no stage starts before the stages it needs have ended, a stage that reads dist/<target> needs that target's build,
 * the lanes really overlap, and the summary keeps the plan's order whatever the lanes did.
 */

/** A stage whose end the test decides: `finish()` ends it. */
function controlled(name: string, lane: number, log: string[], needs?: string[]) {
  let finish: (failed?: boolean) => void = () => undefined
  const stage: PlannedStage = {
    name,
    lane,
    needs,
    run: () =>
      new Promise((resolve) => {
        log.push(`start ${name}`)
        finish = (failed = false) => {
          log.push(`end ${name}`)
          resolve({ passed: failed ? 0 : 1, failed: failed ? 1 : 0, skipped: 0 })
        }
      }),
  }
  return { stage, finish: (failed?: boolean) => finish(failed) }
}

const tick = () => new Promise((r) => setImmediate(r))

describe('stage lanes', () => {
  test('the lanes run side by side, and a stage waits for what it needs in the other lane', async () => {
    const log: string[] = []
    const build = controlled('build', 0, log)
    const api = controlled('api', 1, log)
    const consumer = controlled('consumer', 1, log, ['build'])
    const done = runLanes([build.stage, api.stage, consumer.stage], 2)
    await tick()
    // Both lanes' first stages started before either ended.
    expect(log).toEqual(['start build', 'start api'])
    api.finish()
    await tick()
    // The consumer's lane is free, but its build has not ended.
    expect(log).toEqual(['start build', 'start api', 'end api'])
    build.finish(true)
    await tick()
    // A failed build still lets its consumer run (and report its own failures).
    expect(log).toEqual(['start build', 'start api', 'end api', 'end build', 'start consumer'])
    consumer.finish()
    const results = await done
    expect(results.map((r) => [r.stage, r.passed, r.failed])).toEqual([
      ['build', 0, 1],
      ['api', 1, 0],
      ['consumer', 1, 0],
    ])
  })

  test('one lane runs the plan in its order; results come back in plan order', async () => {
    const order: string[] = []
    const stage = (name: string, lane: number): PlannedStage => ({
      name,
      lane,
      run: async () => {
        order.push(name)
        return { passed: 1, failed: 0, skipped: 0 }
      },
    })
    const stages = [stage('a', 1), stage('b', 0), stage('c', 1)]
    const results = await runLanes(stages, 1)
    expect(order).toEqual(['a', 'b', 'c'])
    expect(results.map((r) => r.stage)).toEqual(['a', 'b', 'c'])
  })

  test('a stage that throws counts as one failure and the run goes on', async () => {
    const errors = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      const results = await runLanes(
        [
          { name: 'broken', lane: 0, run: () => Promise.reject(new Error('spawn npx ENOENT')) },
          { name: 'after', lane: 0, needs: ['broken'], run: async () => ({ passed: 3, failed: 0, skipped: 1 }) },
        ],
        2,
      )
      expect(results.map((r) => [r.stage, r.passed, r.failed, r.skipped])).toEqual([
        ['broken', 0, 1, 0],
        ['after', 3, 0, 1],
      ])
    } finally {
      errors.mockRestore()
    }
  })

  test('a plan that would wait for ever, or needs a stage it lacks, is refused before anything runs', () => {
    const ok = async () => ({ passed: 1, failed: 0, skipped: 0 })
    // Needs a stage later in its own lane.
    expect(() =>
      checkPlan(
        [
          { name: 'tests', lane: 0, needs: ['build'], run: ok },
          { name: 'build', lane: 0, run: ok },
        ],
        2,
      ),
    ).toThrow('tests waits for build')
    // Two lanes waiting on each other.
    expect(() =>
      checkPlan(
        [
          { name: 'a', lane: 0, needs: ['d'], run: ok },
          { name: 'b', lane: 0, run: ok },
          { name: 'c', lane: 1, needs: ['b'], run: ok },
          { name: 'd', lane: 1, run: ok },
        ],
        2,
      ),
    ).toThrow('never finishes')
    expect(() => checkPlan([{ name: 'a', lane: 0, needs: ['nothing'], run: ok }], 2)).toThrow(
      'nothing, not in the plan',
    )
  })
})

describe("npm test's plan", () => {
  /** Every stage that reads dist/<target> (copies it, serves it or boots it). */
  const READS: Record<string, string[]> = {
    'jest mini': ['weapp', 'alipay', 'swan'],
    'jest browser': ['h5'],
    'jest bridge': ['h5', 'weapp', 'alipay', 'swan'],
    'jest automator (h5)': ['h5'],
    'jest automator (weapp)': ['weapp'],
    'jest automator (alipay)': ['alipay'],
    'jest automator (swan)': ['swan'],
  }

  test.each([true, false])('finishes in one lane and in two (browser ready: %s)', (browserReady) => {
    const stages = plan(browserReady, 'records')
    expect(checkPlan(stages, 1)).toEqual(stages.map((s) => s.name))
    expect(checkPlan(stages, 2)).toHaveLength(stages.length)
    expect(new Set(stages.map((s) => s.lane))).toEqual(new Set([0, 1]))
  })

  test('every stage that reads a build starts after that build', () => {
    const stages = plan(true, 'records')
    const names = stages.map((s) => s.name)
    for (const target of ['h5', 'weapp', 'alipay', 'swan']) expect(names).toContain(`build ${target}`)
    for (const [stage, targets] of Object.entries(READS)) {
      const planned = stages.find((s) => s.name === stage)
      expect({ stage, needs: planned?.needs ?? [] }).toEqual({
        stage,
        needs: expect.arrayContaining(targets.map((t) => `build ${t}`)),
      })
    }
    // And nothing else (a stage added later) uses dist/ unseen: only these stages, the builds and the checks that never
    // open a build.
    const known = new Set([
      ...Object.keys(READS),
      ...names.filter((n) => n.startsWith('build ')),
      'typecheck',
      'eslint',
      'prettier',
      'jest unit',
      'jest api',
      'jest host',
      'call coverage',
    ])
    expect(names.filter((n) => !known.has(n))).toEqual([])
  })

  test('the call-coverage check runs after both stages that record calls', () => {
    const check = plan(true, 'records').find((s) => s.name === 'call coverage')
    expect(check?.needs).toEqual(expect.arrayContaining(['jest browser', 'jest automator (h5)']))
  })
})

describe('npm test -- --only', () => {
  test('keeps the named stages in their lanes, drops needs on stages left out, refuses an unknown name', () => {
    const stages = only(plan(true, 'records'), ['--only', 'typecheck,jest browser'])
    expect(stages.map((s) => [s.name, s.lane, s.needs ?? []])).toEqual([
      ['typecheck', 0, []],
      ['jest browser', 1, []],
    ])
    expect(checkPlan(stages, 2)).toHaveLength(2)
    expect(only(plan(true, 'records'), [])).toHaveLength(plan(true, 'records').length)
    expect(() => only(plan(true, 'records'), ['--only', 'jest nothing'])).toThrow('no stage jest nothing')
  })
})
