import { describe, expect, it } from 'vitest'
import { colorAt, colormapLut, cssGradient, INF_RGB, NAN_RGB } from './colormap'
import { colorRange, normalize, suggestedScale } from './color-range'
import { heatmapPixels } from './heatmap-image'

const lightness = ([r, g, b]: number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b

describe('colormaps', () => {
  it('diverging: blue at the low end, near-white in the middle, red at the high end, symmetric in lightness', () => {
    const [lo, mid, hi] = [colorAt('diverging', 0), colorAt('diverging', 0.5), colorAt('diverging', 1)]
    expect(lo[2]).toBeGreaterThan(lo[0])
    expect(hi[0]).toBeGreaterThan(hi[2])
    expect(Math.min(...mid)).toBeGreaterThan(235)
    // equal distances from the centre are about equally light, so neither sign looks more extreme
    for (const d of [0.1, 0.25, 0.4]) expect(Math.abs(lightness(colorAt('diverging', 0.5 - d)) - lightness(colorAt('diverging', 0.5 + d)))).toBeLessThan(40)
  })

  it('sequential: lightness rises monotonically from dark to light', () => {
    let prev = -1
    for (let i = 0; i <= 32; i++) {
      const l = lightness(colorAt('sequential', i / 32))
      expect(l).toBeGreaterThan(prev)
      prev = l
    }
  })

  it('clamps t, treats NaN as 0, and the LUT matches colorAt', () => {
    expect(colorAt('sequential', -3)).toEqual(colorAt('sequential', 0))
    expect(colorAt('sequential', 7)).toEqual(colorAt('sequential', 1))
    expect(colorAt('diverging', NaN)).toEqual(colorAt('diverging', 0))
    const lut = colormapLut('diverging')
    expect(lut).toHaveLength(768)
    expect([...lut.subarray(128 * 3, 128 * 3 + 3)]).toEqual(colorAt('diverging', 128 / 255))
    expect(cssGradient('sequential')).toMatch(/^linear-gradient\(to right, rgb\(\d+ \d+ \d+\) 0\.0%,.* 100\.0%\)$/)
  })
})

describe('colour ranges', () => {
  const data = { min: -2, max: 5 }
  it('auto, symmetric and manual', () => {
    expect(colorRange('auto', data)).toEqual({ lo: -2, hi: 5 })
    expect(colorRange('symmetric', data)).toEqual({ lo: -5, hi: 5 })
    expect(colorRange('symmetric', { min: -7, max: 1 })).toEqual({ lo: -7, hi: 7 })
    expect(colorRange('manual', data, { lo: 1, hi: -1 })).toEqual({ lo: -1, hi: 1 })
  })

  it('falls back sensibly: no data, bad manual bounds, a constant', () => {
    expect(colorRange('auto', { min: null, max: null })).toEqual({ lo: 0, hi: 1 })
    expect(colorRange('manual', data, { lo: NaN, hi: 3 })).toEqual({ lo: -2, hi: 5 })
    expect(colorRange('auto', { min: 3, max: 3 })).toEqual({ lo: 2.5, hi: 3.5 })
    expect(colorRange('symmetric', { min: 0, max: 0 })).toEqual({ lo: -0.5, hi: 0.5 })
  })

  it('normalizes with clamping; zero sits in the middle of a symmetric range', () => {
    const r = colorRange('symmetric', data)
    expect(normalize(0, r)).toBe(0.5)
    expect(normalize(-100, r)).toBe(0)
    expect(normalize(100, r)).toBe(1)
    expect(normalize(NaN, r)).toBeNaN()
  })

  it('suggests a diverging symmetric scale for signed data only', () => {
    expect(suggestedScale({ min: -1, max: 2 })).toEqual({ colormap: 'diverging', mode: 'symmetric' })
    expect(suggestedScale({ min: 0, max: 2 })).toEqual({ colormap: 'sequential', mode: 'auto' })
    expect(suggestedScale({ min: null, max: null })).toEqual({ colormap: 'sequential', mode: 'auto' })
  })
})

describe('heatmap pixels', () => {
  it('maps values through the LUT; NaN and ±Inf get their own colours; alpha is opaque', () => {
    const px = heatmapPixels([-1, 0, 1, NaN, Infinity, -Infinity], { lo: -1, hi: 1 }, 'diverging')
    const at = (i: number) => [...px.subarray(i * 4, i * 4 + 3)]
    expect(at(0)).toEqual(colorAt('diverging', 0))
    expect(at(1)).toEqual([...colormapLut('diverging').subarray(128 * 3, 128 * 3 + 3)])
    expect(at(2)).toEqual(colorAt('diverging', 1))
    expect(at(3)).toEqual(NAN_RGB)
    expect(at(4)).toEqual(INF_RGB)
    expect(at(5)).toEqual(INF_RGB)
    expect([0, 1, 2, 3, 4, 5].map((i) => px[i * 4 + 3])).toEqual([255, 255, 255, 255, 255, 255])
  })
})
