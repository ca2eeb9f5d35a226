import { describe, expect, it } from 'vitest'
import { formatNumpy, neededRanges, type NumpyValue } from './numpy-format'

// Expected strings are `repr(np.asarray(...))` from numpy 2.4.6 with default print options.

function fmt(dtype: string, shape: number[], values: NumpyValue[] | ((i: number) => NumpyValue), threshold?: number): string {
  const at = typeof values === 'function' ? values : (i: number) => values[i]
  const allowed = new Set<number>()
  for (const [start, count] of neededRanges(shape, { threshold })) for (let k = 0; k < count; k++) allowed.add(start + k)
  return formatNumpy(
    {
      dtype,
      shape,
      valueAt: (i) => {
        if (!allowed.has(i)) throw new Error(`index ${i} was not in neededRanges`)
        return at(i)
      },
    },
    { threshold },
  )
}

describe('formatNumpy', () => {
  it('pads floats to a common sign and fraction width', () => {
    expect(fmt('float32', [2], [Math.fround(0.1), Math.fround(-0.2)])).toBe('array([ 0.1, -0.2], dtype=float32)')
    expect(fmt('float64', [2], [1, 2.5])).toBe('array([1. , 2.5])')
    expect(fmt('float32', [2], [Math.fround(Math.PI), Math.fround(Math.E)])).toBe('array([3.1415927, 2.7182817], dtype=float32)')
  })

  it('prints 0-d arrays without brackets', () => {
    expect(fmt('float32', [], [1.5])).toBe('array(1.5, dtype=float32)')
  })

  it('switches to scientific notation like numpy 2.3+', () => {
    expect(fmt('float64', [2], [1e-5, 1.5])).toBe('array([1.0e-05, 1.5e+00])')
    expect(fmt('float16', [3], [0.0999755859375, 1000.5, 3])).toBe('array([9.9976e-02, 1.0005e+03, 3.0000e+00], dtype=float16)')
  })

  it('rounds exact ties to even like Dragon4', () => {
    expect(fmt('float32', [3], [-931706.625, 314152.28125, 1088305])).toBe(
      'array([-9.3170662e+05,  3.1415228e+05,  1.0883050e+06], dtype=float32)',
    )
  })

  it('aligns nan and inf, and accepts null for a NaN lost in JSON', () => {
    expect(fmt('float32', [3], [null, 1, -Infinity])).toBe('array([ nan,   1., -inf], dtype=float32)')
  })

  it('formats ints, 64-bit ints given as strings, bools', () => {
    expect(fmt('int32', [3], [1, -20, 3])).toBe('array([  1, -20,   3], dtype=int32)')
    expect(fmt('int64', [2], ['4611686018427387904', -5])).toBe('array([4611686018427387904,                  -5])')
    expect(fmt('bool', [2], [true, false])).toBe('array([ True, False])')
  })

  it('formats TF strings as an object array of bytes', () => {
    expect(fmt('string', [3], ['ab', "it's", '\\xff\\x00\n'])).toBe(`array([b'ab', b"it's", b'\\xff\\x00\\n'], dtype=object)`)
  })

  it('formats complex numbers', () => {
    expect(fmt('complex64', [2], [[1, 2], [3, -1]])).toBe('array([1.+2.j, 3.-1.j], dtype=complex64)')
  })

  it('shows shape and dtype of empty arrays', () => {
    expect(fmt('float32', [0], [])).toBe('array([], dtype=float32)')
    expect(fmt('float32', [2, 0], [])).toBe('array([], shape=(2, 0), dtype=float32)')
  })

  it('wraps long rows at 75 columns', () => {
    const v = (i: number) => Math.fround(i / 7)
    expect(fmt('float32', [2, 12], v)).toBe(
      'array([[0.        , 0.14285715, 0.2857143 , 0.42857143, 0.5714286 ,\n' +
        '        0.71428573, 0.85714287, 1.        , 1.1428572 , 1.2857143 ,\n' +
        '        1.4285715 , 1.5714285 ],\n' +
        '       [1.7142857 , 1.8571428 , 2.        , 2.142857  , 2.2857144 ,\n' +
        '        2.4285715 , 2.5714285 , 2.7142856 , 2.857143  , 3.        ,\n' +
        '        3.142857  , 3.2857144 ]], dtype=float32)',
    )
  })

  it('summarises big arrays with ... and reads only their edges', () => {
    const v = (i: number) => Math.fround(i / 7)
    expect(fmt('float32', [2000, 3], v)).toBe(
      'array([[0.0000000e+00, 1.4285715e-01, 2.8571430e-01],\n' +
        '       [4.2857143e-01, 5.7142860e-01, 7.1428573e-01],\n' +
        '       [8.5714287e-01, 1.0000000e+00, 1.1428572e+00],\n' +
        '       ...,\n' +
        '       [8.5585712e+02, 8.5600000e+02, 8.5614288e+02],\n' +
        '       [8.5628571e+02, 8.5642859e+02, 8.5657141e+02],\n' +
        '       [8.5671429e+02, 8.5685712e+02, 8.5700000e+02]],\n' +
        '      shape=(2000, 3), dtype=float32)',
    )
    expect(neededRanges([2000, 3])).toEqual([
      [0, 9],
      [5991, 9],
    ])
  })

  it('honours a custom threshold on every axis', () => {
    expect(fmt('int32', [12], (i) => i, 10)).toBe('array([ 0,  1,  2, ...,  9, 10, 11], shape=(12,), dtype=int32)')
    expect(fmt('int64', [4, 5, 8], (i) => i, 10)).toBe(
      'array([[[  0,   1,   2, ...,   5,   6,   7],\n' +
        '        [  8,   9,  10, ...,  13,  14,  15],\n' +
        '        [ 16,  17,  18, ...,  21,  22,  23],\n' +
        '        [ 24,  25,  26, ...,  29,  30,  31],\n' +
        '        [ 32,  33,  34, ...,  37,  38,  39]],\n' +
        '\n' +
        '       [[ 40,  41,  42, ...,  45,  46,  47],\n' +
        '        [ 48,  49,  50, ...,  53,  54,  55],\n' +
        '        [ 56,  57,  58, ...,  61,  62,  63],\n' +
        '        [ 64,  65,  66, ...,  69,  70,  71],\n' +
        '        [ 72,  73,  74, ...,  77,  78,  79]],\n' +
        '\n' +
        '       [[ 80,  81,  82, ...,  85,  86,  87],\n' +
        '        [ 88,  89,  90, ...,  93,  94,  95],\n' +
        '        [ 96,  97,  98, ..., 101, 102, 103],\n' +
        '        [104, 105, 106, ..., 109, 110, 111],\n' +
        '        [112, 113, 114, ..., 117, 118, 119]],\n' +
        '\n' +
        '       [[120, 121, 122, ..., 125, 126, 127],\n' +
        '        [128, 129, 130, ..., 133, 134, 135],\n' +
        '        [136, 137, 138, ..., 141, 142, 143],\n' +
        '        [144, 145, 146, ..., 149, 150, 151],\n' +
        '        [152, 153, 154, ..., 157, 158, 159]]], shape=(4, 5, 8))',
    )
  })
})
