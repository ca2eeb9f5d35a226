import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CheckpointError } from '@shared/errors'
import { RandomAccessFile } from '../io/random-access-file'
import { fixturePath, HAVE_FIXTURES, loadManifest, SKIP_REASON } from '../test-support/fixtures'
import { crc32c, maskCrc, unmaskCrc } from './crc32c'
import { Table } from './table'
import { shortestSeparator, shortSuccessor, TableBuilder } from './table-builder'

const enc = (s: string) => new TextEncoder().encode(s)
const dec = (b: Uint8Array) => new TextDecoder().decode(b)
const hexBytes = (s: string) => Uint8Array.from(s.trim().split(/\s+/).map((x) => parseInt(x, 16)))

async function readTable(bytes: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'tbl-'))
  const p = join(dir, 't.index')
  writeFileSync(p, bytes)
  const f = await RandomAccessFile.open(p)
  const t = await Table.open(f).catch(async (e) => {
    await f.close()
    throw e
  })
  const out: [string, Uint8Array][] = []
  for await (const e of t.entries()) out.push([dec(e.key), e.value])
  return { table: t, entries: out, close: () => f.close() }
}

describe('crc32c and masking', () => {
  it('matches the standard check value and TF mask rules', () => {
    expect(crc32c(enc('123456789'))).toBe(0xe3069283)
    expect(crc32c(new Uint8Array(0))).toBe(0)
    expect(maskCrc(0)).toBe(0xa282ead8)
    for (const c of [0, 1, 0xdeadbeef, 0xffffffff, 0x12345678]) expect(unmaskCrc(maskCrc(c))).toBe(c >>> 0)
    expect(crc32c(enc('6789'), crc32c(enc('12345')))).toBe(0xe3069283)
  })
})

describe('LevelDB separators', () => {
  it('follows BytewiseComparator', () => {
    expect(dec(shortSuccessor(enc('save_counter/.ATTRIBUTES/VARIABLE_VALUE')))).toBe('t')
    expect(dec(shortestSeparator(enc('abcd'), enc('abzz')))).toBe('abd')
    expect(dec(shortestSeparator(enc('abc'), enc('abcd')))).toBe('abc') // prefix: unchanged
    expect(dec(shortestSeparator(enc('abc'), enc('abd')))).toBe('abc') // c+1 == d: unchanged
    expect([...shortSuccessor(Uint8Array.from([0xff, 0xff]))]).toEqual([0xff, 0xff])
  })
})

describe('TableBuilder', () => {
  it('reproduces the worked example of spec §9.1 byte for byte', async () => {
    const b = new TableBuilder()
    b.add(new Uint8Array(0), hexBytes('08 01 1A 02 08 01'))
    b.add(enc('a'), hexBytes('08 01 12 00 28 04 35 81 A5 DA 2B'))
    b.add(enc('s'), hexBytes('08 07 12 00 20 0C 28 07 35 09 EB 4D 15'))
    b.add(enc('save_counter/.ATTRIBUTES/VARIABLE_VALUE'), hexBytes('08 09 12 00 20 04 28 08 35 01 75 DE 41'))
    const bytes = b.finish()
    expect(bytes.length).toBe(188)
    const expected = hexBytes(`
      00 00 06 08 01 1a 02 08 01 00 01 0b 61 08 01 12 00 28 04 35 81 a5 da 2b 00 01 0d 73 08 07 12 00
      20 0c 28 07 35 09 eb 4d 15 01 26 0d 61 76 65 5f 63 6f 75 6e 74 65 72 2f 2e 41 54 54 52 49 42 55
      54 45 53 2f 56 41 52 49 41 42 4c 45 5f 56 41 4c 55 45 08 09 12 00 20 04 28 08 35 01 75 de 41 00
      00 00 00 01 00 00 00 00 5a 88 74 f5 00 00 00 00 01 00 00 00 00 c0 f2 a1 b0 00 01 02 74 00 67 00
      00 00 00 01 00 00 00 00 82 03 1a ef 6c 08 79 0e 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
      00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 57 fb 80 8b 24 75 47 db`)
    expect([...bytes]).toEqual([...expected])
  })

  it('round-trips 6,000 keys over several blocks, with point lookups', async () => {
    const b = new TableBuilder()
    const keys = Array.from({ length: 6000 }, (_, i) => `layer_${String(i).padStart(5, '0')}/kernel/.ATTRIBUTES/VARIABLE_VALUE`)
    const value = (i: number) => enc(`value-${i}-`.padEnd(40 + (i % 13), 'x'))
    keys.forEach((k, i) => b.add(enc(k), value(i)))
    const { table, entries, close } = await readTable(b.finish())
    expect(table.blocks.length).toBeGreaterThan(1)
    expect(entries.map((e) => e[0])).toEqual(keys)
    entries.forEach(([, v], i) => expect(dec(v)).toBe(dec(value(i))))
    for (const i of [0, 1, 15, 16, 17, 2999, 5999]) expect(dec((await table.get(enc(keys[i])))!)).toBe(dec(value(i)))
    expect(await table.get(enc('layer_00000'))).toBeNull()
    expect(await table.get(enc('zzz'))).toBeNull()
    await close()
  })

  it('refuses keys out of order', () => {
    const b = new TableBuilder()
    b.add(enc('b'), enc('1'))
    expect(() => b.add(enc('a'), enc('2'))).toThrow(/increasing/)
  })
})

describe.skipIf(!HAVE_FIXTURES)('real TF index files', () => {
  const indexes = loadManifest().flatMap((f) =>
    f.checkpoints.filter((c) => c.format.startsWith('TensorBundle')).map((c) => ({ name: f.short_name, index: c.index, snappy: c.snappy_blocks > 0 })),
  )
  it.each(indexes)('$name/$index rebuilds byte-identically from its own entries (unless snappy)', async ({ name, index, snappy }) => {
    const original = readFileSync(fixturePath(name, index))
    const { entries, close } = await readTable(original)
    await close()
    const b = new TableBuilder()
    for (const [k, v] of entries) b.add(enc(k), v)
    const rebuilt = b.finish()
    if (snappy) expect(rebuilt.length).toBeGreaterThan(0) // TF writes uncompressed; a snappy original cannot be matched
    else expect(Buffer.from(rebuilt).equals(original)).toBe(true)
  })
})
if (!HAVE_FIXTURES) console.warn(SKIP_REASON)

describe('corrupt tables', () => {
  const good = () => {
    const b = new TableBuilder()
    for (let i = 0; i < 50; i++) b.add(enc(`k${String(i).padStart(3, '0')}`), enc(`v${i}`))
    return b.finish()
  }
  it('bad magic, short file, flipped block byte give typed errors', async () => {
    const bytes = good()
    const badMagic = bytes.slice()
    badMagic[badMagic.length - 1] ^= 0xff
    await expect(readTable(badMagic)).rejects.toMatchObject({ code: 'bad-magic' })
    await expect(readTable(bytes.slice(0, 20))).rejects.toMatchObject({ code: 'truncated' })
    const flipped = bytes.slice()
    flipped[10] ^= 0x01
    await expect(readTable(flipped)).rejects.toMatchObject({ code: 'block-crc' })
  })
  it('every truncation point gives a CheckpointError, never a crash', async () => {
    const bytes = good()
    for (let i = 0; i < 16; i++) {
      const cut = Math.floor((bytes.length * i) / 16)
      const err = await readTable(bytes.slice(0, cut)).then(() => null, (e) => e)
      expect(err).toBeInstanceOf(CheckpointError)
    }
  })
})
