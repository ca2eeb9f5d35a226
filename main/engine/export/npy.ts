import { dtypeInfo } from '../dtypes/dtype'
import { float8ToNumber } from '../dtypes/decode'

/**
 * bfloat16 and the float8 types have no numpy dtype (outside the ml_dtypes package). 'float32' (the default)
 * widens them to `<f4`, which is exact; 'raw' keeps their bits as `<u2` / `|u1`.
 */
export type NarrowFloatMode = 'float32' | 'raw'

export interface NpyLayout {
  /** numpy's dtype.str, e.g. `<f4`, `|b1`, `|S12`. */
  descr: string
  /** Bytes per element in the .npy data. */
  itemSize: number
  /** Turns the checkpoint's element bytes into numpy's (bytes per input element given). */
  convert?: { inSize: number; fn: (src: Uint8Array) => Uint8Array }
  /** Said in the result when the stored form differs from the checkpoint's. */
  note?: string
}

const PLAIN: Record<number, string> = {
  1: '<f4', 2: '<f8', 3: '<i4', 4: '|u1', 5: '<i2', 6: '|i1', 8: '<c8', 9: '<i8', 10: '|b1',
  17: '<u2', 18: '<c16', 19: '<f2', 22: '<u4', 23: '<u8',
}
/** Quantized types keep their integer representation; numpy has no quantization parameters. */
const QUANTIZED: Record<number, string> = { 11: '|i1', 12: '|u1', 13: '<i4', 15: '<i2', 16: '<u2' }

/** How a fixed-width TF dtype is stored in a .npy, or a reason it cannot be. Strings are handled apart. */
export function npyLayout(dtype: number, narrow: NarrowFloatMode = 'float32'): NpyLayout | { skip: string } {
  const info = dtypeInfo(dtype)
  const code = info.code
  if (PLAIN[code]) return { descr: PLAIN[code], itemSize: info.size }
  if (QUANTIZED[code]) return { descr: QUANTIZED[code], itemSize: info.size, note: `${info.name} stored as its integer representation (${QUANTIZED[code]})` }
  if (code === 14) {
    if (narrow === 'raw') return { descr: '<u2', itemSize: 2, note: 'bfloat16 stored as raw bits (<u2); view with ml_dtypes.bfloat16' }
    return { descr: '<f4', itemSize: 4, convert: { inSize: 2, fn: bfloat16ToFloat32 }, note: 'bfloat16 widened to float32 (exact)' }
  }
  if (code >= 24 && code <= 28) {
    if (narrow === 'raw') return { descr: '|u1', itemSize: 1, note: `${info.name} stored as raw bits (|u1); view with ml_dtypes` }
    return { descr: '<f4', itemSize: 4, convert: { inSize: 1, fn: (src) => float8ToFloat32(code, src) }, note: `${info.name} widened to float32 (exact)` }
  }
  if (code === 29 || code === 31) {
    const bits = code === 29 ? 4 : 2
    return { descr: '|i1', itemSize: 1, convert: { inSize: 1, fn: (src) => signExtend(src, bits) }, note: `${info.name} stored as int8` }
  }
  if (code === 30 || code === 32) {
    const mask = code === 30 ? 0x0f : 0x03
    return { descr: '|u1', itemSize: 1, convert: { inSize: 1, fn: (src) => src.map((b) => b & mask) }, note: `${info.name} stored as uint8` }
  }
  return { skip: `${info.name} tensors have no numpy representation` }
}

/**
 * A .npy v1.0 header laid out as numpy's format.py writes it: the dict repr with sorted keys and a trailing
 * `, `, spare spaces for growing the first axis, then padding so the data starts at a multiple of 64.
 */
export function npyHeader(descr: string, shape: readonly number[]): Uint8Array {
  const shapeRepr = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`
  let dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeRepr}, }`
  if (shape.length > 0) dict += ' '.repeat(Math.max(0, 21 - String(shape[0]).length))
  const preamble = 10
  const hlen = dict.length + 1
  // numpy pads with a full 64 bytes when the header is already aligned; kept for identical output.
  const padlen = 64 - ((preamble + hlen) % 64)
  const total = hlen + padlen
  const out = new Uint8Array(preamble + total)
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, total & 0xff, total >> 8])
  out.set(new TextEncoder().encode(dict + ' '.repeat(padlen) + '\n'), preamble)
  return out
}

/** `|S<n>`: every element NUL-padded to the longest (at least 1, as numpy does for empty bytes). */
export function npyStringLayout(elements: readonly Uint8Array[]): { descr: string; itemSize: number; note?: string } {
  const itemSize = elements.reduce((m, e) => Math.max(m, e.length), 1)
  const lossy = elements.some((e) => e.length > 0 && e[e.length - 1] === 0)
  return { descr: `|S${itemSize}`, itemSize, note: lossy ? 'some strings end in NUL bytes, which numpy strips from |S values on read' : undefined }
}

export function packStrings(elements: readonly Uint8Array[], itemSize: number): Uint8Array {
  const out = new Uint8Array(elements.length * itemSize)
  elements.forEach((e, i) => out.set(e, i * itemSize))
  return out
}

/** Applies a per-element conversion to a chunk stream whose chunks may split elements. */
export async function* convertChunks(chunks: AsyncIterable<Uint8Array>, convert: NpyLayout['convert']): AsyncGenerator<Uint8Array> {
  if (!convert) {
    yield* chunks
    return
  }
  let carry = new Uint8Array(0)
  for await (const c of chunks) {
    const buf = carry.length ? concat2(carry, c) : c
    const whole = buf.length - (buf.length % convert.inSize)
    if (whole > 0) yield convert.fn(buf.subarray(0, whole))
    carry = buf.slice(whole)
  }
}

function bfloat16ToFloat32(src: Uint8Array): Uint8Array {
  const n = src.length >> 1
  const out = new Uint8Array(n * 4)
  for (let i = 0; i < n; i++) {
    // The bfloat16 bits are the high half of the float32.
    out[i * 4 + 2] = src[i * 2]
    out[i * 4 + 3] = src[i * 2 + 1]
  }
  return out
}

function float8ToFloat32(code: number, src: Uint8Array): Uint8Array {
  const f = new Float32Array(src.length)
  for (let i = 0; i < src.length; i++) f[i] = float8ToNumber(code, src[i])
  return new Uint8Array(f.buffer)
}

function signExtend(src: Uint8Array, bits: number): Uint8Array {
  const shift = 32 - bits
  return Uint8Array.from(src, (b) => ((b << shift) >> shift) & 0xff)
}

function concat2(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}
