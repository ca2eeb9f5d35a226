import { describe, expect, it } from 'vitest'
import type { TensorStats, TreeNode } from '@shared/model'
import { ALL_ZERO, liveHealth, NON_FINITE, SUSPICIOUS_SLOT, tensorFlags, treeHealth, worstFlag } from './health'
import { StatsStore } from './stats-store'

const stats = (key: string, over: Partial<TensorStats> = {}): TensorStats =>
  ({ key, dtype: 'float32', shape: [4], count: 4, finite: 4, basis: 'finite-values', min: -1, max: 2, mean: 0, std: 1, l2: 1, absMax: 2, nan: 0, posInf: 0, negInf: 0, zeros: 0, quantiles: null, quantileBound: null, histogram: null, crcOk: true, ...over }) as TensorStats

/** (root) ─ model ─ dense ─ kernel, bias;  (root) ─ opt ─ v;  (root) ─ step */
function tree(): TreeNode[] {
  const n = (index: number, parent: number | null, children: number[], name: string, keys: string[] = []): TreeNode =>
    ({ index, parent, children, name, path: name, kind: keys.length ? 'variable' : 'object', keys, tensorCount: 0, byteCount: 0 }) as TreeNode
  return [n(0, null, [1, 5, 7], '(root)'), n(1, 0, [2], 'model'), n(2, 1, [3, 4], 'dense'), n(3, 2, [], 'kernel', ['k']), n(4, 2, [], 'bias', ['b']), n(5, 0, [6], 'opt'), n(6, 5, [], 'v', ['v']), n(7, 0, [], 'step', ['s'])]
}

describe('health flags', () => {
  it('per tensor: NaN/Inf, all-zero (numeric, non-empty), suspicious slot', () => {
    expect(tensorFlags(stats('a'))).toBe(0)
    expect(tensorFlags(stats('a', { nan: 1 }))).toBe(NON_FINITE)
    expect(tensorFlags(stats('a', { negInf: 2 }))).toBe(NON_FINITE)
    expect(tensorFlags(stats('a', { zeros: 4 }))).toBe(ALL_ZERO)
    expect(tensorFlags(stats('a', { zeros: 0, count: 0 }))).toBe(0)
    expect(tensorFlags(stats('a', { basis: 'none', zeros: 0, count: 0 }))).toBe(0)
    expect(tensorFlags(undefined, true)).toBe(SUSPICIOUS_SLOT)
    expect(worstFlag(ALL_ZERO | SUSPICIOUS_SLOT)).toBe(SUSPICIOUS_SLOT)
    expect(worstFlag(ALL_ZERO | NON_FINITE)).toBe(NON_FINITE)
    expect(worstFlag(0)).toBe(0)
  })

  it('rows carry their subtree flags; a badge leads to the first offending tensor, worst problem first', () => {
    const flags: Record<string, number> = { b: ALL_ZERO, v: SUSPICIOUS_SLOT | NON_FINITE, k: 0, s: 0 }
    const h = treeHealth(tree(), (k) => flags[k] ?? 0)
    expect([...h.flags]).toEqual([ALL_ZERO | SUSPICIOUS_SLOT | NON_FINITE, ALL_ZERO, ALL_ZERO, 0, ALL_ZERO, SUSPICIOUS_SLOT | NON_FINITE, SUSPICIOUS_SLOT | NON_FINITE, 0])
    expect(h.count).toBe(6)
    expect(h.target(0, NON_FINITE)).toBe('v')
    expect(h.target(0, ALL_ZERO)).toBe('b')
    expect(h.target(1, ALL_ZERO)).toBe('b')
    expect(h.target(1, NON_FINITE)).toBeUndefined()
    expect(h.target(4, ALL_ZERO)).toBe('b')
  })

  it('takes the first offender in tree order and survives a large flat tree', () => {
    const n = 50_000
    const nodes: TreeNode[] = [{ index: 0, parent: null, children: Array.from({ length: n }, (_, i) => i + 1), name: 'r', path: 'r', kind: 'root', keys: [], tensorCount: n, byteCount: 0 } as TreeNode]
    for (let i = 1; i <= n; i++) nodes.push({ index: i, parent: 0, children: [], name: `t${i}`, path: `t${i}`, kind: 'variable', keys: [`t${i}`], tensorCount: 1, byteCount: 0 } as TreeNode)
    const h = treeHealth(nodes, (k) => (k === 't123' || k === 't40000' ? NON_FINITE : 0))
    expect(h.target(0, NON_FINITE)).toBe('t123')
    expect(h.count).toBe(3)
  })

  it('live health from what has streamed in so far', () => {
    const live = liveHealth([stats('a', { nan: 2 }), stats('z', { zeros: 4, absMax: 0 }), stats('big', { absMax: 1e6 }), stats('flag', { basis: 'booleans', absMax: 1 })])
    expect(live.nonFinite).toEqual([{ key: 'a', nan: 2, posInf: 0, negInf: 0 }])
    expect(live.allZero).toEqual(['z'])
    expect(live.largestAbs.map((x) => x.key)).toEqual(['big', 'a', 'z'])
  })
})

describe('stats store', () => {
  it('versions every change, notifies subscribers, accepts only its own tasks', () => {
    const s = new StatsStore('c1')
    let calls = 0
    const off = s.subscribe(() => calls++)
    s.add([stats('a')])
    s.add([])
    s.setSuspicious(['v'])
    expect([s.version, calls, s.size, s.isSuspicious('v'), s.get('a')?.key]).toEqual([2, 2, 1, true, 'a'])
    off()
    s.add([stats('b')])
    expect(calls).toBe(2)
    s.own('t1')
    expect([s.owns('t1'), s.owns('t2')]).toEqual([true, false])
    s.disown('t1')
    expect(s.owns('t1')).toBe(false)
  })
})
