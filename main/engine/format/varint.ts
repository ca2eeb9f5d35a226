import { CheckpointError } from '@shared/errors'

/** Where a decode happens, so a bad byte is reported with its file and absolute offset. */
export interface ByteSource {
  file: string
  /** Absolute file offset of byte 0 of the buffer being decoded. */
  base: number
}

/**
 * Decodes a base-128 varint of up to 64 bits. Values above 2^53 cannot be exact in a JS number; TF never
 * stores such offsets or sizes, so they are refused instead of silently rounded.
 */
export function readVarint(buf: Uint8Array, pos: number, src: ByteSource): [value: number, next: number] {
  let result = 0
  let mul = 1
  for (let i = 0; i < 10; i++) {
    if (pos + i >= buf.length) {
      throw new CheckpointError('bad-varint', 'Varint runs past the end of its block', { file: src.file, offset: src.base + pos })
    }
    const b = buf[pos + i]
    result += (b & 0x7f) * mul
    if ((b & 0x80) === 0) {
      if (result > Number.MAX_SAFE_INTEGER) {
        throw new CheckpointError('bad-varint', 'Varint exceeds 2^53', { file: src.file, offset: src.base + pos })
      }
      return [result, pos + i + 1]
    }
    mul *= 128
  }
  throw new CheckpointError('bad-varint', 'Varint longer than 10 bytes', { file: src.file, offset: src.base + pos })
}



export function readFixed32(buf: Uint8Array, pos: number): number {
  return (buf[pos] | (buf[pos + 1] << 8) | (buf[pos + 2] << 16) | (buf[pos + 3] << 24)) >>> 0
}
