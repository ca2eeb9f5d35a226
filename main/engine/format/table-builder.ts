import { compareBytes } from './block'
import { ByteWriter } from './byte-writer'
import { crc32c, maskCrc } from './crc32c'
import { TABLE_MAGIC_HI, TABLE_MAGIC_LO, type BlockHandle } from './table'

/** TF's BundleWriter options: 256 KiB blocks, restart every 16 keys, no compression (spec §2.5). */
export const TF_TABLE_OPTIONS = { blockSize: 262144, restartInterval: 16 }

class BlockBuilder {
  private readonly out = new ByteWriter(4096)
  private restarts: number[] = [0]
  private counter = 0
  private lastKey: Uint8Array = new Uint8Array(0)
  entries = 0

  constructor(private readonly restartInterval: number) {}

  add(key: Uint8Array, value: Uint8Array): void {
    let shared = 0
    if (this.counter < this.restartInterval) {
      const n = Math.min(this.lastKey.length, key.length)
      while (shared < n && this.lastKey[shared] === key[shared]) shared++
    } else {
      this.restarts.push(this.out.length)
      this.counter = 0
    }
    this.out.varint(shared).varint(key.length - shared).varint(value.length)
    this.out.bytes(key.subarray(shared)).bytes(value)
    this.lastKey = key
    this.counter++
    this.entries++
  }

  sizeEstimate(): number {
    return this.out.length + 4 * this.restarts.length + 4
  }

  finish(): Uint8Array {
    for (const r of this.restarts) this.out.fixed32(r)
    this.out.fixed32(this.restarts.length)
    const data = this.out.finish()
    this.out.reset()
    this.restarts = [0]
    this.counter = 0
    this.lastKey = new Uint8Array(0)
    this.entries = 0
    return data
  }
}

/**
 * Builds a LevelDB table exactly as TF's TableBuilder lays it out, so a rewrite of a TF index is byte-identical.
 * Keys must be added in strictly increasing bytewise order.
 */
export class TableBuilder {
  private readonly chunks: Uint8Array[] = []
  private offset = 0
  private readonly data: BlockBuilder
  private readonly index = new BlockBuilder(1)
  private lastKey: Uint8Array | null = null
  private pending: BlockHandle | null = null
  private readonly blockSize: number

  constructor(opts = TF_TABLE_OPTIONS) {
    this.blockSize = opts.blockSize
    this.data = new BlockBuilder(opts.restartInterval)
  }

  add(key: Uint8Array, value: Uint8Array): void {
    if (this.lastKey && compareBytes(key, this.lastKey) <= 0) {
      throw new RangeError('Table keys must be added in strictly increasing order')
    }
    if (this.lastKey && key.length + value.length >= 2 * this.blockSize) this.flush()
    if (this.pending) {
      this.index.add(shortestSeparator(this.lastKey!, key), encodeHandle(this.pending))
      this.pending = null
    }
    this.data.add(key, value)
    this.lastKey = key
    if (this.data.sizeEstimate() >= this.blockSize) this.flush()
  }

  /** The complete table file. */
  finish(): Uint8Array {
    this.flush()
    const metaindex = this.writeBlock(new BlockBuilder(1).finish())
    if (this.pending) {
      this.index.add(shortSuccessor(this.lastKey!), encodeHandle(this.pending))
      this.pending = null
    }
    const indexHandle = this.writeBlock(this.index.finish())
    const footer = new ByteWriter(48)
    footer.varint(metaindex.offset).varint(metaindex.size).varint(indexHandle.offset).varint(indexHandle.size)
    while (footer.length < 40) footer.byte(0)
    footer.fixed32(TABLE_MAGIC_LO).fixed32(TABLE_MAGIC_HI)
    this.push(footer.finish())
    const out = new Uint8Array(this.offset)
    let p = 0
    for (const c of this.chunks) {
      out.set(c, p)
      p += c.length
    }
    return out
  }

  private flush(): void {
    if (this.data.entries === 0) return
    this.pending = this.writeBlock(this.data.finish())
  }

  private writeBlock(contents: Uint8Array): BlockHandle {
    const handle = { offset: this.offset, size: contents.length }
    const trailer = new Uint8Array(5)
    trailer[0] = 0 // kNoCompression: TF never compresses bundle indexes
    const crc = maskCrc(crc32c(trailer.subarray(0, 1), crc32c(contents)))
    new DataView(trailer.buffer).setUint32(1, crc, true)
    this.push(contents)
    this.push(trailer)
    return handle
  }

  private push(b: Uint8Array): void {
    this.chunks.push(b)
    this.offset += b.length
  }
}

function encodeHandle(h: BlockHandle): Uint8Array {
  return new ByteWriter(20).varint(h.offset).varint(h.size).finish()
}

/** LevelDB BytewiseComparator::FindShortestSeparator. */
export function shortestSeparator(start: Uint8Array, limit: Uint8Array): Uint8Array {
  const n = Math.min(start.length, limit.length)
  let i = 0
  while (i < n && start[i] === limit[i]) i++
  if (i >= n) return start
  const b = start[i]
  if (b < 0xff && b + 1 < limit[i]) {
    const out = start.slice(0, i + 1)
    out[i] = b + 1
    return out
  }
  return start
}

/** LevelDB BytewiseComparator::FindShortSuccessor. */
export function shortSuccessor(key: Uint8Array): Uint8Array {
  for (let i = 0; i < key.length; i++) {
    if (key[i] !== 0xff) {
      const out = key.slice(0, i + 1)
      out[i] = key[i] + 1
      return out
    }
  }
  return key
}
