/**
 * The stages of `npm test` in lanes: each lane runs its stages one after another, the lanes side by side, and a stage
 * starts only once every stage it needs has finished (passed or failed: a failed build still lets its tests run and
 * report). scripts/test-all.ts declares the plan; this file only schedules it.
 */

export interface StageOutcome {
  passed: number
  failed: number
  skipped: number
}

export interface PlannedStage {
  name: string
  /** Which lane runs it (0, 1, ...); with one lane every stage runs in plan order. */
  lane: number
  /** Names of the stages that must have finished before this one starts. */
  needs?: string[]
  run: () => Promise<StageOutcome>
}

export interface StageResult extends StageOutcome {
  stage: string
  ms: number
  /** When the stage started and ended (ms since the run began), for checking and reporting the schedule. */
  startedAt: number
  endedAt: number
}

/**
 * The order the stages will start in when each lane's next stage starts as soon as its needs are met, or an error
 * naming the stages that wait on each other for ever (a need that comes later in its own lane, or two lanes waiting
 * on each other) or a need that is not in the plan.
 */
export function checkPlan(stages: PlannedStage[], laneCount: number): string[] {
  const names = new Set(stages.map((s) => s.name))
  if (names.size !== stages.length) throw new Error('stage names must be unique')
  for (const s of stages) {
    for (const need of s.needs ?? []) if (!names.has(need)) throw new Error(`${s.name} needs ${need}, not in the plan`)
    if (laneCount > 1 && (s.lane < 0 || s.lane >= laneCount)) throw new Error(`${s.name}: no lane ${s.lane}`)
  }
  const lanes = lanesOf(stages, laneCount)
  const done = new Set<string>()
  const order: string[] = []
  const next = lanes.map(() => 0)
  for (;;) {
    let moved = false
    lanes.forEach((lane, i) => {
      while (next[i] < lane.length && (lane[next[i]].needs ?? []).every((n) => done.has(n))) {
        done.add(lane[next[i]].name)
        order.push(lane[next[i]].name)
        next[i]++
        moved = true
      }
    })
    if (order.length === stages.length) return order
    if (!moved) {
      const stuck = lanes.map((lane, i) => lane[next[i]]).filter(Boolean)
      throw new Error(
        `the plan never finishes: ${stuck.map((s) => `${s.name} waits for ${(s.needs ?? []).filter((n) => !done.has(n)).join(', ')}`).join('; ')}`,
      )
    }
  }
}

function lanesOf(stages: PlannedStage[], laneCount: number): PlannedStage[][] {
  if (laneCount <= 1) return [stages]
  return Array.from({ length: laneCount }, (_, i) => stages.filter((s) => s.lane === i))
}

/**
 * Runs the plan in `laneCount` lanes; resolves with every stage's result in plan order (not in the order they ran),
 * so the summary reads the same however the lanes interleaved. `onStart`/`onEnd` report progress.
 */
export async function runLanes(
  stages: PlannedStage[],
  laneCount: number,
  hooks: {
    onStart?: (stage: PlannedStage) => void
    onEnd?: (result: StageResult) => void
    now?: () => number
  } = {},
): Promise<StageResult[]> {
  checkPlan(stages, laneCount)
  const now = hooks.now ?? (() => performance.now())
  const began = now()
  const finished = new Map<string, Promise<void>>()
  const settle = new Map<string, () => void>()
  for (const s of stages) finished.set(s.name, new Promise<void>((resolve) => settle.set(s.name, resolve)))
  const results = new Map<string, StageResult>()

  async function runLane(lane: PlannedStage[]): Promise<void> {
    for (const s of lane) {
      await Promise.all((s.needs ?? []).map((n) => finished.get(n)))
      hooks.onStart?.(s)
      const startedAt = now() - began
      let outcome: StageOutcome
      try {
        outcome = await s.run()
      } catch (err) {
        // A stage that throws (a spawn that could not start) counts as one failure, like a suite that cannot run.
        process.stderr.write(`${s.name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
        outcome = { passed: 0, failed: 1, skipped: 0 }
      }
      const endedAt = now() - began
      const result = { stage: s.name, ...outcome, ms: endedAt - startedAt, startedAt, endedAt }
      results.set(s.name, result)
      hooks.onEnd?.(result)
      settle.get(s.name)?.()
    }
  }

  await Promise.all(lanesOf(stages, laneCount).map(runLane))
  return stages.map((s) => results.get(s.name) as StageResult)
}
