import { describe, expect, it } from 'vitest'
import { formatIndex, parseIndexText, pickedShape, resolveIndex, sourceIndex, type AxisPick } from './numpy-slice'

/** Python's `list(range(n))[sl]` for a resolved pick, written out by hand from the pick. */
const positions = (p: AxisPick) => Array.from({ length: p.kind === 'range' ? p.length : 1 }, (_, k) => sourceIndex(p, k))
const pick = (text: string, shape: number[]) => resolveIndex(parseIndexText(text), shape)

describe('numpy index text', () => {
  it('parses indices, slices, ellipsis, brackets and a trailing comma', () => {
    expect(parseIndexText('0:4, :, 3')).toEqual([
      { kind: 'slice', start: 0, stop: 4, step: null },
      { kind: 'slice', start: null, stop: null, step: null },
      { kind: 'index', index: 3 },
    ])
    expect(parseIndexText('[-1, ..., ::-2]')).toEqual([
      { kind: 'index', index: -1 },
      { kind: 'ellipsis' },
      { kind: 'slice', start: null, stop: null, step: -2 },
    ])
    expect(parseIndexText('3,')).toEqual([{ kind: 'index', index: 3 }])
    expect(parseIndexText('  ')).toEqual([])
  })

  it('rejects what numpy rejects, with a message', () => {
    expect(() => parseIndexText('a')).toThrow(/not an integer index/)
    expect(() => parseIndexText('1:2:3:4')).toThrow(/too many ':'/)
    expect(() => parseIndexText('::0')).toThrow(/step cannot be zero/)
    expect(() => parseIndexText('..., ...')).toThrow(/single ellipsis/)
    expect(() => parseIndexText('1,,2')).toThrow(/empty index/)
    expect(() => pick('5', [4])).toThrow('index 5 is out of bounds for axis 0 with size 4')
    expect(() => pick('-5', [4])).toThrow(/out of bounds/)
    expect(() => pick('0, 0', [4])).toThrow(/too many indices/)
  })

  it("follows Python's slice rules (checked against range(10)[slice])", () => {
    // expected lists written from Python 3: list(range(10))[s]
    const cases: [string, number[]][] = [
      ['2:5', [2, 3, 4]],
      ['-3:', [7, 8, 9]],
      [':-7', [0, 1, 2]],
      ['::3', [0, 3, 6, 9]],
      ['::-1', [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]],
      ['8:2:-2', [8, 6, 4]],
      ['-1:-4:-1', [9, 8, 7]],
      ['20:', []],
      [':100', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
      ['5:2', []],
      ['-100:2', [0, 1]],
      ['3:-100:-1', [3, 2, 1, 0]],
    ]
    for (const [text, want] of cases) {
      const [p] = pick(text, [10])
      expect(p.kind === 'range' ? p.length : -1, text).toBe(want.length)
      if (want.length) expect(positions(p), text).toEqual(want)
    }
  })

  it('fills missing axes, expands the ellipsis, drops indexed axes from the shape', () => {
    expect(pickedShape(pick('0:4, :, 3', [8, 5, 6]))).toEqual([4, 5])
    expect(pickedShape(pick('1', [8, 5, 6]))).toEqual([5, 6])
    expect(pickedShape(pick('..., 2', [8, 5, 6]))).toEqual([8, 5])
    expect(pickedShape(pick('1, ..., 2', [8, 5, 6]))).toEqual([5])
    expect(pickedShape(pick('', []))).toEqual([])
    expect(pick('-1, -2', [3, 4])).toEqual([
      { kind: 'index', index: 2 },
      { kind: 'index', index: 2 },
    ])
  })

  it('prints the shortest text that selects the same thing', () => {
    const shape = [8, 5, 6]
    for (const text of ['3, :, 1:5', ':, 2, ::2', '7:2:-1, 0, :', '::-1, :, 0']) {
      const picks = pick(text, shape)
      const again = pick(formatIndex(picks, shape), shape)
      expect(again, text).toEqual(picks)
    }
    expect(formatIndex(pick('3, 0:5, :6', shape), shape)).toBe('3, :, :')
  })
})
