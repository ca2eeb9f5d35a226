import { compress } from 'snappyjs'
import { describe, expect, it } from 'vitest'
import { snappyUncompress } from './snappy'

describe('snappy blocks', () => {
  it('round-trips, and refuses damage with a typed error instead of a huge allocation', () => {
    const raw = new TextEncoder().encode('model/dense/kernel/.ATTRIBUTES/VARIABLE_VALUE '.repeat(50))
    const packed = compress(raw)
    expect(snappyUncompress(packed, 'x.index', 0)).toEqual(raw)
    // a length prefix claiming ~4 GiB (varint ff ff ff ff 0f) in front of a few bytes
    const lying = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x41])
    expect(() => snappyUncompress(lying, 'x.index', 128)).toThrow(expect.objectContaining({ code: 'corrupt-block', file: 'x.index', offset: 128 }))
    const truncated = packed.subarray(0, packed.length - 5)
    expect(() => snappyUncompress(truncated, 'x.index', 0)).toThrow(expect.objectContaining({ code: 'corrupt-block' }))
  })
})
