import { resolve } from 'node:path'
import { CheckpointError, type CheckpointErrorCode } from '@shared/errors'
import type { VerifyProblem, VerifyReport } from '@shared/model'
import type { CliIo } from '../io'
import { progressLine } from '../progress-line'
import { formatBytes } from '../text-format'
import { withCheckpoint } from '../with-checkpoint'

/** Checksum failures met while opening (an index block, the object graph): corruption, not unreadability. */
const CORRUPTION = new Set<CheckpointErrorCode>(['block-crc', 'tensor-crc', 'corrupt-block'])

/** `ckpt verify PATH`: resolves to the exit code; unreadable input throws (exit 2 via the caller). */
export async function verifyCommand(path: string, io: CliIo): Promise<number> {
  try {
    return await withCheckpoint(io, path, async (api, s) => {
      const progress = progressLine(io, 'verifying')
      const report = await api.call('verify', { id: s.id, taskId: 'cli-verify' }, progress.update)
      progress.clear()
      const outcome = verifyOutcome(s.prefix, report)
      io.stdout(outcome.stdout)
      io.stderr(outcome.stderr)
      return outcome.code
    })
  } catch (e) {
    if (!(e instanceof CheckpointError) || !CORRUPTION.has(e.code)) throw e
    io.stdout(`CORRUPT  ${e.key !== undefined ? `tensor '${e.key}'` : 'index block'}: ${e.describe()}\n`)
    io.stderr(`ckpt: ${resolve(io.cwd, path)}: corrupt; verification stopped there\n`)
    return 1
  }
}

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
    return { stdout: '', stderr: missing.map((p) => `ckpt: ${withFile(p)}\n`).join(''), code: 2 }
  }
  const lines = r.problems.map((p) => {
    const what = p.key !== undefined ? `tensor '${p.key}'` : p.kind === 'block-crc' ? 'index block' : p.kind
    return `CORRUPT  ${what}: ${withFile(p)}\n`
  })
  return {
    stdout: lines.join(''),
    stderr: `ckpt: ${prefix}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} found (${checked} checked)\n`,
    code: 1,
  }
}

/** The engine's messages often name the file already; name it once. */
function withFile(p: VerifyProblem): string {
  return p.message.includes(p.file) ? p.message : `${p.file}: ${p.message}`
}
