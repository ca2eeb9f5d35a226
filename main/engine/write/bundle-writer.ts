import { open, stat, type FileHandle } from 'node:fs/promises'
import { CheckpointError } from '@shared/errors'
import type { SliceExtent } from '@shared/model'
import { dataFilename, indexFilename } from '../bundle/naming'
import { encodeSliceKey } from '../bundle/slice-key'
import { encodeStringTensor } from '../bundle/string-tensor'
import { dtypeInfo, numElements } from '../dtypes/dtype'
import { compareBytes } from '../format/block'
import { crc32c, maskCrc } from '../format/crc32c'
import { TableBuilder } from '../format/table-builder'
import { encodeBundleEntry, encodeBundleHeader } from '../proto/encode'
import { commitTemp, removeQuietly, tempPathFor } from './atomic'

export interface BundleWriterOptions {
  numShards?: number
  /** Refuse to replace an existing `P.index` unless set (callers keep a backup first). */
  overwrite?: boolean
}

interface PendingEntry {
  key: Uint8Array
  value: Uint8Array
}

interface Shard {
  temp: string
  handle: FileHandle
  written: number
}

interface FullSliced {
  dtype: number
  shape: number[]
  slices: SliceExtent[][]
}

/**
 * Writes a TensorBundle laid out as TF's BundleWriter does: tensors appended to their shard in add() order,
 * densely packed, each with its masked CRC32C; then the index table (header under "" first, keys sorted
 * bytewise). Data goes to temp files renamed into place, the index last, so `P.index` marks a complete bundle.
 */
export class BundleWriter {
  private readonly entries: PendingEntry[] = []
  private readonly keys = new Set<string>()
  private readonly sliced = new Map<string, FullSliced>()
  private finished = false

  private constructor(
    readonly prefix: string,
    private readonly shards: Shard[],
  ) {}

  static async create(prefix: string, opts: BundleWriterOptions = {}): Promise<BundleWriter> {
    const numShards = opts.numShards ?? 1
    if (!Number.isInteger(numShards) || numShards < 1) throw new CheckpointError('invalid-argument', `num_shards must be >= 1, got ${numShards}`)
    if (!opts.overwrite && (await stat(indexFilename(prefix)).then(() => true, () => false))) {
      throw new CheckpointError('invalid-argument', 'A checkpoint already exists at this prefix', { file: indexFilename(prefix), hint: 'Choose another prefix' })
    }
    const shards: Shard[] = []
    try {
      for (let i = 0; i < numShards; i++) {
        const temp = tempPathFor(dataFilename(prefix, i, numShards))
        shards.push({ temp, handle: await open(temp, 'wx'), written: 0 })
      }
    } catch (e) {
      for (const s of shards) await s.handle.close()
      await removeQuietly(shards.map((s) => s.temp))
      throw new CheckpointError('io', `Cannot create data file: ${(e as Error).message}`, { file: prefix })
    }
    return new BundleWriter(prefix, shards)
  }

  get numShards(): number {
    return this.shards.length
  }

  /** Bytes written to a shard so far. */
  shardSize(shard: number): number {
    return this.shards[shard].written
  }

  /** A numeric/bool/complex tensor from its little-endian element bytes, or a string tensor from its elements. */
  async add(key: string, dtype: number, shape: readonly number[], data: Uint8Array | readonly Uint8Array[], shard = 0): Promise<void> {
    const info = this.checkDtype(key, dtype, shape)
    if (info.kind === 'string') {
      this.checkKey(key)
      if (!Array.isArray(data)) throw new CheckpointError('invalid-argument', `String tensor ${key} needs its elements`, { key })
      const elems = data as readonly Uint8Array[]
      if (elems.length !== numElements(shape)) throw new CheckpointError('invalid-argument', `${key}: ${elems.length} elements for shape [${shape}]`, { key })
      const enc = encodeStringTensor(elems)
      await this.append(key, dtype, shape, [enc.bytes], enc.bytes.length, enc.crc32c, shard)
      return
    }
    if (!(data instanceof Uint8Array)) throw new CheckpointError('invalid-argument', `Tensor ${key} needs its bytes`, { key })
    await this.addStream(key, dtype, shape, [data], shard)
  }

