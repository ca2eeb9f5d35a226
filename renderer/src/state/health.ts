/**
 * Health flags of tensors and of the tree rows above them: what the badges show and where a click on a badge
 * leads (the first offending tensor below the row, worst problem first). Linear in the tree size.
 */
import type { TensorStats, TreeNode } from '@shared/model'

export const NON_FINITE = 1
export const ALL_ZERO = 2
export const SUSPICIOUS_SLOT = 4

/** Worst first: a badge click goes to a NaN/Inf tensor before a suspicious slot before an all-zero tensor. */
const SEVERITY = [NON_FINITE, SUSPICIOUS_SLOT, ALL_ZERO] as const

export function tensorFlags(s: TensorStats | undefined, suspicious = false): number {
  let f = suspicious ? SUSPICIOUS_SLOT : 0
  if (!s) return f
  if (s.nan + s.posInf + s.negInf > 0) f |= NON_FINITE
  if (s.basis !== 'none' && s.count > 0 && s.zeros === s.count) f |= ALL_ZERO
  return f
}

export function worstFlag(flags: number): number {
  return SEVERITY.find((f) => flags & f) ?? 0
}

export interface TreeHealth {
  /** Flags of each row: its own tensors and everything below it. */
  flags: Uint8Array
  /** Per row and flag, the first tensor below it (depth-first, in tree order) that has that flag. */
  target(node: number, flag: number): string | undefined
  /** Rows with any flag. */
  count: number
}

export function treeHealth(nodes: readonly TreeNode[], flagsOf: (key: string) => number): TreeHealth {
  const n = nodes.length
  const flags = new Uint8Array(n)
  const targets = new Map<number, string>() // node * 8 + flag → key
  // post-order over an explicit stack: children are folded into their parent after they are done
  const roots = nodes.filter((x) => x.parent === null || x.parent < 0 || x.parent >= n).map((x) => x.index)
  const stack: [number, boolean][] = roots.reverse().map((r) => [r, false])
  const seen = new Uint8Array(n)
  while (stack.length) {
    const [i, done] = stack.pop()!
    if (!done) {
      if (seen[i]) continue
      seen[i] = 1
      stack.push([i, true])
      const ch = nodes[i].children
      for (let k = ch.length - 1; k >= 0; k--) if (ch[k] >= 0 && ch[k] < n && !seen[ch[k]]) stack.push([ch[k], false])
      continue
    }
    let f = 0
    for (const key of nodes[i].keys) {
      const kf = flagsOf(key)
      for (const bit of SEVERITY) if (kf & bit && !targets.has(i * 8 + bit)) targets.set(i * 8 + bit, key)
      f |= kf
    }
    for (const c of nodes[i].children) {
      if (c < 0 || c >= n || !flags[c]) continue
      for (const bit of SEVERITY) {
        const t = targets.get(c * 8 + bit)
        if (t !== undefined && !targets.has(i * 8 + bit)) targets.set(i * 8 + bit, t)
      }
      f |= flags[c]
    }
    flags[i] = f
  }
  let count = 0
  for (let i = 0; i < n; i++) if (flags[i]) count++
  return { flags, target: (node, flag) => targets.get(node * 8 + flag), count }
}

export interface LiveHealth {
  nonFinite: { key: string; nan: number; posInf: number; negInf: number }[]
  allZero: string[]
  largestAbs: { key: string; absMax: number }[]
}

/** What can be said while a scan is still streaming in: from the statistics received so far. */
export function liveHealth(stats: Iterable<TensorStats>, largest = 10): LiveHealth {
  const nonFinite: LiveHealth['nonFinite'] = []
  const allZero: string[] = []
  const abs: LiveHealth['largestAbs'] = []
  for (const s of stats) {
    const f = tensorFlags(s)
    if (f & NON_FINITE) nonFinite.push({ key: s.key, nan: s.nan, posInf: s.posInf, negInf: s.negInf })
    if (f & ALL_ZERO) allZero.push(s.key)
    if (s.absMax !== null && s.basis !== 'booleans') abs.push({ key: s.key, absMax: s.absMax })
  }
  abs.sort((a, b) => b.absMax - a.absMax)
  return { nonFinite, allZero, largestAbs: abs.slice(0, largest) }
}
