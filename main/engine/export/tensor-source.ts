import { CheckpointError } from '@shared/errors'
import type { TensorInfo } from '@shared/model'
import { STREAM_CHUNK, type BundleEntry, type BundleReader, type SliceEntry } from '../bundle/bundle-reader'
import { checkCoverage, concreteExtents, placeSlice } from '../bundle/slice-assembly'
import { decodeStringTensor } from '../bundle/string-tensor'
import type { Checkpoint } from '../checkpoint'
import { dtypeInfo, numElements } from '../dtypes/dtype'
import { crc32c, maskCrc, unmaskCrc } from '../format/crc32c'
import { readFixed32, readVarint } from '../format/varint'
import { BundleStore } from '../store/bundle-store'
import { MAX_MATERIALIZE } from '../store/tensor-store'
import { throwIfAborted } from './progress'

/**
 * Reads a source checkpoint's tensors for copying: stored bytes in bounded chunks, each tensor's CRC recomputed the
 * way TF computes it and compared with the stored one, so corrupt data is never written anywhere. Old V1 files
 * (no per-tensor CRC, no raw entries) are read through the store.
 */
export class TensorSource {
  /** The bundle behind the checkpoint, or null for an old V1 file. */
  readonly reader: BundleReader | null

  constructor(
    readonly ckpt: Checkpoint,
    private readonly chunkSize = STREAM_CHUNK,
  ) {
    this.reader = ckpt.store instanceof BundleStore ? ckpt.store.reader : null
  }

  get prefix(): string {
    return this.ckpt.prefix
  }

  /** The raw entry of a key (bundles only). */
  entry(key: string): BundleEntry {
    const e = this.reader?.entries.get(key)
    if (!e) throw new CheckpointError('no-such-tensor', `Key ${key} not found in checkpoint`, { file: this.prefix, key })
    return e
  }

  slices(entry: BundleEntry): SliceEntry[] {
    return this.bundle().slicesOf(entry)
  }

  /**
   * The bytes of one stored entry (a plain tensor or one slice) exactly as in its shard, in bounded chunks. The CRC
   * is checked before the last chunk is handed out, so a consumer never receives all of a corrupt tensor.
   */
  async *rawChunks(entry: BundleEntry, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
    const reader = this.bundle()
    const kind = dtypeInfo(entry.dtype).kind
    if (kind === 'string' || kind === 'variant') {
      // The CRC of these runs over a re-encoding of the lengths, so the whole (bounded) encoding is read first.
      if (entry.size > MAX_MATERIALIZE) {
        throw new CheckpointError('unsupported', `${kind} tensor is ${entry.size} bytes; the copy limit is ${MAX_MATERIALIZE}`, { file: reader.dataFile(entry.shardId), key: entry.key })
      }
      throwIfAborted(signal)
      const data = await reader.readRange(entry, 0, entry.size)
      const where = { file: reader.dataFile(entry.shardId), key: entry.key, offset: entry.offset }
      const crc = kind === 'string' ? decodeStringTensor(data, numElements(entry.shape), where).crc : variantCrc(data, numElements(entry.shape), where)
      this.compareCrc(entry, crc)
      for (let p = 0; p < data.length; p += this.chunkSize) yield data.subarray(p, Math.min(data.length, p + this.chunkSize))
      return
    }
    let crc = 0
    for (let p = 0; p < entry.size; p += this.chunkSize) {
      throwIfAborted(signal)
      const n = Math.min(this.chunkSize, entry.size - p)
      const chunk = await reader.readRange(entry, p, n)
      crc = crc32c(chunk, crc)
      if (p + n >= entry.size) this.compareCrc(entry, crc)
      yield chunk
    }
    if (entry.size === 0) this.compareCrc(entry, crc)
  }

  /**
   * Row-major little-endian element bytes of a fixed-width tensor, in chunks. Partitioned tensors split along the
   * first dimension only (what TF's partitioners produce) are streamed slice after slice; other layouts are
   * assembled in memory (bounded).
   */
  async *elementChunks(t: TensorInfo, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
    const size = dtypeInfo(t.dtypeEnum).size
    if (size === 0) throw new CheckpointError('unsupported', `${t.dtype} tensors have no fixed-width element bytes`, { file: this.prefix, key: t.key })
    if (!this.reader) {
      yield* this.chunked(await this.ckpt.store.readElements(t.key, 0, t.numElements))
      return
    }
    const entry = this.entry(t.key)
    if (!entry.slices.length) {
      yield* this.rawChunks(entry, signal)
      return
    }
    const slices = this.slices(entry)
    const rows = rowSlices(slices, entry.shape)
    if (rows) {
      for (const s of rows) yield* this.rawChunks(s, signal)
      return
    }
    yield* this.chunked(await this.assemble(entry, signal))
  }

