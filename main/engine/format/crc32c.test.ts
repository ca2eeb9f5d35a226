import { crc32c as portable } from '@node-rs/crc32'
import { describe, expect, it } from 'vitest'
import { rng } from '../stats/test-support/reference'
import { crc32c, CRC32C_IMPLEMENTATION } from './crc32c'

const native = CRC32C_IMPLEMENTATION === 'native-3way'
if (!native) console.warn('crc32c tests: the native three-stream CRC is not built here (scripts/build-native.mjs); only the portable one is checked')

describe('CRC-32C implementations', () => {
  it('the known check value, and chaining', () => {
    const enc = (s: string) => new TextEncoder().encode(s)
    expect(crc32c(enc('123456789'))).toBe(0xe3069283)
    expect(crc32c(enc('56789'), crc32c(enc('1234')))).toBe(0xe3069283)
  })

  it.skipIf(!native)('three streams joined give the single-stream CRC at every length around the round size, any offset, any seed', () => {
    const r = rng(11)
    const big = Uint8Array.from({ length: (1 << 20) + 64 }, () => Math.floor(r() * 256))
    const round = 3 * 4096
    const lengths = [0, 1, 7, 8, 9, round - 1, round, round + 1, 2 * round + 8, 5 * round + 13, 1 << 20]
    for (const n of lengths) {
      for (const offset of [0, 1, 3, 5]) {
        const data = big.subarray(offset, offset + n)
        for (const seed of [0, 0xffffffff, 0x12345678, 0xe3069283]) expect(crc32c(data, seed)).toBe(portable(data, seed) >>> 0)
      }
    }
  })

  it.skipIf(!native)('refuses what is not a Uint8Array with a TypeError instead of reading stray memory', () => {
    expect(() => crc32c(new Uint16Array(4) as unknown as Uint8Array)).toThrow(TypeError)
    expect(() => crc32c('abc' as unknown as Uint8Array)).toThrow(TypeError)
  })
})
