import { CheckpointError } from '@shared/errors'
import type { VerifyProblem, VerifyReport } from '@shared/model'
import { BundleReader, type BundleEntry } from '../bundle/bundle-reader'
import { indexFilename } from '../bundle/naming'
import { dtypeInfo, numElements } from '../dtypes/dtype'
import { unmaskCrc } from '../format/crc32c'
import { PhaseProgress, type LongOperationOptions } from './progress'
import { variantCrc } from './tensor-source'

export interface BundleVerifyOptions extends LongOperationOptions {
  /** Only these keys (full keys; a partitioned tensor's slices are checked with it). All when absent. */
  keys?: ReadonlySet<string>
}

/**
 * Reads a freshly written bundle back: every index block CRC, then the CRC of every data entry (or of the chosen
 * keys), computed from the bytes on disk the way TF's reader does. Variant tensors get their own running checksum.
 */
export async function verifyWrittenBundle(prefix: string, opts: BundleVerifyOptions = {}): Promise<VerifyReport> {
  const reader = await BundleReader.open(prefix)
  try {
    const problems: VerifyProblem[] = []
    const blocks = await reader.table.checkBlocks()
    for (const p of blocks.problems) problems.push({ kind: 'block-crc', file: indexFilename(prefix), message: p.describe() })
    const entries: BundleEntry[] = []
    for (const key of reader.keys) {
      if (opts.keys && !opts.keys.has(key)) continue
      const e = reader.entries.get(key)!
      if (e.slices.length) entries.push(...reader.slicesOf(e))
      else entries.push(e)
    }
    entries.sort((a, b) => a.shardId - b.shardId || a.offset - b.offset)
    const progress = new PhaseProgress(opts, 'verify', entries.reduce((n, e) => n + e.size, 0))
    for (const e of entries) {
      progress.check()
      try {
        if (dtypeInfo(e.dtype).kind === 'variant') {
          const data = await reader.readRange(e, 0, e.size)
          const crc = variantCrc(data, numElements(e.shape), { file: reader.dataFile(e.shardId), key: e.key, offset: e.offset })
          if (crc !== unmaskCrc(e.crc32c)) throw new CheckpointError('tensor-crc', 'Checksum does not match', { file: reader.dataFile(e.shardId), key: e.key })
          progress.add(e.size)
        } else {
          await reader.checkCrc(e, opts.signal, (n) => progress.add(n))
        }
      } catch (err) {
        if (!(err instanceof CheckpointError) || err.code === 'cancelled') throw err
        problems.push({ kind: err.code === 'tensor-crc' ? 'tensor-crc' : 'parse', key: e.key, file: err.file ?? reader.dataFile(e.shardId), message: err.describe() })
      }
    }
    progress.finish()
    return { ok: problems.length === 0, tensorsChecked: entries.length, blocksChecked: blocks.checked, bytesChecked: entries.reduce((n, e) => n + e.size, 0), problems }
  } finally {
    await reader.close()
  }
}

/** Turns a failed read-back into the error that stops the commit. */
export function assertVerified(report: VerifyReport, file: string): void {
  if (report.ok) return
  const first = report.problems[0]
  throw new CheckpointError('tensor-crc', `The written output did not verify (${report.problems.length} problem(s): ${first.message}); nothing was put in place`, {
    file,
    key: first.key,
  })
}
