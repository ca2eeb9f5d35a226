/**
 * Test-only helpers (not used by the app): a small, independent SSTable walker so the proto tests can read real
 * entry bytes without depending on the engine's table reader, Fixture locations come from ../test-support/fixtures.
 */
import { readFileSync } from 'node:fs'
import { uncompress } from 'snappyjs'

export { FIXTURES_DIR, HAVE_FIXTURES } from '../test-support/fixtures'

export interface TableEntry {
  key: Uint8Array
  value: Uint8Array
}

export interface WalkedTable {
  entries: TableEntry[]
  dataBlocks: number
  snappyBlocks: number
  /** Index-block keys (separators), in order. */
  indexKeys: Uint8Array[]
}

function varint(b: Uint8Array, p: number): [number, number] {
  let v = 0
  let scale = 1
  for (;;) {
    const c = b[p++]
    if (c === undefined) throw new Error('truncated varint')
    v += (c & 0x7f) * scale
    if (c < 0x80) return [v, p]
    scale *= 128
  }
}

function blockEntries(block: Uint8Array): TableEntry[] {
  const dv = new DataView(block.buffer, block.byteOffset, block.byteLength)
  const numRestarts = dv.getUint32(block.length - 4, true)
  const limit = block.length - 4 * (1 + numRestarts)
  const out: TableEntry[] = []
  let prev = new Uint8Array(0)
  let p = 0
  while (p < limit) {
    let shared: number, nonShared: number, valueLen: number
    ;[shared, p] = varint(block, p)
    ;[nonShared, p] = varint(block, p)
    ;[valueLen, p] = varint(block, p)
    const key = new Uint8Array(shared + nonShared)
    key.set(prev.subarray(0, shared))
    key.set(block.subarray(p, p + nonShared), shared)
    p += nonShared
    out.push({ key, value: block.subarray(p, p + valueLen) })
    p += valueLen
    prev = key
  }
  return out
}

/** Footer → index block → every data block (snappy blocks decompressed). No CRC checks: the fixtures are known good. */
export function walkTable(file: Uint8Array): WalkedTable {
  const footer = file.subarray(file.length - 48)
  let p = 0
  ;[, p] = varint(footer, p) // metaindex offset
  ;[, p] = varint(footer, p) // metaindex size
  let indexOffset: number, indexSize: number
  ;[indexOffset, p] = varint(footer, p)
  ;[indexSize, p] = varint(footer, p)
  const readBlock = (offset: number, size: number): { data: Uint8Array; snappy: boolean } => {
    const type = file[offset + size]
    const stored = file.subarray(offset, offset + size)
    if (type === 0) return { data: stored, snappy: false }
    if (type === 1) return { data: new Uint8Array(uncompress(stored)), snappy: true }
    throw new Error(`bad block type ${type}`)
  }
  const index = readBlock(indexOffset, indexSize).data
  const result: WalkedTable = { entries: [], dataBlocks: 0, snappyBlocks: 0, indexKeys: [] }
  for (const ie of blockEntries(index)) {
    const [offset, q] = varint(ie.value, 0)
    const [size] = varint(ie.value, q)
    const block = readBlock(offset, size)
    result.dataBlocks++
    if (block.snappy) result.snappyBlocks++
    result.indexKeys.push(ie.key)
    result.entries.push(...blockEntries(block.data))
  }
  return result
}

export function readTable(path: string): WalkedTable {
  return walkTable(new Uint8Array(readFileSync(path)))
}

export const keyText = (k: Uint8Array): string => new TextDecoder().decode(k)

export function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ')
}

export function fromHex(s: string): Uint8Array {
  const parts = s.trim().split(/\s+/).filter(Boolean)
  return Uint8Array.from(parts, (x) => parseInt(x, 16))
}

export { readManifest, type ManifestCheckpoint, type ManifestFixture, type ManifestKey } from '../test-support/fixtures'