  /** A fixed-width tensor streamed in chunks (bounded memory for tensors of any size). */
  async addStream(key: string, dtype: number, shape: readonly number[], chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, shard = 0): Promise<void> {
    this.checkKey(key)
    const info = this.checkDtype(key, dtype, shape)
    if (info.size === 0) throw new CheckpointError('unsupported', `Cannot stream a ${info.name} tensor`, { key })
    const expected = numElements(shape) * info.size
    let crc = 0
    let size = 0
    const s = this.shardAt(shard, key)
    const offset = s.written
    for await (const c of chunks) {
      await s.handle.write(c, 0, c.length, s.written)
      s.written += c.length
      size += c.length
      crc = crc32c(c, crc)
    }
    if (size !== expected) throw new CheckpointError('invalid-argument', `${key}: ${size} bytes for ${numElements(shape)} ${info.name} elements (expected ${expected})`, { key })
    this.record(key, encodeBundleEntry({ dtype, shape, shardId: shard, offset, size, crc32c: maskCrc(crc) }))
  }

  /** One slice of a partitioned tensor (TF's AddSlice): a slice covering everything is stored as a plain tensor. */
  async addSlice(fullKey: string, dtype: number, fullShape: readonly number[], extents: readonly SliceExtent[], data: Uint8Array, shard = 0): Promise<void> {
    const info = this.checkDtype(fullKey, dtype, fullShape)
    if (!info.sliceable) throw new CheckpointError('unsupported', `${info.name} tensors cannot be partitioned`, { key: fullKey })
    if (extents.length !== fullShape.length) throw new CheckpointError('invalid-argument', `${fullKey}: slice rank ${extents.length} != tensor rank ${fullShape.length}`, { key: fullKey })
    const covers = extents.every((e, d) => e.length === -1 || (e.start === 0 && e.length === fullShape[d]))
    if (covers) return this.add(fullKey, dtype, fullShape, data, shard)
    let full = this.sliced.get(fullKey)
    if (!full) {
      this.checkKey(fullKey)
      full = { dtype, shape: [...fullShape], slices: [] }
      this.sliced.set(fullKey, full)
    } else if (full.dtype !== dtype || full.shape.join() !== fullShape.join()) {
      throw new CheckpointError('invalid-argument', `${fullKey}: slices disagree on dtype or shape`, { key: fullKey })
    }
    full.slices.push(extents.map((e) => ({ ...e })))
    const sliceShape = extents.map((e, d) => (e.length === -1 ? fullShape[d] : e.length))
    const sliceKey = encodeSliceKey(fullKey, extents)
    const s = this.shardAt(shard, fullKey)
    const offset = s.written
    await s.handle.write(data, 0, data.length, offset)
    s.written += data.length
    const expected = numElements(sliceShape) * info.size
    if (data.length !== expected) throw new CheckpointError('invalid-argument', `${fullKey}: slice has ${data.length} bytes, expected ${expected}`, { key: fullKey })
    this.entries.push({ key: sliceKey, value: encodeBundleEntry({ dtype, shape: sliceShape, shardId: shard, offset, size: data.length, crc32c: maskCrc(crc32c(data)) }) })
  }

  /**
   * Appends already-encoded tensor bytes (a raw copy from another bundle, string and variant encodings included)
   * to a shard without recording an entry; the caller records it with addRawEntry. Returns where the bytes landed
   * and the plain (unmasked) CRC32C of exactly those bytes.
   */
  async appendRaw(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, shard = 0): Promise<{ offset: number; size: number; crc32c: number }> {
    const s = this.shardAt(shard, '(raw copy)')
    const offset = s.written
    let crc = 0
    for await (const c of chunks) {
      await s.handle.write(c, 0, c.length, s.written)
      s.written += c.length
      crc = crc32c(c, crc)
    }
    return { offset, size: s.written - offset, crc32c: crc }
  }

