import { expect } from 'vitest'
import type { TensorStats } from '@shared/model'
import { LEVELS, referenceDecode, referenceEdges, referenceHistogram, referenceQuantile, referenceStats } from './reference'

export const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300)

/** The engine's statistics against the reference, computed from DataView-decoded float64 numbers. */
export function expectMatchesReference(s: TensorStats, dtype: string, bytes: Uint8Array, bins: number, opts: { exactQuantiles: boolean }): void {
  const values = referenceDecode(dtype, bytes)
  const ref = referenceStats(values)
  const magnitude = dtype.startsWith('complex')
  expect(s.count).toBe(ref.count)
  expect({ finite: s.finite, nan: s.nan, posInf: s.posInf, negInf: s.negInf, zeros: s.zeros }).toEqual({ finite: ref.finite, nan: ref.nan, posInf: ref.posInf, negInf: ref.negInf, zeros: ref.zeros })
  if (ref.finite === 0) {
    expect([s.min, s.max, s.mean, s.std, s.l2, s.quantiles, s.histogram]).toEqual([null, null, null, null, null, null, null])
    return
  }
  const close = (a: number | null, b: number | null, tol: number, what: string) => {
    expect(a, `${dtype} ${what}`).not.toBeNull()
    if (b === 0) expect(Math.abs(a!), `${dtype} ${what}`).toBeLessThanOrEqual(tol)
    else expect(rel(a!, b!), `${dtype} ${what}: ${a} vs ${b}`).toBeLessThanOrEqual(tol)
  }
  if (magnitude) {
    close(s.min, ref.min, 1e-15, 'min')
    close(s.max, ref.max, 1e-15, 'max')
  } else {
    expect(s.min).toBe(ref.min)
    expect(s.max).toBe(ref.max)
  }
  // the mean relative to the data's scale (a mean near zero has no meaningful relative error of its own)
  expect(Math.abs(s.mean! - ref.mean!), `${dtype} mean: ${s.mean} vs ${ref.mean}`).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(ref.mean!), ref.std!, 1e-300))
  // std relative to the spread (|mean| >> std for f64 here; the reference's own rounding is ~1e-16·|mean|)
  expect(Math.abs(s.std! - ref.std!)).toBeLessThanOrEqual(1e-9 * Math.max(ref.std!, 1e-300) + 1e-15 * Math.abs(ref.mean!))
  close(s.l2, ref.l2, 1e-12, 'l2')
  expect(s.absMax).toBe(Math.max(Math.abs(s.min!), Math.abs(s.max!)))
  for (const [name, q] of LEVELS) {
    const got = s.quantiles![name as keyof typeof s.quantiles]
    const want = referenceQuantile(ref.sorted, q)
    if (opts.exactQuantiles && !magnitude) expect(got, name).toBe(want)
    else close(got, want, magnitude && opts.exactQuantiles ? 1e-12 : s.quantileBound ? 2 * s.quantileBound.relative : 0, name)
  }
  if (bins > 0) {
    const edges = referenceEdges(s.min!, s.max!, bins)
    expect(s.histogram!.edges).toEqual(edges)
    if (!magnitude) expect(s.histogram!.counts).toEqual(referenceHistogram(ref.sorted, edges))
    expect(s.histogram!.counts.reduce((a, b) => a + b, 0)).toBe(ref.finite)
  } else {
    expect(s.histogram).toBeNull()
  }
}

