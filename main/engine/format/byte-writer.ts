/** Growable little-endian byte buffer for building blocks and protos. */
export class ByteWriter {
  private buf: Uint8Array
  length = 0

  constructor(initial = 1024) {
    this.buf = new Uint8Array(initial)
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return
    let cap = this.buf.length * 2
    while (cap < this.length + extra) cap *= 2
    const next = new Uint8Array(cap)
    next.set(this.buf.subarray(0, this.length))
    this.buf = next
  }

  byte(b: number): this {
    this.ensure(1)
    this.buf[this.length++] = b & 0xff
    return this
  }

  bytes(b: Uint8Array): this {
    this.ensure(b.length)
    this.buf.set(b, this.length)
    this.length += b.length
    return this
  }

  varint(v: number): this {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`varint out of range: ${v}`)
    while (v >= 0x80) {
      this.byte((v % 128) | 0x80)
      v = Math.floor(v / 128)
    }
    return this.byte(v)
  }

  fixed32(v: number): this {
    this.ensure(4)
    const b = this.buf
    b[this.length++] = v & 0xff
    b[this.length++] = (v >>> 8) & 0xff
    b[this.length++] = (v >>> 16) & 0xff
    b[this.length++] = (v >>> 24) & 0xff
    return this
  }

  /** A copy of what was written. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.length)
  }

  reset(): void {
    this.length = 0
  }
}
