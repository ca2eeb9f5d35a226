import { dtypeInfo } from './dtype'

export type DecodedValue = number | string | boolean | [number, number]

const f32 = new Float32Array(1)
const u32 = new Uint32Array(f32.buffer)

export function bfloat16ToNumber(bits: number): number {
  u32[0] = bits << 16
  return f32[0]
}

export function float16ToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1
  const exp = (bits >> 10) & 0x1f
  const frac = bits & 0x3ff
  if (exp === 0) return sign * frac * 2 ** -24
  if (exp === 0x1f) return frac ? NaN : sign * Infinity
  return sign * (1 + frac / 1024) * 2 ** (exp - 15)
}

/**
 * The float8 variants differ in exponent bias and in what encodes NaN/Inf:
 * e5m2 is IEEE-like (Inf and NaN); e4m3fn has no Inf and NaN only at S.1111.111;
 * the `fnuz` variants have no Inf, no negative zero, and NaN only at 0x80.
 */
interface F8Format {
  expBits: number
  bias: number
  ieee: boolean
  fnuz: boolean
}
const F8: Record<number, F8Format> = {
  24: { expBits: 5, bias: 15, ieee: true, fnuz: false }, // e5m2
  25: { expBits: 4, bias: 7, ieee: false, fnuz: false }, // e4m3fn
  26: { expBits: 4, bias: 8, ieee: false, fnuz: true }, // e4m3fnuz
  27: { expBits: 4, bias: 11, ieee: false, fnuz: true }, // e4m3b11fnuz
  28: { expBits: 5, bias: 16, ieee: false, fnuz: true }, // e5m2fnuz
}

export function float8ToNumber(code: number, b: number): number {
  const f = F8[code]
  const manBits = 7 - f.expBits
  const expMax = (1 << f.expBits) - 1
  if (f.fnuz && b === 0x80) return NaN
  const sign = b & 0x80 ? -1 : 1
  const exp = (b >> manBits) & expMax
  const man = b & ((1 << manBits) - 1)
  if (f.ieee && exp === expMax) return man ? NaN : sign * Infinity
  if (!f.ieee && !f.fnuz && exp === expMax && man === (1 << manBits) - 1) return NaN
  if (exp === 0) return sign * man * 2 ** (1 - f.bias - manBits)
  return sign * (1 + man / (1 << manBits)) * 2 ** (exp - f.bias)
}

function int64ToValue(v: bigint): number | string {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString()
}

/**
 * Decodes `count` elements starting at element `first` of a fixed-width tensor's little-endian bytes.
 * `bytes` must hold at least (first + count) elements. Unknown dtypes give hex of each element's bytes.
 */
export function decodeFixed(code: number, bytes: Uint8Array, first: number, count: number): DecodedValue[] {
  const info = dtypeInfo(code)
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out: DecodedValue[] = new Array(count)
  const s = info.size
  for (let i = 0; i < count; i++) {
    const o = (first + i) * s
    switch (info.code) {
      case 1: out[i] = dv.getFloat32(o, true); break
      case 2: out[i] = dv.getFloat64(o, true); break
      case 3: case 13: out[i] = dv.getInt32(o, true); break
      case 4: case 12: out[i] = dv.getUint8(o); break
      case 5: case 15: out[i] = dv.getInt16(o, true); break
      case 6: case 11: out[i] = dv.getInt8(o); break
      case 8: out[i] = [dv.getFloat32(o, true), dv.getFloat32(o + 4, true)]; break
      case 9: out[i] = int64ToValue(dv.getBigInt64(o, true)); break
      case 10: out[i] = dv.getUint8(o) !== 0; break
      case 14: out[i] = bfloat16ToNumber(dv.getUint16(o, true)); break
      case 16: case 17: out[i] = dv.getUint16(o, true); break
      case 18: out[i] = [dv.getFloat64(o, true), dv.getFloat64(o + 8, true)]; break
      case 19: out[i] = float16ToNumber(dv.getUint16(o, true)); break
      case 22: out[i] = dv.getUint32(o, true); break
      case 23: out[i] = int64ToValue(dv.getBigUint64(o, true)); break
      case 24: case 25: case 26: case 27: case 28: out[i] = float8ToNumber(info.code, dv.getUint8(o)); break
      case 29: out[i] = ((dv.getUint8(o) & 0x0f) << 28) >> 28; break // sign-extend the low nibble
      case 30: out[i] = dv.getUint8(o) & 0x0f; break
      case 31: out[i] = ((dv.getUint8(o) & 0x03) << 30) >> 30; break
      case 32: out[i] = dv.getUint8(o) & 0x03; break
      default: out[i] = hex(bytes.subarray(o, o + Math.max(s, 1)))
    }
  }
  return out
}

export function hex(b: Uint8Array): string {
  let s = ''
  for (const x of b) s += x.toString(16).padStart(2, '0')
  return s
}

/** Bytes as text when valid UTF-8 (what a Python user sees after .decode()), else `\xNN` escapes. */
export function bytesToDisplay(b: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b)
  } catch {
    let s = ''
    for (const x of b) s += x >= 0x20 && x < 0x7f && x !== 0x5c ? String.fromCharCode(x) : `\\x${x.toString(16).padStart(2, '0')}`
    return s
  }
}

/** JSON has no NaN/Infinity: they cross the wire as 'nan' | 'inf' | '-inf' (see WireNumber in shared/model). */
export function wireNumber(x: number): number | string {
  if (Number.isFinite(x)) return x
  return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf'
}

export function toWireValue(v: DecodedValue): DecodedValue {
  if (typeof v === 'number') return wireNumber(v)
  if (Array.isArray(v)) return [wireNumber(v[0]), wireNumber(v[1])] as unknown as [number, number]
  return v
}
