import { stat } from 'node:fs/promises'
import { CheckpointError } from '@shared/errors'
import type { CheckpointFile, TensorInfo, VerifyProblem, VerifyReport } from '@shared/model'
import { BundleReader, type BundleEntry } from '../bundle/bundle-reader'
import { dataFilename, indexFilename } from '../bundle/naming'
import { checkCoverage, concreteExtents, placeSlice } from '../bundle/slice-assembly'
import { decodeStringTensor } from '../bundle/string-tensor'
import { dtypeInfo, dtypeName, numElements } from '../dtypes/dtype'
import { unmaskCrc } from '../format/crc32c'
import { MAX_MATERIALIZE, type TensorStore, type VerifyOptions } from './tensor-store'
import { problemKind } from './verify-problem'

/** A V2 TensorBundle seen through the TensorStore interface. */
export class BundleStore implements TensorStore {
  private constructor(readonly reader: BundleReader) {}

  static async open(prefix: string): Promise<BundleStore> {
    return new BundleStore(await BundleReader.open(prefix))
  }

  get prefix(): string {
    return this.reader.prefix
  }

  get header() {
    return this.reader.header
  }

  tensors(): TensorInfo[] {
    return this.reader.keys.map((key) => {
      const e = this.reader.entries.get(key)!
      const info: TensorInfo = {
        key,
        dtype: dtypeName(e.dtype),
        dtypeEnum: e.dtype,
        shape: e.shape,
        numElements: numElements(e.shape),
        shard: e.shardId,
        offset: e.offset,
        size: e.size,
        crc32c: e.slices.length ? null : e.crc32c,
        role: 'variable',
      }
      if (e.slices.length) {
        const slices = this.reader.slicesOf(e)
        info.slices = slices.map((s) => ({ extents: s.extents, key: s.key, shape: s.shape, shard: s.shardId, offset: s.offset, size: s.size, crc32c: s.crc32c }))
        info.size = slices.reduce((n, s) => n + s.size, 0)
        info.shard = slices[0]?.shardId ?? 0
      }
      return info
    })
  }

  async files(): Promise<CheckpointFile[]> {
    const out: CheckpointFile[] = [{ path: indexFilename(this.prefix), size: this.reader.indexFile.size, role: 'index' }]
    for (let i = 0; i < this.header.numShards; i++) {
      const path = dataFilename(this.prefix, i, this.header.numShards)
      const size = await stat(path).then((s) => s.size, () => -1)
      out.push({ path, size, role: 'data' })
    }
    return out
  }

  private entry(key: string): BundleEntry {
    const e = this.reader.entries.get(key)
    if (!e) throw new CheckpointError('no-such-tensor', `Key ${key} not found in checkpoint`, { file: indexFilename(this.prefix), key })
    return e
  }

  async readElements(key: string, first: number, count: number): Promise<Uint8Array> {
    const e = this.entry(key)
    const size = dtypeInfo(e.dtype).size
    if (!e.slices.length) return this.reader.readRange(e, first * size, count * size)
    const full = await this.assemble(e, size)
    return full.subarray(first * size, (first + count) * size)
  }

  /** A partitioned tensor in one buffer, built from its slices (TF's TensorSliceSet lookup). */
  private async assemble(e: BundleEntry, size: number): Promise<Uint8Array> {
    const total = numElements(e.shape) * size
    if (total > MAX_MATERIALIZE) {
      throw new CheckpointError('unsupported', `Partitioned tensor is ${total} bytes; values are shown for up to ${MAX_MATERIALIZE} bytes`, { key: e.key })
    }
    const full = new Uint8Array(total)
    let covered = 0
    for (const s of this.reader.slicesOf(e)) {
      const ext = concreteExtents(s.extents, e.shape)
      const data = await this.reader.readRange(s, 0, s.size)
      placeSlice(full, e.shape, size, ext, data)
      covered += numElements(ext.map((x) => x.length))
    }
    checkCoverage(covered, numElements(e.shape), e.key, indexFilename(this.prefix))
    return full
  }

  async readStrings(key: string): Promise<Uint8Array[]> {
    const e = this.entry(key)
    if (e.size > MAX_MATERIALIZE) throw new CheckpointError('unsupported', `String tensor is ${e.size} bytes; too large to show`, { key })
    const data = await this.reader.readRange(e, 0, e.size)
    const f = this.reader.dataFile(e.shardId)
    const decoded = decodeStringTensor(data, numElements(e.shape), { file: f, key, offset: e.offset })
    // As TF's reader does: a string tensor is only trusted after its CRC (the object graph is one).
    if (decoded.crc !== unmaskCrc(e.crc32c)) {
      throw new CheckpointError('tensor-crc', 'Checksum does not match', { file: f, key, offset: e.offset, hint: 'The data file is damaged' })
    }
    return decoded.elements
  }

  async readRaw(key: string, limit: number): Promise<Uint8Array> {
    const e = this.entry(key)
    return this.reader.readRange(e, 0, Math.min(limit, e.size))
  }

  /** Every block CRC, then every tensor CRC, reading shards sequentially in (shard, offset) order. */
  async verify({ signal, onProgress }: VerifyOptions): Promise<VerifyReport> {
    const problems: VerifyProblem[] = []
    const blocks = await this.reader.table.checkBlocks()
    for (const p of blocks.problems) problems.push({ kind: 'block-crc', file: p.file ?? indexFilename(this.prefix), message: p.describe() })
    const all: BundleEntry[] = [...this.reader.entries.values(), ...this.reader.sliceEntries.values()].filter((e) => !e.slices.length)
    all.sort((a, b) => a.shardId - b.shardId || a.offset - b.offset)
    const total = all.reduce((n, e) => n + e.size, 0)
    let done = 0
    let tensors = 0
    const missing = new Set<number>()
    for (const e of all) {
      if (signal?.aborted) throw new CheckpointError('cancelled', 'Verification cancelled')
      if (missing.has(e.shardId)) continue
      try {
        await this.reader.checkCrc(e, signal, (n) => {
          done += n
          onProgress?.(done, total)
        })
        tensors++
      } catch (err) {
        if (!(err instanceof CheckpointError) || err.code === 'cancelled') throw err
        if (err.code === 'missing-shard') missing.add(e.shardId)
        problems.push({ kind: problemKind(err.code), key: err.code === 'missing-shard' ? undefined : e.key, file: err.file ?? this.reader.dataFile(e.shardId), message: err.describe() })
      }
    }
    onProgress?.(total, total)
    return { ok: problems.length === 0, tensorsChecked: tensors, blocksChecked: blocks.checked, bytesChecked: done, problems }
  }

  close(): Promise<void> {
    return this.reader.close()
  }
}
