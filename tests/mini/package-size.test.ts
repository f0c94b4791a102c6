import { snapshotOutput, type OutputSnapshot } from '../../devkit/taro-build'
import { limitBreaches, measurePackages, PLATFORM_LIMITS, type MiniTarget } from '../../scripts/lib/package-size'
import { HOOK_TIMEOUT_MS } from '../support/timeouts'

/**
 * Each platform refuses an upload whose main package or a subpackage is over 2 MB, or whose packages together
 * are over its total (scripts/lib/package-size.ts cites each platform's page). The figures and the project's own,
 * stricter budgets are in `npm run bench`; here the test run fails when a platform would refuse the upload.
 */
jest.setTimeout(240_000)

describe.each<MiniTarget>(['weapp', 'alipay', 'swan'])('%s packages', (target) => {
  let snapshot: OutputSnapshot | undefined
  beforeAll(async () => {
    snapshot = await snapshotOutput(target)
  }, HOOK_TIMEOUT_MS)
  afterAll(() => snapshot?.dispose(), HOOK_TIMEOUT_MS)

  it('keep to the platform’s limits: main package, each subpackage, all together', () => {
    const sizes = measurePackages(snapshot?.root as string)
    expect(sizes.main.files).toBeGreaterThan(0)
    expect(sizes.subPackages.length).toBeGreaterThan(0)
    expect(limitBreaches(target, sizes)).toEqual([])
  })

  it('the check finds a main package or a subpackage over the limit', () => {
    const sizes = measurePackages(snapshot?.root as string)
    const over = {
      ...sizes,
      subPackages: [{ root: 'packages/huge', bytes: PLATFORM_LIMITS[target].subPackage + 1, files: 1 }],
    }
    expect(limitBreaches(target, over)).toEqual([
      expect.stringMatching(/^subpackage packages\/huge 2\.00 MB > 2\.00 MB$/),
    ])
    const main = { ...sizes, main: { bytes: PLATFORM_LIMITS[target].mainPackage + 1, files: 1 } }
    expect(limitBreaches(target, main)[0]).toMatch(/^main package/)
  })
})
