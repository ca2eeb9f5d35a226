/** Which values the two ends of the colour scale stand for. */
export type RangeMode = 'auto' | 'symmetric' | 'manual'

export interface ColorRange {
  lo: number
  hi: number
}

/**
 * auto: the data's finite min..max; symmetric: ±max|x| (zero lands on the middle colour of a diverging map);
 * manual: the user's bounds (swapped when reversed; the auto range when they are not numbers). A range of zero
 * width is widened to ±0.5 around its value, so a constant tensor still gets one colour.
 */
export function colorRange(mode: RangeMode, data: { min: number | null; max: number | null }, manual?: { lo: number; hi: number }): ColorRange {
  let lo: number
  let hi: number
  if (mode === 'manual' && manual && Number.isFinite(manual.lo) && Number.isFinite(manual.hi)) {
    lo = Math.min(manual.lo, manual.hi)
    hi = Math.max(manual.lo, manual.hi)
  } else if (data.min === null || data.max === null || !Number.isFinite(data.min) || !Number.isFinite(data.max)) {
    return { lo: 0, hi: 1 }
  } else if (mode === 'symmetric') {
    hi = Math.max(Math.abs(data.min), Math.abs(data.max))
    lo = -hi
  } else {
    lo = data.min
    hi = data.max
  }
  return lo === hi ? { lo: lo - 0.5, hi: hi + 0.5 } : { lo, hi }
}

/** Position of v on the scale, clamped to [0, 1]; NaN for NaN. */
export function normalize(v: number, r: ColorRange): number {
  if (Number.isNaN(v)) return NaN
  const t = (v - r.lo) / (r.hi - r.lo)
  return t <= 0 ? 0 : t >= 1 ? 1 : t
}

/** Defaults that suit the data: one-signed data gets the sequential map and its own range. */
export function suggestedScale(data: { min: number | null; max: number | null }): { colormap: 'diverging' | 'sequential'; mode: RangeMode } {
  const signed = data.min !== null && data.max !== null && data.min < 0 && data.max > 0
  return signed ? { colormap: 'diverging', mode: 'symmetric' } : { colormap: 'sequential', mode: 'auto' }
}
