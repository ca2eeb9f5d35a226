import type { WireNumber } from '@shared/model'

/** A WireNumber as a JS number: 'nan' / 'inf' / '-inf' and big-integer text included. */
export function wireToNumber(v: WireNumber | null | undefined): number {
  if (typeof v === 'number') return v
  if (v === null || v === undefined) return NaN
  return v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v)
}

/** Compact text of a value for grids and stat tables: up to `digits` significant digits, exponent when far from 1. */
export function formatNumber(x: number | null | undefined, digits = 6): string {
  if (x === null || x === undefined) return '—'
  if (Number.isNaN(x)) return 'nan'
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf'
  if (x === 0) return Object.is(x, -0) ? '-0' : '0'
  if (Number.isInteger(x) && Math.abs(x) < 1e12) return String(x)
  const a = Math.abs(x)
  if (a < 1e-4 || a >= 1e9) return x.toExponential(Math.max(0, digits - 3)).replace(/\.?0+e/, 'e')
  return String(Number(x.toPrecision(digits)))
}

/** A cell of a 2-D window as text: decimal text of big integers is kept as it came. */
export function formatWire(v: WireNumber | undefined, digits?: number): string {
  if (v === undefined) return ''
  if (typeof v === 'string' && v !== 'nan' && v !== 'inf' && v !== '-inf') return v
  return formatNumber(wireToNumber(v), digits)
}

const NARROW_FLOAT = /^(float32|float16|half|bfloat16|float8)/

/**
 * Full-precision text for copying: float32 and narrower values as the shortest decimal that reads back as the
 * same float32 (what numpy prints, `0.1` and not `0.10000000149011612`); other numbers as JavaScript prints them.
 */
export function exactText(v: WireNumber | undefined, dtype: string): string {
  if (v === undefined) return ''
  if (typeof v === 'string') return v
  if (!NARROW_FLOAT.test(dtype) || !Number.isFinite(v)) return String(v)
  const f = Math.fround(v)
  for (let p = 1; p < 9; p++) {
    const s = Number(f.toPrecision(p))
    if (Math.fround(s) === f) return String(s)
  }
  return String(Number(f.toPrecision(9)))
}

/** For narrow cells: 4 significant digits, and an exponent when that is shorter (`1.12e-4`, not `0.0001123`). */
export function formatCompact(x: number | null | undefined, maxChars = 8): string {
  const s = formatNumber(x, 4)
  if (s.length <= maxChars || x === null || x === undefined || !Number.isFinite(x)) return s
  return x.toExponential(2).replace(/\.?0+e/, 'e')
}
