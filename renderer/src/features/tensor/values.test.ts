import { describe, expect, it } from 'vitest'
import type { Slice2D } from '@shared/model'
import { assignAxis, axesText, defaultAxes, fixedAxes, parseAxesText, planeKey, planeRequest, planeSize, setAxisIndex } from './axis-state'
import { BLOCK_COLS, BLOCK_ROWS, BlockCache, blocksCovering, blockWindow, fullyVisible } from './grid-pages'
import { toTsv } from './tsv'
import { exactText, formatCompact, formatNumber, formatWire, wireToNumber } from './wire'

describe('plane axes of an N-D tensor', () => {
  const shape = [4, 8, 16]
  it('defaults to the last two axes, one row for rank 1, one cell for rank 0', () => {
    expect(defaultAxes(shape)).toEqual({ rowAxis: 1, colAxis: 2, index: [0, 0, 0] })
    expect(defaultAxes([7])).toEqual({ rowAxis: null, colAxis: 0, index: [0] })
    expect(defaultAxes([])).toEqual({ rowAxis: null, colAxis: null, index: [] })
    expect(planeSize([7], defaultAxes([7]))).toEqual({ rows: 1, cols: 7 })
    expect(planeSize([], defaultAxes([]))).toEqual({ rows: 1, cols: 1 })
  })

  it('picking an axis for rows or columns swaps when they collide, and resets its index', () => {
    let a = setAxisIndex(defaultAxes(shape), 0, 3, shape)
    expect(a.index).toEqual([3, 0, 0])
    a = assignAxis(a, 'row', 0) // axis 0 on rows: axis 1 becomes fixed
    expect(a).toEqual({ rowAxis: 0, colAxis: 2, index: [0, 0, 0] })
    expect(fixedAxes(shape, a)).toEqual([1])
    a = assignAxis(a, 'col', 0) // collides with rows: they swap
    expect(a).toMatchObject({ rowAxis: 2, colAxis: 0 })
    expect(planeSize(shape, a)).toEqual({ rows: 16, cols: 4 })
    expect(assignAxis(defaultAxes([5]), 'row', 0)).toEqual(defaultAxes([5])) // rank 1 has no row axis to move
  })

  it('clamps indices and ignores the plane axes', () => {
    const a = defaultAxes(shape)
    expect(setAxisIndex(a, 0, 99, shape).index[0]).toBe(3)
    expect(setAxisIndex(a, 0, -4, shape).index[0]).toBe(0)
    expect(setAxisIndex(a, 0, 1.6, shape).index[0]).toBe(2)
    expect(setAxisIndex(a, 2, 5, shape)).toBe(a)
  })

  it('reads and writes the plane as numpy index text', () => {
    const a = setAxisIndex(defaultAxes(shape), 0, 2, shape)
    expect(axesText(shape, a)).toBe('2, :, :')
    expect(parseAxesText('2, :, :', shape)).toEqual({ axes: a, focus: { row: 0, col: 0 } })
    expect(parseAxesText('-1, 5:, 3:', shape)).toEqual({ axes: { rowAxis: 1, colAxis: 2, index: [3, 0, 0] }, focus: { row: 5, col: 3 } })
    const t = assignAxis(assignAxis(defaultAxes(shape), 'row', 2), 'col', 1)
    expect(axesText(shape, t)).toBe('0, :, : .T')
    expect(parseAxesText(axesText(shape, t), shape)).toMatchObject({ axes: t })
    expect(parseAxesText('1, 2, :', shape)).toEqual({ error: "give two axes as ':' and an integer for every other axis" })
    expect(parseAxesText('9, :, :', shape)).toEqual({ error: 'index 9 is out of bounds for axis 0 with size 4' })
    expect(parseAxesText(':', [7])).toEqual({ axes: { rowAxis: null, colAxis: 0, index: [0] }, focus: { row: 0, col: 0 } })
  })

  it('turns into request fields and cache keys', () => {
    expect(planeRequest(defaultAxes(shape))).toEqual({ rowAxis: 1, colAxis: 2, index: [0, 0, 0] })
    expect(planeRequest(defaultAxes([7]))).toEqual({})
    expect(planeKey('k', defaultAxes(shape))).not.toBe(planeKey('k', setAxisIndex(defaultAxes(shape), 0, 1, shape)))
  })
})

