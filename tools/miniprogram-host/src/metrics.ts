import type { PageMetrics } from './host'

/**
 * The measurable rules of WeChat's experience score (体验评分) the host can see, per page: limits as the audit
 * states them (https://developers.weixin.qq.com/miniprogram/dev/framework/audits/performance.html).
 */
export const EXPERIENCE_LIMITS = {
  setDataPerSecond: 20,
  largestPayloadBytes: 256 * 1024,
  /** The project's own aim for one payload. */
  largestPayloadAimBytes: 50 * 1024,
  nodesBelow: 1000,
  depthBelow: 30,
  childrenAtMost: 60,
  handlerMsAtMost: 1000,
}

export interface ExperienceFigures {
  setDataPerSecond: number
  largestPayloadBytes: number
  nodes: number
  depth: number
  maxChildren: number
  longestHandlerMs: number
}

/** The most setData calls inside any one-second window. */
export function peakPerSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  let start = 0
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= 1000) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}

export function experienceFigures(
  m: PageMetrics & { tree: { nodes: number; depth: number; maxChildren: number } },
): ExperienceFigures {
  return {
    setDataPerSecond: peakPerSecond(m.setDataCalls),
    largestPayloadBytes: m.largestPayload,
    nodes: m.tree.nodes,
    depth: m.tree.depth,
    maxChildren: m.tree.maxChildren,
    longestHandlerMs: Math.round(m.longestHandlerMs),
  }
}

/** Which figures break a limit (empty when the page keeps to all of them). */
export function breaches(f: ExperienceFigures): string[] {
  const L = EXPERIENCE_LIMITS
  const out: string[] = []
  if (f.setDataPerSecond > L.setDataPerSecond) out.push(`setData ${f.setDataPerSecond}/s > ${L.setDataPerSecond}`)
  if (f.largestPayloadBytes > L.largestPayloadBytes) out.push(`payload ${f.largestPayloadBytes} B > 256 KB`)
  if (f.nodes >= L.nodesBelow) out.push(`${f.nodes} nodes ≥ ${L.nodesBelow}`)
  if (f.depth >= L.depthBelow) out.push(`depth ${f.depth} ≥ ${L.depthBelow}`)
  if (f.maxChildren > L.childrenAtMost) out.push(`${f.maxChildren} children > ${L.childrenAtMost}`)
  if (f.longestHandlerMs > L.handlerMsAtMost) out.push(`handler ${f.longestHandlerMs} ms > 1 s`)
  return out
}