  /** The whole tensor's element bytes in one buffer (bounded), partitioned tensors assembled from checked slices. */
  async fullElements(t: TensorInfo, signal?: AbortSignal): Promise<Uint8Array> {
    const total = t.numElements * dtypeInfo(t.dtypeEnum).size
    if (total > MAX_MATERIALIZE) throw new CheckpointError('unsupported', `Tensor is ${total} bytes; too large to rearrange in memory`, { file: this.prefix, key: t.key })
    const out = new Uint8Array(total)
    let p = 0
    for await (const c of this.elementChunks(t, signal)) {
      out.set(c, p)
      p += c.length
    }
    return out
  }

  /** Elements of a string tensor, CRC-checked. */
  async strings(t: TensorInfo, signal?: AbortSignal): Promise<Uint8Array[]> {
    if (!this.reader) return this.ckpt.store.readStrings(t.key)
    const entry = this.entry(t.key)
    const chunks: Uint8Array[] = []
    for await (const c of this.rawChunks(entry, signal)) chunks.push(c)
    const data = concat(chunks)
    return decodeStringTensor(data, numElements(entry.shape), { file: this.bundle().dataFile(entry.shardId), key: t.key, offset: entry.offset }).elements
  }

  private async assemble(entry: BundleEntry, signal?: AbortSignal): Promise<Uint8Array> {
    const size = dtypeInfo(entry.dtype).size
    const total = numElements(entry.shape) * size
    if (total > MAX_MATERIALIZE) {
      throw new CheckpointError('unsupported', `Partitioned tensor is ${total} bytes and not split along its first dimension; too large to assemble`, { file: this.prefix, key: entry.key })
    }
    const full = new Uint8Array(total)
    let covered = 0
    for (const s of this.slices(entry)) {
      const parts: Uint8Array[] = []
      for await (const c of this.rawChunks(s, signal)) parts.push(c)
      const ext = concreteExtents(s.extents, entry.shape)
      placeSlice(full, entry.shape, size, ext, concat(parts))
      covered += numElements(ext.map((x) => x.length))
    }
    checkCoverage(covered, numElements(entry.shape), entry.key, this.prefix)
    return full
  }

  private *chunked(data: Uint8Array): Generator<Uint8Array> {
    for (let p = 0; p < data.length; p += this.chunkSize) yield data.subarray(p, Math.min(data.length, p + this.chunkSize))
  }

  private compareCrc(entry: BundleEntry, crc: number): void {
    if (crc !== unmaskCrc(entry.crc32c)) {
      throw new CheckpointError('tensor-crc', `Source tensor is corrupt: checksum does not match (stored ${hex32(unmaskCrc(entry.crc32c))}, computed ${hex32(crc)}); nothing was written`, {
        file: this.bundle().dataFile(entry.shardId),
        key: entry.key,
        offset: entry.offset,
      })
    }
  }

  private bundle(): BundleReader {
    if (!this.reader) throw new CheckpointError('unsupported', 'An old V1 checkpoint has no stored entries to copy', { file: this.prefix })
    return this.reader
  }
}

/** Slices ordered by their first-dimension start when they tile the tensor row-wise, else null. */
export function rowSlices<S extends { extents: { start: number; length: number }[] }>(slices: S[], shape: readonly number[]): S[] | null {
  if (shape.length === 0) return null
  const full = (e: { start: number; length: number }, d: number) => e.length === -1 || (e.start === 0 && e.length === shape[d])
  if (!slices.every((s) => s.extents.every((e, d) => d === 0 || full(e, d)))) return null
  const ext0 = (s: S) => concreteExtents(s.extents, shape)[0]
  const sorted = [...slices].sort((a, b) => ext0(a).start - ext0(b).start)
  let next = 0
  for (const s of sorted) {
    const e = ext0(s)
    if (e.start !== next) return null
    next += e.length
  }
  return next === shape[0] ? sorted : null
}

/** TF's DT_VARIANT running checksum (spec §4.4), checking each element's stored checksum on the way. */
export function variantCrc(data: Uint8Array, count: number, where: { file: string; key: string; offset: number }): number {
  let crc = 0
  let pos = 0
  const len8 = new Uint8Array(8)
  const dv = new DataView(len8.buffer)
  for (let i = 0; i < count; i++) {
    let len: number
    ;[len, pos] = readVarint(data, pos, { file: where.file, base: where.offset })
    dv.setBigUint64(0, BigInt(len), true)
    crc = crc32c(len8, crc)
    if (pos + len + 4 > data.length) throw new CheckpointError('bad-entry', `Variant element ${i} runs past the end of the tensor`, where)
    crc = crc32c(data.subarray(pos, pos + len), crc)
    pos += len
    if (readFixed32(data, pos) !== maskCrc(crc)) throw new CheckpointError('tensor-crc', `The checksum of variant element ${i} does not match`, where)
    crc = crc32c(data.subarray(pos, pos + 4), crc)
    pos += 4
  }
  if (pos !== data.length) throw new CheckpointError('bad-entry', `Variant tensor has ${data.length - pos} trailing bytes`, where)
  return crc
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

function hex32(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`
}