describe('grid pages', () => {
  it('lists the blocks under a viewport, clipped to the plane', () => {
    expect(blocksCovering(0, 10, 0, 5, 1000, 1000)).toEqual([{ br: 0, bc: 0 }])
    expect(blocksCovering(60, 70, 30, 40, 1000, 1000)).toEqual([
      { br: 0, bc: 0 },
      { br: 0, bc: 1 },
      { br: 1, bc: 0 },
      { br: 1, bc: 1 },
    ])
    expect(blocksCovering(0, 5000, 0, 0, 100, 3)).toEqual([{ br: 0, bc: 0 }, { br: 1, bc: 0 }])
    expect(blocksCovering(0, 5, 0, 5, 0, 10)).toEqual([])
  })

  it('asks for whole blocks except at the edges', () => {
    expect(blockWindow({ br: 1, bc: 2 }, 1000, 1000)).toEqual({ rowOffset: BLOCK_ROWS, rowLimit: BLOCK_ROWS, colOffset: 2 * BLOCK_COLS, colLimit: BLOCK_COLS })
    expect(blockWindow({ br: 1, bc: 0 }, 100, 10)).toEqual({ rowOffset: 64, rowLimit: 36, colOffset: 0, colLimit: 10 })
  })

  it('knows which rows are wholly in view, under a sticky header', () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ index: i, start: 24 + i * 22, end: 24 + (i + 1) * 22 }))
    // scrolled by 30 px in a 200 px viewport whose first 24 px are the header
    expect(fullyVisible(items, 30, 200, 24)).toEqual([2, 3, 4, 5, 6, 7, 8])
    expect(fullyVisible(items, 0, 30, 24)).toEqual([0])
  })

  it('serves cells from cached blocks and forgets the least recently used', () => {
    const cache = new BlockCache(2)
    const block = (br: number, bc: number, values: (number | string)[]): Slice2D =>
      ({ rowOffset: br * BLOCK_ROWS, colOffset: bc * BLOCK_COLS, rowCount: 2, colCount: 2, values } as unknown as Slice2D)
    cache.put({ br: 0, bc: 0 }, block(0, 0, [1, 2, 3, 'nan']))
    cache.put({ br: 1, bc: 0 }, block(1, 0, [5, 6, 7, 8]))
    expect(cache.cell(1, 1)).toBe('nan')
    expect(cache.cell(BLOCK_ROWS + 1, 0)).toBe(7)
    expect(cache.cell(0, BLOCK_COLS)).toBeUndefined()
    cache.put({ br: 0, bc: 1 }, block(0, 1, [9, 9, 9, 9]))
    expect(cache.size).toBe(2)
    expect(cache.has({ br: 0, bc: 0 })).toBe(false)
    expect(cache.cell(0, BLOCK_COLS)).toBe(9)
  })
})

describe('values as text', () => {
  it('TSV: one line a row, tabs between cells, no stray tabs inside cells', () => {
    expect(toTsv(2, 3, (r, c) => String(r * 3 + c))).toBe('0\t1\t2\n3\t4\t5\n')
    expect(toTsv(1, 2, (_r, c) => (c ? 'a\tb' : 'x\ny'))).toBe('x y\ta b\n')
    expect(toTsv(0, 5, () => 'x')).toBe('')
  })

  it('numbers: wire values, compact display, exact float32 text for copying', () => {
    expect([wireToNumber('nan'), wireToNumber('inf'), wireToNumber('-inf'), wireToNumber('9007199254740993'), wireToNumber(2)]).toEqual([NaN, Infinity, -Infinity, 9007199254740992, 2])
    expect(formatNumber(0.1234567891)).toBe('0.123457')
    expect(formatNumber(1.5e-7)).toBe('1.5e-7')
    expect(formatNumber(-2.5e12)).toBe('-2.5e+12')
    expect(formatNumber(42)).toBe('42')
    expect(formatNumber(null)).toBe('—')
    expect(formatWire('-inf')).toBe('-inf')
    expect(formatWire('9007199254740993')).toBe('9007199254740993')
    expect(exactText(Math.fround(0.1), 'float32')).toBe('0.1')
    expect(exactText(Math.fround(1 / 3), 'float32')).toBe('0.33333334')
    expect(exactText(0.1 + 0.2, 'float64')).toBe('0.30000000000000004')
    expect(exactText('nan', 'float32')).toBe('nan')
    expect([formatCompact(0.00011234), formatCompact(0.25), formatCompact(-123456.7), formatCompact(-12345678.9), formatCompact(500), formatCompact(null)]).toEqual(['1.12e-4', '0.25', '-123500', '-1.23e+7', '500', '—'])
  })
})
