/**
 * Reference statistics for tests, written independently of the engine: elements decoded here with DataView and
 * bit arithmetic (not the engine's decoders or tables), moments by a plain float64 two-pass, quantiles by sorting,
 * histogram bins found by binary search over the edges.
 */

/** Decodes little-endian element bytes of a TF dtype (by name) to float64 numbers (complex: magnitudes). */
export function referenceDecode(dtype: string, bytes: Uint8Array): number[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out: number[] = []
  const each = (size: number, f: (o: number) => number) => {
    for (let o = 0; o + size <= bytes.length; o += size) out.push(f(o))
  }
  switch (dtype) {
    case 'float32': each(4, (o) => dv.getFloat32(o, true)); break
    case 'float64': each(8, (o) => dv.getFloat64(o, true)); break
    case 'int8': each(1, (o) => dv.getInt8(o)); break
    case 'uint8': each(1, (o) => dv.getUint8(o)); break
    case 'int16': each(2, (o) => dv.getInt16(o, true)); break
    case 'uint16': each(2, (o) => dv.getUint16(o, true)); break
    case 'int32': each(4, (o) => dv.getInt32(o, true)); break
    case 'uint32': each(4, (o) => dv.getUint32(o, true)); break
    case 'int64': each(8, (o) => Number(dv.getBigInt64(o, true))); break
    case 'uint64': each(8, (o) => Number(dv.getBigUint64(o, true))); break
    case 'bool': each(1, (o) => (dv.getUint8(o) ? 1 : 0)); break
    case 'int4': each(1, (o) => { const v = dv.getUint8(o) & 15; return v >= 8 ? v - 16 : v }); break
    case 'uint4': each(1, (o) => dv.getUint8(o) & 15); break
    case 'bfloat16': each(2, (o) => { const b = new DataView(new ArrayBuffer(4)); b.setUint16(0, dv.getUint16(o, true)); return b.getFloat32(0) }); break
    case 'float16': each(2, (o) => minifloat(dv.getUint16(o, true), 5, 10, 15, 'ieee')); break
    case 'float8_e5m2': each(1, (o) => minifloat(dv.getUint8(o), 5, 2, 15, 'ieee')); break
    case 'float8_e4m3fn': each(1, (o) => minifloat(dv.getUint8(o), 4, 3, 7, 'fn')); break
    case 'float8_e4m3fnuz': each(1, (o) => minifloat(dv.getUint8(o), 4, 3, 8, 'fnuz')); break
    case 'float8_e4m3b11fnuz': each(1, (o) => minifloat(dv.getUint8(o), 4, 3, 11, 'fnuz')); break
    case 'float8_e5m2fnuz': each(1, (o) => minifloat(dv.getUint8(o), 5, 2, 16, 'fnuz')); break
    case 'complex64': each(8, (o) => Math.hypot(dv.getFloat32(o, true), dv.getFloat32(o + 4, true))); break
    case 'complex128': each(16, (o) => Math.hypot(dv.getFloat64(o, true), dv.getFloat64(o + 8, true))); break
    default: throw new Error(`reference decoder has no ${dtype}`)
  }
  return out
}

/** A small float: sign, `e` exponent bits, `m` mantissa bits, bias; how it spells NaN/Inf. */
function minifloat(bits: number, e: number, m: number, bias: number, kind: 'ieee' | 'fn' | 'fnuz'): number {
  const total = 1 + e + m
  const signBit = 1 << (total - 1)
  const expField = (bits >> m) & ((1 << e) - 1)
  const man = bits & ((1 << m) - 1)
  const allOnes = (1 << e) - 1
  if (kind === 'fnuz' && bits === signBit) return NaN
  if (kind === 'ieee' && expField === allOnes) return man === 0 ? (bits & signBit ? -Infinity : Infinity) : NaN
  if (kind === 'fn' && expField === allOnes && man === (1 << m) - 1) return NaN
  const sign = bits & signBit ? -1 : 1
  const magnitude = expField === 0 ? Math.pow(2, 1 - bias) * (man / Math.pow(2, m)) : Math.pow(2, expField - bias) * (1 + man / Math.pow(2, m))
  return sign * magnitude
}

export interface ReferenceStats {
  count: number
  finite: number
  nan: number
  posInf: number
  negInf: number
  zeros: number
  min: number | null
  max: number | null
  mean: number | null
  std: number | null
  l2: number | null
  sorted: Float64Array
}

export function referenceStats(values: number[]): ReferenceStats {
  const finite = values.filter((x) => Number.isFinite(x))
  const n = finite.length
  let sum = 0
  for (const x of finite) sum += x
  const mean = n ? sum / n : null
  let ss = 0
  let sq = 0
  for (const x of finite) {
    ss += (x - mean!) * (x - mean!)
    sq += x * x
  }
  const sorted = Float64Array.from(finite).sort()
  return {
    count: values.length,
    finite: n,
    nan: values.filter((x) => Number.isNaN(x)).length,
    posInf: values.filter((x) => x === Infinity).length,
    negInf: values.filter((x) => x === -Infinity).length,
    zeros: values.filter((x) => x === 0).length,
    min: n ? sorted[0] : null,
    max: n ? sorted[n - 1] : null,
    mean,
    std: n ? Math.sqrt(ss / n) : null,
    l2: n ? Math.sqrt(sq) : null,
    sorted,
  }
}

/** numpy.quantile(a, q) with the default 'linear' method, on ascending values. */
export function referenceQuantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, sorted.length - 1)
  const t = h - lo
  const d = sorted[hi] - sorted[lo]
  return t >= 0.5 ? sorted[hi] - d * (1 - t) : sorted[lo] + d * t
}

/** The two order statistics a quantile interpolates between. */
export function quantileNeighbours(sorted: Float64Array, q: number): [number, number] {
  const h = (sorted.length - 1) * q
  const lo = Math.floor(h)
  return [sorted[lo], sorted[Math.min(lo + 1, sorted.length - 1)]]
}

/** Counts per bin for the given edges: bin i holds edges[i] <= x < edges[i+1]; the last bin is closed. */
export function referenceHistogram(sorted: Float64Array, edges: number[]): number[] {
  const bins = edges.length - 1
  const counts = new Array<number>(bins).fill(0)
  for (const x of sorted) {
    let lo = 0
    let hi = bins - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (edges[mid] <= x) lo = mid
      else hi = mid - 1
    }
    counts[lo]++
  }
  return counts
}

/** numpy.linspace(first, last, bins + 1) the way numpy.histogram builds its edges (constant data: ±0.5). */
export function referenceEdges(min: number, max: number, bins: number): number[] {
  const first = min === max ? min - 0.5 : min
  const last = min === max ? max + 0.5 : max
  const step = (last - first) / bins
  return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? last : i * step + first))
}

export const LEVELS: [string, number][] = [
  ['p1', 0.01],
  ['p5', 0.05],
  ['p25', 0.25],
  ['p50', 0.5],
  ['p75', 0.75],
  ['p95', 0.95],
  ['p99', 0.99],
]

/** A deterministic pseudo-random source (tests must not depend on Math.random). */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s / 4294967296
  }
}

/** Standard normal samples (Box–Muller). */
export function normals(n: number, seed: number): Float64Array {
  const r = rng(seed)
  const out = new Float64Array(n)
  for (let i = 0; i < n; i += 2) {
    const u = Math.max(r(), 1e-12)
    const v = r()
    const m = Math.sqrt(-2 * Math.log(u))
    out[i] = m * Math.cos(2 * Math.PI * v)
    if (i + 1 < n) out[i + 1] = m * Math.sin(2 * Math.PI * v)
  }
  return out
}
