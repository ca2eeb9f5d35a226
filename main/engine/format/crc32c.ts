import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

type Crc32c = (data: Uint8Array, previous?: number) => number

/** Where scripts/build-native.mjs leaves the module, relative to the project (or packaged app) root. */
const NATIVE = 'main/native/crc32c/build/Release/crc32c_hw.node'

/**
 * Our three-stream x86-64 CRC-32C (about 3× @node-rs/crc32's single stream), when it was built and this CPU
 * has SSE4.2. Found by walking up from this file: it runs from the sources, from out/main and its chunks, and
 * from a packaged app. CKPT_PORTABLE_CRC=1 turns it off (tests compare the two).
 */
function loadNative(): Crc32c | null {
  if (process.env.CKPT_PORTABLE_CRC === '1') return null
  try {
    let dir = dirname(fileURLToPath(import.meta.url))
    for (let up = 0; up < 6; up++, dir = dirname(dir)) {
      const file = join(dir, NATIVE)
      if (existsSync(file)) return (createRequire(import.meta.url)(file) as { crc32c?: Crc32c }).crc32c ?? null
    }
  } catch {
    // a module built for another platform or Node ABI: the portable one does the same
  }
  return null
}

const native = loadNative()

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
