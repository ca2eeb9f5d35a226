import type { VerifyReport } from '@shared/model'
import { formatBytes } from '../text-format'

export interface VerifyOutcome {
  stdout: string
  stderr: string
  /** 0 all good, 1 something is corrupt, 2 the checkpoint cannot be read at all. */
  code: 0 | 1 | 2
}

/** A missing shard means the checkpoint cannot be restored at all, unlike a corrupt tensor or block. */
export function verifyOutcome(prefix: string, r: VerifyReport): VerifyOutcome {
  const checked = `${r.tensorsChecked} tensors, ${r.blocksChecked} index blocks, ${formatBytes(r.bytesChecked)}`
  if (r.ok && r.problems.length === 0) return { stdout: `OK  ${prefix}: ${checked} checked, all checksums match\n`, stderr: '', code: 0 }
  const missing = r.problems.filter((p) => p.kind === 'missing-shard')
  if (missing.length) {
    return { stdout: '', stderr: missing.map((p) => `ckpt: ${p.file}: ${p.message}\n`).join(''), code: 2 }
  }
  const lines = r.problems.map((p) => {
    const what = p.key !== undefined ? `tensor '${p.key}'` : p.kind === 'block-crc' ? 'index block' : p.kind
    return `CORRUPT  ${what}: ${p.message} (${p.file})\n`
  })
  return {
    stdout: lines.join(''),
    stderr: `ckpt: ${prefix}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} found (${checked} checked)\n`,
    code: 1,
  }
}
