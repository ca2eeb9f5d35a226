import { alignedBlock, BLOCK, decodeBlock, ExactRange64, type ElementFormat } from './block-decode'
import { binIndex, type BinSpec } from './histogram'
import { SKETCH_SIZE, type SparseSketch } from './log-sketch'
import { emptyMoments, mergeMoments, type Moments } from './moments'

/** What one pass over a run of elements yields: small, mergeable, and plain data (it crosses from workers). */
export interface ScanPartial {
  moments: Moments
  nan: number
  posInf: number
  negInf: number
  zeros: number
  /** Elements read (finite + non-finite). */
  elements: number
  sketch: SparseSketch
  /** int64/uint64: exact extrema as decimal text. */
  exactMin?: string
  exactMax?: string
}

/**
 * The per-thread statistics engine: counts into a dense 65536-bucket sketch that is reset sparsely (only the
 * buckets a run touched), so a worker scanning 30k tiny tensors never clears 256 KiB per tensor. Every run is
 * cut into BLOCK-element blocks; each block's mean and M2 are exact two-pass values folded in with Chan's merge.
 * One instance per thread; not re-entrant.
 */
export class ScanKernel {
  private readonly counts = new Uint32Array(SKETCH_SIZE)
  private readonly touched = new Uint16Array(SKETCH_SIZE)
  private nTouched = 0
  private readonly vals = new Float64Array(BLOCK)
  private readonly f32 = new Float32Array(BLOCK)
  private readonly bits = new Uint32Array(this.f32.buffer)
  private readonly scratch = new Uint8Array(BLOCK * 16)
  private readonly exact = new ExactRange64()
  private m: Moments = emptyMoments()
  private nan = 0
  private posInf = 0
  private negInf = 0
  private zeros = 0

  /** Statistics of the elements in `bytes` (a whole number of elements of `fmt`). */
  scan(fmt: ElementFormat, bytes: Uint8Array): ScanPartial {
    this.m = emptyMoments()
    this.nan = this.posInf = this.negInf = this.zeros = 0
    this.exact.reset()
    const n = Math.floor(bytes.length / fmt.size)
    const wide64 = fmt.decoding === 'i64' || fmt.decoding === 'u64'
    for (let first = 0; first < n; first += BLOCK) {
      const cnt = Math.min(BLOCK, n - first)
      const blk = alignedBlock(bytes, first * fmt.size, cnt * fmt.size, fmt.align, this.scratch)
      if (fmt.decoding === 'f32') {
        this.f32Block(new Float32Array(blk.buffer, blk.byteOffset, cnt), new Uint32Array(blk.buffer, blk.byteOffset, cnt), cnt)
      } else {
        this.f64Block(decodeBlock(fmt, blk, cnt, this.vals, wide64 ? this.exact : null), cnt)
      }
    }
    const out: ScanPartial = {
      moments: this.m,
      nan: this.nan,
      posInf: this.posInf,
      negInf: this.negInf,
      zeros: this.zeros,
      elements: n,
      sketch: this.drainSketch(),
    }
    const ex = this.exact.text()
    if (ex) {
      out.exactMin = ex.min
      out.exactMax = ex.max
    }
    return out
  }

  /** Exact bin counts of the finite elements in `bytes` (the second pass, when the sketch cannot give them). */
  histogram(fmt: ElementFormat, bytes: Uint8Array, spec: BinSpec, counts: Float64Array): void {
    const n = Math.floor(bytes.length / fmt.size)
    const edges = spec.edges
    for (let first = 0; first < n; first += BLOCK) {
      const cnt = Math.min(BLOCK, n - first)
      const blk = alignedBlock(bytes, first * fmt.size, cnt * fmt.size, fmt.align, this.scratch)
      const v = decodeBlock(fmt, blk, cnt, this.vals, null)
      for (let i = 0; i < cnt; i++) {
        const x = v[i]
        if (x - x !== 0) continue // NaN or ±Inf
        counts[binIndex(x, spec, edges)]++
      }
    }
  }

  private f32Block(f: Float32Array, u: Uint32Array, n: number): void {
    const counts = this.counts
    const touched = this.touched
    let nt = this.nTouched
    let sum = 0
    let mn = Infinity
    let mx = -Infinity
    let zeros = 0
    let bad = 0
    for (let i = 0; i < n; i++) {
      const b = u[i]
      if ((b & 0x7f800000) === 0x7f800000) {
        bad++
        continue
      }
      const x = f[i]
      sum += x
      if (x < mn) mn = x
      if (x > mx) mx = x
      if (x === 0) zeros++
      const k = b >>> 16
      if (counts[k]++ === 0) touched[nt++] = k
    }
    this.nTouched = nt
    this.zeros += zeros
    const nb = n - bad
    if (nb > 0) {
      const mean = sum / nb
      let m2 = 0
      if (bad === 0) {
        for (let i = 0; i < n; i++) {
          const d = f[i] - mean
          m2 += d * d
        }
      } else {
        for (let i = 0; i < n; i++) {
          const x = f[i]
          if (x - x === 0) m2 += (x - mean) * (x - mean)
        }
      }
      mergeMoments(this.m, { n: nb, mean, m2, min: mn, max: mx })
    }
    if (bad) for (let i = 0; i < n; i++) this.countNonFinite(f[i])
  }

  private f64Block(v: Float64Array, n: number): void {
    const counts = this.counts
    const touched = this.touched
    const u = this.bits
    // float32 rounding of the whole block at once: its bits give the bucket keys
    this.f32.set(n === v.length ? v : v.subarray(0, n))
    let nt = this.nTouched
    let sum = 0
    let mn = Infinity
    let mx = -Infinity
    let zeros = 0
    let bad = 0
    for (let i = 0; i < n; i++) {
      const x = v[i]
      if (x - x !== 0) {
        bad++
        continue
      }
      sum += x
      if (x < mn) mn = x
      if (x > mx) mx = x
      if (x === 0) zeros++
      let b = u[i]
      if ((b & 0x7f800000) === 0x7f800000) b = (b & 0x80000000) | 0x7f7fffff // beyond float32: top bucket
      const k = b >>> 16
      if (counts[k]++ === 0) touched[nt++] = k
    }
    this.nTouched = nt
    this.zeros += zeros
    const nb = n - bad
    if (nb > 0) {
      const mean = sum / nb
      let m2 = 0
      for (let i = 0; i < n; i++) {
        const x = v[i]
        if (x - x === 0) m2 += (x - mean) * (x - mean)
      }
      mergeMoments(this.m, { n: nb, mean, m2, min: mn, max: mx })
    }
    if (bad) for (let i = 0; i < n; i++) this.countNonFinite(v[i])
  }

  private countNonFinite(x: number): void {
    if (x !== x) this.nan++
    else if (x === Infinity) this.posInf++
    else if (x === -Infinity) this.negInf++
  }

  /** The touched buckets as a sparse sketch (keys ascending), leaving the dense counters all zero again. */
  private drainSketch(): SparseSketch {
    const nt = this.nTouched
    const keys = this.touched.slice(0, nt).sort()
    const counts = new Uint32Array(nt)
    for (let i = 0; i < nt; i++) {
      counts[i] = this.counts[keys[i]]
      this.counts[keys[i]] = 0
    }
    this.nTouched = 0
    return { keys, counts }
  }
}
