import { createRequire } from 'node:module'
import { nativeKernels } from '../native-kernels'

type Crc32c = (data: Uint8Array, previous?: number) => number

/** Our three-stream x86-64 CRC-32C (about 3× @node-rs/crc32's single stream), when it was built. */
const native = nativeKernels.crc32c ?? null

/** @node-rs/crc32, loaded only where our module is missing (every thread would map it for nothing). */
function portable(): Crc32c {
  const f = (createRequire(import.meta.url)('@node-rs/crc32') as typeof import('@node-rs/crc32')).crc32c
  return (data, previous = 0) => f(data, previous) >>> 0
}

/** Which implementation computes CRCs in this process (shown by the benchmark). */
export const CRC32C_IMPLEMENTATION: 'native-3way' | 'node-rs' = native ? 'native-3way' : 'node-rs'

/** CRC-32C (Castagnoli). `extend(crc(A), B) === crc(A‖B)`. */
export const crc32c: Crc32c = native ?? portable()

const MASK_DELTA = 0xa282ead8

/** TF/LevelDB store CRCs masked so a CRC of data that embeds CRCs stays well distributed. */
export function maskCrc(crc: number): number {
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0
}

export function unmaskCrc(masked: number): number {
  const rot = (masked - MASK_DELTA) >>> 0
  return ((rot >>> 17) | (rot << 15)) >>> 0
}
