import { open, type FileHandle } from 'node:fs/promises'
import { crc32 } from 'node:zlib'

/** 32-bit zip fields saturate here; past it the ZIP64 extensions carry the real value. */
const ZIP32_LIMIT = 0xffffffff

interface CentralEntry {
  name: Uint8Array
  utf8: boolean
  crc: number
  size: number
  offset: number
  zip64: boolean
}

export interface ZipWriterOptions {
  /** Modification time written for every entry (DOS format, local time, like Python's zipfile). */
  mtime?: Date
  /** Sizes/offsets at or above this use ZIP64 records (lowered in tests to exercise them). */
  zip64Threshold?: number
}

/**
 * A zip file of stored (uncompressed) entries, what `numpy.savez` writes: each entry's bytes are streamed once,
 * its CRC-32 computed on the way and patched into the local header afterwards, so sizes must be known up front
 * but data is never held in memory. ZIP64 records are used for entries or offsets past 4 GiB.
 */
export class ZipWriter {
  private readonly entries: CentralEntry[] = []
  private pos = 0
  private readonly threshold: number
  private readonly dosTime: number
  private readonly dosDate: number

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    opts: ZipWriterOptions,
  ) {
    this.threshold = Math.min(opts.zip64Threshold ?? ZIP32_LIMIT, ZIP32_LIMIT)
    const t = opts.mtime ?? new Date()
    this.dosTime = (t.getHours() << 11) | (t.getMinutes() << 5) | (t.getSeconds() >> 1)
    this.dosDate = ((Math.max(1980, t.getFullYear()) - 1980) << 9) | ((t.getMonth() + 1) << 5) | t.getDate()
  }

  static async create(path: string, opts: ZipWriterOptions = {}): Promise<ZipWriter> {
    return new ZipWriter(path, await open(path, 'wx'), opts)
  }

  /** Streams one entry of exactly `size` bytes; returns its CRC-32. */
  async add(name: string, size: number, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<number> {
    const nameBytes = new TextEncoder().encode(name)
    const utf8 = /[^\x20-\x7e]/.test(name)
    const offset = this.pos
    const zip64 = size >= this.threshold || offset >= this.threshold
    const extra = zip64 ? new Field(20).u16(0x0001).u16(16).u64(size).u64(size).bytes : new Uint8Array(0)
    const header = new Field(30 + nameBytes.length + extra.length)
      .u32(0x04034b50)
      .u16(zip64 ? 45 : 20)
      .u16(utf8 ? 0x0800 : 0)
      .u16(0) // stored
      .u16(this.dosTime)
      .u16(this.dosDate)
      .u32(0) // CRC-32, patched below
      .u32(zip64 ? ZIP32_LIMIT : size)
      .u32(zip64 ? ZIP32_LIMIT : size)
      .u16(nameBytes.length)
      .u16(extra.length)
      .raw(nameBytes)
      .raw(extra).bytes
    await this.write(header)
    let crc = 0
    let written = 0
    for await (const c of chunks) {
      crc = crc32(c, crc)
      written += c.length
      await this.write(c)
    }
    if (written !== size) throw new Error(`zip entry ${name}: ${written} bytes written, ${size} announced`)
    await this.handle.write(new Field(4).u32(crc).bytes, 0, 4, offset + 14)
    this.entries.push({ name: nameBytes, utf8, crc, size, offset, zip64 })
    return crc
  }

  /** Central directory and end records; the file is complete and synced when this returns. */
  async finish(): Promise<void> {
    const cdStart = this.pos
    for (const e of this.entries) {
      const extra = e.zip64 ? new Field(28).u16(0x0001).u16(24).u64(e.size).u64(e.size).u64(e.offset).bytes : new Uint8Array(0)
      await this.write(
        new Field(46 + e.name.length + extra.length)
          .u32(0x02014b50)
          .u16((3 << 8) | (e.zip64 ? 45 : 20)) // made by: Unix
          .u16(e.zip64 ? 45 : 20)
          .u16(e.utf8 ? 0x0800 : 0)
          .u16(0)
          .u16(this.dosTime)
          .u16(this.dosDate)
          .u32(e.crc)
          .u32(e.zip64 ? ZIP32_LIMIT : e.size)
          .u32(e.zip64 ? ZIP32_LIMIT : e.size)
          .u16(e.name.length)
          .u16(extra.length)
          .u16(0) // comment
          .u16(0) // disk
          .u16(0) // internal attributes
          .u32((0o100644 << 16) >>> 0) // external: regular file, rw-r--r--
          .u32(e.zip64 ? ZIP32_LIMIT : e.offset)
          .raw(e.name)
          .raw(extra).bytes,
      )
    }
    const cdSize = this.pos - cdStart
    const count = this.entries.length
    const needs64 = count >= 0xffff || cdStart >= this.threshold || cdSize >= this.threshold || this.entries.some((e) => e.zip64)
    if (needs64) {
      const recordAt = this.pos
      await this.write(new Field(56).u32(0x06064b50).u64(44).u16((3 << 8) | 45).u16(45).u32(0).u32(0).u64(count).u64(count).u64(cdSize).u64(cdStart).bytes)
      await this.write(new Field(20).u32(0x07064b50).u32(0).u64(recordAt).u32(1).bytes)
    }
    await this.write(
      new Field(22)
        .u32(0x06054b50)
        .u16(0)
        .u16(0)
        .u16(needs64 ? 0xffff : count)
        .u16(needs64 ? 0xffff : count)
        .u32(needs64 ? ZIP32_LIMIT : cdSize)
        .u32(needs64 ? ZIP32_LIMIT : cdStart)
        .u16(0).bytes,
    )
    await this.handle.sync()
    await this.handle.close()
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined)
  }

  private async write(b: Uint8Array): Promise<void> {
    await this.handle.write(b, 0, b.length, this.pos)
    this.pos += b.length
  }
}

