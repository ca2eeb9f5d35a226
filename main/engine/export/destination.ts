import { stat } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { CheckpointError } from '@shared/errors'
import type { Checkpoint } from '../checkpoint'

/** `out` names a directory when it ends with a separator or is an existing directory. */
export async function isDirectoryTarget(out: string): Promise<boolean> {
  if (out.endsWith('/') || out.endsWith(sep)) return true
  return stat(out).then(
    (s) => s.isDirectory(),
    () => false,
  )
}

/** An export never writes over the files it reads (in-place rewrites are the transplant's job, with a backup). */
export async function refuseSourceFiles(ckpt: Checkpoint, destinations: readonly string[]): Promise<void> {
  const sources = new Set((await ckpt.store.files()).map((f) => resolve(f.path)))
  for (const d of destinations) {
    if (sources.has(resolve(d))) {
      throw new CheckpointError('invalid-argument', 'The destination is the source checkpoint itself', {
        file: d,
        hint: 'Export to another prefix or directory',
      })
    }
  }
}

/** Non-engine failures (fs errors) as CheckpointError naming the file. */
export function asCheckpointError(e: unknown, file: string): CheckpointError {
  if (e instanceof CheckpointError) return e
  return new CheckpointError('io', (e as Error)?.message ?? String(e), { file })
}
