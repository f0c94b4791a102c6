import { breaches, experienceFigures, peakPerSecond } from '../src/metrics'

it('counts the busiest second of setData calls', () => {
  expect(peakPerSecond([])).toBe(0)
  expect(peakPerSecond([0, 100, 200, 999, 1000, 1500, 1999])).toBe(4)
})

it('turns page metrics into the experience figures and names the limits broken', () => {
  const calls = Array.from({ length: 25 }, (_, i) => i * 10)
  const f = experienceFigures({
    setDataCalls: calls,
    largestPayload: 300 * 1024,
    longestHandlerMs: 1200.4,
    tree: { nodes: 1000, depth: 30, maxChildren: 61 },
  })
  expect(f).toEqual({
    setDataPerSecond: 25,
    largestPayloadBytes: 307200,
    nodes: 1000,
    depth: 30,
    maxChildren: 61,
    longestHandlerMs: 1200,
  })
  expect(breaches(f)).toHaveLength(6)
  expect(
    breaches({
      ...f,
      setDataPerSecond: 20,
      largestPayloadBytes: 1,
      nodes: 999,
      depth: 29,
      maxChildren: 60,
      longestHandlerMs: 1000,
    }),
  ).toEqual([])
})
