import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCheckpoint, type Checkpoint } from '../checkpoint'
import { BundleWriter } from '../write/bundle-writer'
import { stridesOf } from './plane'
import { MAX_SLICE_CELLS, readSlice2D } from './slice-2d'

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength).slice()
const SHAPE = [4, 5, 6]
/** Element value = its flat index, so every expected cell is computed from coordinates alone. */
const cube = Float32Array.from({ length: 120 }, (_, i) => i)
cube[7] = NaN
cube[8] = -Infinity

function at(shape: number[], coords: number[]): number {
  const s = stridesOf(shape)
  return coords.reduce((n, c, a) => n + c * s[a], 0)
}

describe('2-D windows of N-D tensors', () => {
  let ckpt: Checkpoint
  const prefix = join(mkdtempSync(join(tmpdir(), 'ckpt-slice-')), 'ckpt')

  beforeAll(async () => {
    const w = await BundleWriter.create(prefix)
    await w.add('cube', 1, SHAPE, bytesOf(cube))
    await w.addSlice('cube_parts', 1, SHAPE, [{ start: 0, length: 1 }, { start: 0, length: -1 }, { start: 0, length: -1 }], bytesOf(cube.subarray(0, 30)))
    await w.addSlice('cube_parts', 1, SHAPE, [{ start: 1, length: 3 }, { start: 0, length: -1 }, { start: 0, length: -1 }], bytesOf(cube.subarray(30)))
    await w.add('wide', 1, [4, 40000], bytesOf(Float32Array.from({ length: 160000 }, (_, i) => i)))
    await w.add('square', 1, [600, 600], new Uint8Array(600 * 600 * 4))
    await w.add('vec', 2, [10], bytesOf(Float64Array.from({ length: 10 }, (_, i) => i / 2)))
    await w.add('scalar', 3, [], bytesOf(new Int32Array([-9])))
    await w.add('c', 8, [2, 2], bytesOf(new Float32Array([1, 2, 3, 4, NaN, 0, 5, -6])))
    await w.add('flags', 10, [3], Uint8Array.from([1, 0, 1]))
    await w.add('big', 9, [2], bytesOf(new BigInt64Array([2n ** 60n + 1n, -3n])))
    await w.add('words', 7, [2, 2], ['a', 'b', 'c', 'd'].map((x) => new TextEncoder().encode(x)))
    await w.finish()
    ckpt = await openCheckpoint(prefix)
  })
  afterAll(() => ckpt?.close())

  const win = (key: string, extra: object = {}) => readSlice2D(ckpt, { id: '', key, ...extra })

  it('the last two axes by default, fixed index on the others; offsets and limits; NaN/Inf as text', async () => {
    const s = await win('cube', { index: [2, 0, 0], rowOffset: 1, rowLimit: 3, colOffset: 2, colLimit: 10 })
    expect(s).toMatchObject({ rowAxis: 1, colAxis: 2, index: [2, 0, 0], rows: 5, cols: 6, rowOffset: 1, colOffset: 2, rowCount: 3, colCount: 4 })
    const expected: number[] = []
    for (let r = 1; r < 4; r++) for (let c = 2; c < 6; c++) expected.push(at(SHAPE, [2, r, c]))
    expect(s.values).toEqual(expected)
    const first = await win('cube', { index: [0, 0, 0], rowLimit: 2, colLimit: 6 })
    expect(first.values.slice(6, 9)).toEqual([6, 'nan', '-inf'])
    expect(first.min).toBe(0)
    expect(first.max).toBe(11)
  })

  it('any pair of axes, transposed too, and the same window from a partitioned variable', async () => {
    for (const [rowAxis, colAxis, index] of [[0, 2, [0, 3, 0]], [2, 0, [0, 1, 0]], [1, 0, [0, 0, 5]]] as const) {
      const s = await win('cube', { rowAxis, colAxis, index: [...index], rowLimit: 100, colLimit: 100 })
      const expected: (number | string)[] = []
      for (let r = 0; r < SHAPE[rowAxis]; r++) {
        for (let c = 0; c < SHAPE[colAxis]; c++) {
          const coords = [...index] as number[]
          coords[rowAxis] = r
          coords[colAxis] = c
          const v = cube[at(SHAPE, coords)]
          expected.push(Number.isNaN(v) ? 'nan' : v === -Infinity ? '-inf' : v)
        }
      }
      expect(s.values).toEqual(expected)
      const p = await win('cube_parts', { rowAxis, colAxis, index: [...index], rowLimit: 100, colLimit: 100 })
      expect(p.values).toEqual(expected)
    }
  })

  it('a transposed window of a wide matrix reads scattered elements correctly', async () => {
    const s = await win('wide', { rowAxis: 1, colAxis: 0, rowOffset: 39990, rowLimit: 20, colLimit: 4 })
    expect(s.rowCount).toBe(10)
    const expected: number[] = []
    for (let r = 39990; r < 40000; r++) for (let c = 0; c < 4; c++) expected.push(c * 40000 + r)
    expect(s.values).toEqual(expected)
  })

  it('rank 1 is one row, rank 0 one cell; complex, bool, int64, strings', async () => {
    expect(await win('vec', { colOffset: 8 })).toMatchObject({ rowAxis: null, colAxis: 0, rows: 1, cols: 10, values: [4, 4.5] })
    expect(await win('scalar')).toMatchObject({ rowAxis: null, colAxis: null, values: [-9], min: -9, max: -9 })
    const c = await win('c')
    expect(c.values).toEqual([1, 3, 'nan', 5])
    expect(c.imag).toEqual([2, 4, 0, -6])
    expect((await win('flags')).values).toEqual([1, 0, 1])
    expect((await win('big')).values).toEqual(['1152921504606846977', -3])
    expect((await win('words', { rowOffset: 1 })).text).toEqual(['c', 'd'])
  })

  it('refuses axes and indices that do not fit the tensor, and windows that are too large', async () => {
    await expect(win('cube', { rowAxis: 1, colAxis: 1 })).rejects.toMatchObject({ code: 'invalid-argument' })
    await expect(win('cube', { colAxis: 3 })).rejects.toMatchObject({ code: 'invalid-argument' })
    await expect(win('cube', { index: [4, 0, 0] })).rejects.toMatchObject({ code: 'invalid-argument' })
    await expect(win('cube', { index: [0, 0] })).rejects.toMatchObject({ code: 'invalid-argument' })
    await expect(win('vec', { rowAxis: 0 })).rejects.toMatchObject({ code: 'invalid-argument' })
    await expect(win('scalar', { colAxis: 0 })).rejects.toMatchObject({ code: 'invalid-argument' })
    await expect(win('square', { rowLimit: MAX_SLICE_CELLS, colLimit: MAX_SLICE_CELLS })).rejects.toMatchObject({ code: 'invalid-argument' })
    expect((await win('square', { rowLimit: 512, colLimit: 512 })).values).toHaveLength(MAX_SLICE_CELLS)
    await expect(win('nope')).rejects.toMatchObject({ code: 'no-such-tensor' })
  })
})
