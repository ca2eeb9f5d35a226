import { crc32c as nativeCrc32c } from '@node-rs/crc32'

/** CRC-32C (Castagnoli). `extend(crc(A), B) === crc(A‖B)`. */
export function crc32c(data: Uint8Array, previous = 0): number {
  return nativeCrc32c(data, previous) >>> 0
}

const MASK_DELTA = 0xa282ead8

/** TF/LevelDB store CRCs masked so a CRC of data that embeds CRCs stays well distributed. */
export function maskCrc(crc: number): number {
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0
}

export function unmaskCrc(masked: number): number {
  const rot = (masked - MASK_DELTA) >>> 0
  return ((rot >>> 17) | (rot << 15)) >>> 0
}