  /** Copies an entry whose data was appended by the caller elsewhere (raw rewrite): value bytes kept verbatim. */
  addRawEntry(key: Uint8Array, value: Uint8Array): void {
    this.entries.push({ key, value })
  }

  /** Renames the data files into place, then writes and renames the index. */
  async finish(): Promise<void> {
    if (this.finished) throw new Error('BundleWriter.finish called twice')
    this.finished = true
    try {
      for (const [key, full] of this.sliced) {
        this.record(key, encodeBundleEntry({ dtype: full.dtype, shape: full.shape, slices: full.slices }))
      }
      this.entries.sort((a, b) => compareBytes(a.key, b.key))
      for (let i = 1; i < this.entries.length; i++) {
        if (compareBytes(this.entries[i - 1].key, this.entries[i].key) === 0) {
          throw new CheckpointError('invalid-argument', `Duplicate key ${new TextDecoder().decode(this.entries[i].key)}`)
        }
      }
      const table = new TableBuilder()
      table.add(new Uint8Array(0), encodeBundleHeader({ numShards: this.shards.length, endianness: 0, version: { producer: 1 } }))
      for (const e of this.entries) table.add(e.key, e.value)
      const indexBytes = table.finish()
      for (const s of this.shards) {
        await s.handle.sync()
        await s.handle.close()
      }
      for (let i = 0; i < this.shards.length; i++) await commitTemp(this.shards[i].temp, dataFilename(this.prefix, i, this.shards.length))
      const indexTemp = tempPathFor(indexFilename(this.prefix))
      const h = await open(indexTemp, 'wx')
      try {
        await h.write(indexBytes, 0, indexBytes.length, 0)
        await h.sync()
      } finally {
        await h.close()
      }
      await commitTemp(indexTemp, indexFilename(this.prefix))
    } catch (e) {
      await this.abort()
      throw e
    }
  }

  /** Drops everything written so far (temp files only; the final names are never touched before finish). */
  async abort(): Promise<void> {
    for (const s of this.shards) await s.handle.close().catch(() => undefined)
    await removeQuietly(this.shards.map((s) => s.temp))
  }

  private async append(key: string, dtype: number, shape: readonly number[], chunks: Uint8Array[], size: number, maskedCrc: number, shard: number): Promise<void> {
    const s = this.shardAt(shard, key)
    const offset = s.written
    for (const c of chunks) {
      await s.handle.write(c, 0, c.length, s.written)
      s.written += c.length
    }
    this.record(key, encodeBundleEntry({ dtype, shape, shardId: shard, offset, size, crc32c: maskedCrc }))
  }

  private record(key: string, value: Uint8Array): void {
    this.entries.push({ key: new TextEncoder().encode(key), value })
  }

  private shardAt(shard: number, key: string): Shard {
    const s = this.shards[shard]
    if (!s) throw new CheckpointError('invalid-argument', `${key}: shard ${shard} out of range (${this.shards.length} shards)`, { key })
    return s
  }

  private checkKey(key: string): void {
    if (key === '') throw new CheckpointError('invalid-argument', 'The empty key is reserved for the bundle header')
    if (this.keys.has(key)) throw new CheckpointError('invalid-argument', `Duplicate key ${key}`, { key })
    this.keys.add(key)
  }

  private checkDtype(key: string, dtype: number, shape: readonly number[]) {
    const info = dtypeInfo(dtype)
    if (dtype === 0 || info.kind === 'resource' || info.kind === 'unknown' || dtype > 100) {
      throw new CheckpointError('invalid-argument', `Cannot save a tensor of dtype ${info.name}`, { key })
    }
    if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw new CheckpointError('invalid-argument', `${key}: invalid shape [${shape}]`, { key })
    return info
  }
}
