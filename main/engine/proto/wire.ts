/**
 * Minimal protobuf wire-format reader/writer. protobufjs handles most messages; these cover what it cannot do
 * exactly: TF's byte-identical serialization (encoders) and 64-bit tensor values (decoded as BigInt, not lossy numbers).
 */

import { ByteWriter } from '../format/byte-writer'

export const WIRE_VARINT = 0
export const WIRE_FIXED64 = 1
export const WIRE_LEN = 2
export const WIRE_FIXED32 = 5

/** Thrown by ProtoReader; callers turn it into a CheckpointError with file/key context. */
export class WireError extends Error {}

const textEncoder = new TextEncoder()
const textDecoder = new TextDecoder('utf-8')

export function utf8Encode(s: string): Uint8Array {
  return textEncoder.encode(s)
}

export function utf8Decode(b: Uint8Array): string {
  return textDecoder.decode(b)
}

/** ByteWriter plus protobuf framing (tags, length-delimited fields, negative varints). */
export class ProtoWriter extends ByteWriter {
  constructor(initialSize = 64) {
    super(initialSize)
  }

  /** Any safe integer; negatives take 10 bytes (two's complement), as protobuf int32/int64 do. */
  override varint(n: number): this {
    if (!Number.isSafeInteger(n)) throw new RangeError(`varint: ${n} is not a safe integer`)
    if (n < 0) return this.varintBig(BigInt.asUintN(64, BigInt(n)))
    return super.varint(n)
  }

  varintBig(n: bigint): this {
    let v = BigInt.asUintN(64, n)
    while (v >= 0x80n) {
      this.byte(Number(v & 0x7fn) | 0x80)
      v >>= 7n
    }
    return this.byte(Number(v))
  }

  tag(field: number, wireType: number): this {
    return this.varint(field * 8 + wireType)
  }

  raw(b: Uint8Array): this {
    return this.bytes(b)
  }

  /** Length-delimited payload (bytes, string or an already encoded sub-message). */
  lenDelimited(field: number, payload: Uint8Array): this {
    return this.tag(field, WIRE_LEN).varint(payload.length).raw(payload)
  }

  string(field: number, s: string): this {
    return this.lenDelimited(field, utf8Encode(s))
  }
}

export class ProtoReader {
  pos: number
  readonly end: number

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
  ) {
    this.pos = start
    this.end = end
  }

  eof(): boolean {
    return this.pos >= this.end
  }

  private byte(): number {
    if (this.pos >= this.end) throw new WireError('truncated varint')
    return this.buf[this.pos++]
  }

  /** Unsigned varint as a number; exact up to 2^53 (used for tags and lengths). */
  varint(): number {
    let result = 0
    let scale = 1
    for (let i = 0; i < 10; i++) {
      const b = this.byte()
      result += (b & 0x7f) * scale
      if (b < 0x80) return result
      scale *= 0x80
    }
    throw new WireError('varint longer than 10 bytes')
  }

  /** Full 64-bit varint, as an unsigned BigInt. */
  varintBig(): bigint {
    let result = 0n
    let shift = 0n
    for (let i = 0; i < 10; i++) {
      const b = this.byte()
      result |= BigInt(b & 0x7f) << shift
      if (b < 0x80) return BigInt.asUintN(64, result)
      shift += 7n
    }
    throw new WireError('varint longer than 10 bytes')
  }

  /** Low 32 bits of a varint as a signed int (protobuf int32 semantics). */
  varint32(): number {
    let result = 0
    for (let i = 0; i < 10; i++) {
      const b = this.byte()
      if (i < 5) result |= (b & 0x7f) << (7 * i)
      if (b < 0x80) return result | 0
    }
    throw new WireError('varint longer than 10 bytes')
  }

  tag(): { field: number; wireType: number } {
    const t = this.varint()
    const field = Math.floor(t / 8)
    if (field === 0) throw new WireError('field number 0')
    return { field, wireType: t % 8 }
  }

  take(n: number): Uint8Array {
    if (n > this.end - this.pos) throw new WireError(`length ${n} runs past the end of the message`)
    const out = this.buf.subarray(this.pos, this.pos + n)
    this.pos += n
    return out
  }

  lenDelimited(): Uint8Array {
    return this.take(this.varint())
  }

  skip(wireType: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        this.varintBig()
        return
      case WIRE_FIXED64:
        this.take(8)
        return
      case WIRE_LEN:
        this.lenDelimited()
        return
      case WIRE_FIXED32:
        this.take(4)
        return
      default:
        // Groups (3/4) are proto2-only and never used by TF's protos.
        throw new WireError(`unsupported wire type ${wireType}`)
    }
  }
}
