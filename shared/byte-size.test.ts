import { describe, expect, it } from 'vitest'
import { parseByteSize } from './byte-size'

describe('parseByteSize', () => {
  it('reads plain counts, decimal and binary units the coreutils way', () => {
    expect(parseByteSize('1048576')).toBe(1048576)
    expect(parseByteSize('500MB')).toBe(500_000_000)
    expect(parseByteSize('2GiB')).toBe(2 * 1024 ** 3)
    expect(parseByteSize('2g')).toBe(2 * 1024 ** 3)
    expect(parseByteSize('1.5K')).toBe(1536)
    expect(parseByteSize(' 64 kb ')).toBe(64_000)
    expect(parseByteSize('100B')).toBe(100)
  })

  it('refuses anything else', () => {
    for (const bad of ['', 'MB', '-1', '12XB', '0', '0.1', '1e6', '5 M B', '9999999999TB']) expect(parseByteSize(bad)).toBeNull()
  })
})
