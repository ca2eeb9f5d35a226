import { CheckpointError } from '@shared/errors'
import type { SliceExtent } from '@shared/model'
import { ByteWriter } from '../format/byte-writer'

/**
 * Keys of partitioned-tensor slices, TF's `EncodeTensorNameSlice` (OrderedCode): NumIncreasing(0),
 * String(name), NumIncreasing(rank), then SignedNumIncreasing(start), SignedNumIncreasing(length) per dim.
 * A full dimension is start 0, length -1.
 */
export function encodeSliceKey(name: string, extents: readonly SliceExtent[]): Uint8Array {
  const w = new ByteWriter(name.length + 8 + extents.length * 4)
  numIncreasing(w, 0)
  for (const b of new TextEncoder().encode(name)) {
    if (b === 0x00) w.byte(0x00).byte(0xff)
    else if (b === 0xff) w.byte(0xff).byte(0x00)
    else w.byte(b)
  }
  w.byte(0x00).byte(0x01)
  numIncreasing(w, extents.length)
  for (const e of extents) {
    signedNumIncreasing(w, e.length === -1 ? 0 : e.start)
    signedNumIncreasing(w, e.length)
  }
  return w.finish()
}

export interface DecodedSliceKey {
  name: string
  extents: SliceExtent[]
}

export function decodeSliceKey(key: Uint8Array, file = ''): DecodedSliceKey {
  const bad = (why: string) => new CheckpointError('bad-entry', `Malformed tensor slice key: ${why}`, { file, key: escapeKey(key) })
  let p = 0
  const readNum = (): number => {
    const k = key[p++]
    if (k === undefined || k > 8 || p + k > key.length) throw bad('bad length byte')
    let v = 0
    for (let i = 0; i < k; i++) v = v * 256 + key[p++]
    return v
  }
  if (readNum() !== 0) throw bad('does not start with 0')
  const name: number[] = []
  for (;;) {
    if (p >= key.length) throw bad('unterminated name')
    const b = key[p++]
    if (b === 0x00) {
      const n = key[p++]
      if (n === 0x01) break
      if (n === 0xff) name.push(0)
      else throw bad('bad escape after 0x00')
    } else if (b === 0xff) {
      if (key[p++] !== 0x00) throw bad('bad escape after 0xff')
      name.push(0xff)
    } else name.push(b)
  }
  const rank = readNum()
  const extents: SliceExtent[] = []
  const readSigned = (): number => {
    if (p >= key.length) throw bad('truncated extent')
    const neg = (key[p] & 0x80) === 0
    const mask = neg ? 0xff : 0
    const b0 = key[p] ^ mask
    const b1 = p + 1 < key.length ? key[p + 1] ^ mask : 0
    let len = leadingOnes(b0)
    if (len === 8) len += leadingOnes(b1)
    if (len < 1 || len > 10 || p + len > key.length) throw bad('bad signed number')
    const hdr = HEADER_BITS[len]
    let v = 0n
    for (let i = 0; i < len; i++) {
      let b = key[p + i]
      if (i < 2) b ^= hdr[i]
      v = (v << 8n) | BigInt(b)
    }
    p += len
    v = BigInt.asIntN(len * 8, v)
    return Number(v)
  }
  for (let d = 0; d < rank; d++) {
    const start = readSigned()
    const length = readSigned()
    extents.push({ start: length === -1 ? 0 : start, length })
  }
  if (p !== key.length) throw bad('trailing bytes')
  return { name: new TextDecoder().decode(new Uint8Array(name)), extents }
}

const HEADER_BITS: [number, number][] = [
  [0, 0], [0x80, 0], [0xc0, 0], [0xe0, 0], [0xf0, 0], [0xf8, 0], [0xfc, 0], [0xfe, 0], [0xff, 0], [0xff, 0x80], [0xff, 0xc0],
]

function leadingOnes(b: number): number {
  let n = 0
  while (n < 8 && b & (0x80 >> n)) n++
  return n
}

function numIncreasing(w: ByteWriter, v: number): void {
  const bytes: number[] = []
  while (v > 0) {
    bytes.unshift(v & 0xff)
    v = Math.floor(v / 256)
  }
  w.byte(bytes.length)
  for (const b of bytes) w.byte(b)
}

function signedNumIncreasing(w: ByteWriter, val: number): void {
  const x = val < 0 ? -val - 1 : val // ~val for negatives
  if (x < 64) {
    w.byte((0x80 ^ val) & 0xff)
    return
  }
  const bitLen = x.toString(2).length
  const len = bitLen <= 6 ? 1 : Math.min(10, Math.floor((bitLen - 7) / 7) + 2)
  let v = BigInt.asUintN(80, BigInt(val)) // sign-extended to 10 bytes
  const buf = new Array<number>(10)
  for (let i = 9; i >= 0; i--) {
    buf[i] = Number(v & 0xffn)
    v >>= 8n
  }
  const out = buf.slice(10 - len)
  out[0] ^= HEADER_BITS[len][0]
  out[1] ^= HEADER_BITS[len][1]
  for (const b of out) w.byte(b)
}

/** A binary key as printable text: `\xNN` for non-printable bytes. */
export function escapeKey(key: Uint8Array): string {
  let s = ''
  for (const b of key) s += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`
  return s
}