/** Little-endian record builder of a known size. */
class Field {
  readonly bytes: Uint8Array
  private readonly view: DataView
  private p = 0

  constructor(size: number) {
    this.bytes = new Uint8Array(size)
    this.view = new DataView(this.bytes.buffer)
  }

  u16(v: number): this {
    this.view.setUint16(this.p, v, true)
    this.p += 2
    return this
  }

  u32(v: number): this {
    this.view.setUint32(this.p, v >>> 0, true)
    this.p += 4
    return this
  }

  u64(v: number): this {
    this.view.setBigUint64(this.p, BigInt(v), true)
    this.p += 8
    return this
  }

  raw(b: Uint8Array): this {
    this.bytes.set(b, this.p)
    this.p += b.length
    return this
  }
}

/**
 * Reads a written zip back: the end records, every central-directory entry, its local header, and the CRC-32 of
 * its data recomputed from disk. Returns the entry names in order; throws on any mismatch.
 */
export async function verifyZip(path: string, onBytes?: (n: number) => void, signal?: AbortSignal): Promise<string[]> {
  const h = await open(path, 'r')
  try {
    const size = (await h.stat()).size
    const read = async (pos: number, n: number): Promise<DataView> => {
      const b = Buffer.alloc(n)
      const { bytesRead } = await h.read(b, 0, n, pos)
      if (bytesRead !== n) throw new Error(`zip ends early at ${pos}`)
      return new DataView(b.buffer, b.byteOffset, n)
    }
    const eocd = await read(size - 22, 22)
    if (eocd.getUint32(0, true) !== 0x06054b50) throw new Error('no end-of-central-directory record')
    let count = eocd.getUint16(10, true)
    let cdStart = eocd.getUint32(16, true)
    if (count === 0xffff || cdStart === ZIP32_LIMIT) {
      const loc = await read(size - 42, 20)
      if (loc.getUint32(0, true) !== 0x07064b50) throw new Error('no ZIP64 locator')
      const rec = await read(Number(loc.getBigUint64(8, true)), 56)
      if (rec.getUint32(0, true) !== 0x06064b50) throw new Error('no ZIP64 end record')
      count = Number(rec.getBigUint64(32, true))
      cdStart = Number(rec.getBigUint64(48, true))
    }
    const names: string[] = []
    let p = cdStart
    const buf = Buffer.alloc(8 << 20)
    for (let i = 0; i < count; i++) {
      const cd = await read(p, 46)
      if (cd.getUint32(0, true) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`)
      const nameLen = cd.getUint16(28, true)
      const extraLen = cd.getUint16(30, true)
      const commentLen = cd.getUint16(32, true)
      const crc = cd.getUint32(16, true)
      let dataSize = cd.getUint32(24, true)
      let offset = cd.getUint32(42, true)
      const nameView = await read(p + 46, nameLen + extraLen)
      const name = new TextDecoder().decode(new Uint8Array(nameView.buffer, nameView.byteOffset, nameLen))
      if (dataSize === ZIP32_LIMIT || offset === ZIP32_LIMIT) {
        // Our ZIP64 extra always carries all three fields.
        dataSize = Number(nameView.getBigUint64(nameLen + 4, true))
        offset = Number(nameView.getBigUint64(nameLen + 20, true))
      }
      const local = await read(offset, 30)
      if (local.getUint32(0, true) !== 0x04034b50) throw new Error(`bad local header for ${name}`)
      let pos = offset + 30 + local.getUint16(26, true) + local.getUint16(28, true)
      let c = 0
      for (let left = dataSize; left > 0; ) {
        if (signal?.aborted) throw new Error('cancelled')
        const n = Math.min(buf.length, left)
        const { bytesRead } = await h.read(buf, 0, n, pos)
        if (bytesRead !== n) throw new Error(`${name}: data ends early`)
        c = crc32(buf.subarray(0, n), c)
        pos += n
        left -= n
        onBytes?.(n)
      }
      if (c !== crc) throw new Error(`${name}: CRC-32 does not match`)
      names.push(name)
      p += 46 + nameLen + extraLen + commentLen
    }
    return names
  } finally {
    await h.close()
  }
}
