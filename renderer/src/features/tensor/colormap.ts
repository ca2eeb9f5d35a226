/**
 * Heatmap colormaps as 256-entry lookup tables, interpolated in linear RGB between a few hand-picked stops:
 * a diverging map (blue, near-white at the middle, red) for signed data centred on zero, and a sequential map
 * (dark violet through teal to yellow, lightness rising monotonically) for magnitudes and one-signed data.
 */
export type ColormapName = 'diverging' | 'sequential'

type Rgb = [number, number, number]

const STOPS: Record<ColormapName, [number, Rgb][]> = {
  diverging: [
    [0, [28, 64, 140]],
    [0.25, [104, 152, 207]],
    [0.5, [246, 246, 243]],
    [0.75, [224, 124, 96]],
    [1, [150, 22, 30]],
  ],
  sequential: [
    [0, [36, 20, 66]],
    [0.25, [58, 82, 146]],
    [0.5, [36, 141, 140]],
    [0.75, [110, 196, 96]],
    [1, [246, 228, 84]],
  ],
}

export const COLORMAP_LABEL: Record<ColormapName, string> = { diverging: 'Diverging', sequential: 'Sequential' }

/** Colours of values that have no place on the scale. */
export const NAN_RGB: Rgb = [222, 30, 222]
export const INF_RGB: Rgb = [20, 20, 20]

const toLinear = (c: number) => {
  const x = c / 255
  return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4
}
const toSrgb = (x: number) => Math.round(255 * (x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055))

/** The colour at t ∈ [0, 1] (clamped). */
export function colorAt(name: ColormapName, t: number): Rgb {
  const stops = STOPS[name]
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0))
  let i = 0
  while (i < stops.length - 2 && x > stops[i + 1][0]) i++
  const [t0, c0] = stops[i]
  const [t1, c1] = stops[i + 1]
  const f = (x - t0) / (t1 - t0)
  return [0, 1, 2].map((k) => toSrgb(toLinear(c0[k]) + f * (toLinear(c1[k]) - toLinear(c0[k])))) as Rgb
}

const luts = new Map<ColormapName, Uint8ClampedArray>()

/** 256 RGB triples, built once per map. */
export function colormapLut(name: ColormapName): Uint8ClampedArray {
  let lut = luts.get(name)
  if (!lut) {
    lut = new Uint8ClampedArray(256 * 3)
    for (let i = 0; i < 256; i++) lut.set(colorAt(name, i / 255), i * 3)
    luts.set(name, lut)
  }
  return lut
}

/** `linear-gradient(...)` of a map, for the legend bar. */
export function cssGradient(name: ColormapName): string {
  const parts = Array.from({ length: 9 }, (_, i) => {
    const [r, g, b] = colorAt(name, i / 8)
    return `rgb(${r} ${g} ${b}) ${(i * 12.5).toFixed(1)}%`
  })
  return `linear-gradient(to right, ${parts.join(', ')})`
}
