import { describe, expect, it } from 'vitest'
import type { TensorValues } from '@shared/model'
import { formatNumpy } from '@shared/numpy-format'
import { loadPreview, MAX_RANGE_READS, PREVIEW_LIMIT } from './values'

/** A fake engine over a tensor whose element i is i/2, capping reads like the engine does. */
function fakeTensor(shape: number[], cap = 1000) {
  const total = shape.reduce((a, b) => a * b, 1)
  const reads: [number, number][] = []
  const read = async (offset: number, limit: number): Promise<TensorValues> => {
    reads.push([offset, limit])
    const n = Math.max(0, Math.min(limit, cap, total - offset))
    return { key: 'k', dtype: 'float32', shape, offset, limit: n, total, values: Array.from({ length: n }, (_, i) => (offset + i) / 2) }
  }
  return { t: { dtype: 'float32', shape, numElements: total }, read, reads, total }
}

describe('values preview', () => {
  it('prints a small tensor whole, exactly as numpy', async () => {
    const f = fakeTensor([2, 3])
    const p = await loadPreview(f.t, f.read)
    expect(p.mode).toBe('numpy')
    expect(p.shown).toBe(6)
    expect(p.text).toBe(formatNumpy({ dtype: 'float32', shape: [2, 3], valueAt: (i) => i / 2 }))
    expect(p.text).toContain('dtype=float32')
    expect(f.reads).toEqual([[0, 6]])
  })

  it('reads only the edges numpy shows for a summarised tensor', async () => {
    const f = fakeTensor([8, 128])
    const p = await loadPreview(f.t, f.read)
    expect(p.mode).toBe('numpy')
    expect(p.text).toContain('...')
    expect(p.text).toBe(formatNumpy({ dtype: 'float32', shape: [8, 128], valueAt: (i) => i / 2 }))
    expect(p.shown).toBeLessThan(100)
    expect(f.reads.length).toBeLessThanOrEqual(MAX_RANGE_READS)
  })

  it('continues a range the engine returned in parts', async () => {
    const f = fakeTensor([900], 250)
    const p = await loadPreview(f.t, f.read)
    expect(p.shown).toBe(900)
    expect(f.reads.map((r) => r[0])).toEqual([0, 250, 500, 750])
  })

  it('falls back to the first values when numpy would need too many reads', async () => {
    const f = fakeTensor([7, 7, 7, 7, 7])
    const p = await loadPreview(f.t, f.read)
    expect(p.mode).toBe('head')
    expect(p.shown).toBe(PREVIEW_LIMIT)
    expect(f.reads).toEqual([[0, PREVIEW_LIMIT]])
    expect(p.text).toMatch(/^array\(\[0, 0\.5, 1, .*\.\.\.\], dtype=float32\)$/)
  })

  it('prints a scalar', async () => {
    const f = fakeTensor([])
    const p = await loadPreview(f.t, f.read)
    expect(p.text).toBe(formatNumpy({ dtype: 'float32', shape: [], valueAt: () => 0 }))
  })
})
