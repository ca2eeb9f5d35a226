import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, isAbsolute, join } from 'node:path'
import type { CheckpointListEntry } from '@shared/model'
import { parseCheckpointState } from '../proto/text-format'

export const STATE_FILENAME = 'checkpoint'

export async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  )
}

export async function isFile(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isFile(),
    () => false,
  )
}

export async function isDir(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  )
}

/** The training step in a checkpoint name: `ckpt-3` → 3, `model.ckpt-20000` → 20000. */
export function stepOf(name: string): number | null {
  const m = /-(\d+)$/.exec(name)
  return m ? Number(m[1]) : null
}

/** A prefix is a checkpoint when `P.index` exists (V2) or `P` is itself a table file (old V1). */
export async function checkpointExists(prefix: string): Promise<boolean> {
  return (await isFile(`${prefix}.index`)) || (await isFile(prefix))
}

/**
 * Every checkpoint of a directory: those its `checkpoint` state file names (oldest first, as TF writes them),
 * then any other `*.index` prefixes found on disk. Absolute paths from another machine are resolved by file
 * name inside this directory, and said so in `notes`.
 */
export async function listDirectoryCheckpoints(dir: string, notes: string[]): Promise<{ entries: CheckpointListEntry[]; latest: string | null }> {
  const entries: CheckpointListEntry[] = []
  const seen = new Set<string>()
  let latest: string | null = null
  const stateFile = join(dir, STATE_FILENAME)
  if (await isFile(stateFile)) {
    let state: ReturnType<typeof parseCheckpointState> | null = null
    try {
      state = parseCheckpointState(await readFile(stateFile, 'utf8'), stateFile)
    } catch (e) {
      notes.push(`The state file ${stateFile} could not be parsed (${(e as Error).message}); listing the checkpoints found on disk instead.`)
    }
    if (state) {
      const paths = [...state.allModelCheckpointPaths]
      if (state.modelCheckpointPath && paths[paths.length - 1] !== state.modelCheckpointPath) paths.push(state.modelCheckpointPath)
      const stale: string[] = []
      for (let i = 0; i < paths.length; i++) {
        const written = paths[i]
        let prefix = isAbsolute(written) ? written : join(dir, written)
        let present = await checkpointExists(prefix)
        if (!present) {
          const local = join(dir, basename(written))
          if (local !== prefix && (await checkpointExists(local))) {
            stale.push(written)
            prefix = local
            present = true
          }
        }
        if (seen.has(prefix)) continue
        seen.add(prefix)
        const name = basename(prefix)
        const isLatest = written === state.modelCheckpointPath
        if (isLatest) latest = prefix
        entries.push({
          prefix,
          name,
          step: stepOf(name),
          timestamp: state.allModelCheckpointTimestamps[i] ?? null,
          latest: isLatest,
          inStateFile: true,
          exists: present,
        })
      }
      if (stale.length) {
        notes.push(
          `The state file names ${stale.length} checkpoint path(s) that do not exist here (e.g. ${stale[0]}), probably from another machine; they were resolved by file name inside ${dir}.`,
        )
      }
      const missing = entries.filter((e) => !e.exists)
      if (missing.length) notes.push(`The state file names checkpoint(s) that are missing: ${missing.map((e) => e.name).join(', ')}.`)
    }
  }
  let files: string[] = []
  try {
    files = await readdir(dir)
  } catch {
    files = []
  }
  const found = files
    .filter((f) => f.endsWith('.index'))
    .map((f) => join(dir, f.slice(0, -'.index'.length)))
    .filter((p) => !seen.has(p))
    .sort((a, b) => (stepOf(basename(a)) ?? -1) - (stepOf(basename(b)) ?? -1) || a.localeCompare(b))
  for (const prefix of found) {
    seen.add(prefix)
    entries.push({ prefix, name: basename(prefix), step: stepOf(basename(prefix)), timestamp: null, latest: false, inStateFile: false, exists: true })
  }
  if (!latest) {
    const existing = entries.filter((e) => e.exists)
    const pick = existing.filter((e) => e.step !== null).sort((a, b) => b.step! - a.step!)[0] ?? existing[existing.length - 1]
    if (pick) {
      pick.latest = true
      latest = pick.prefix
    }
  } else if (!entries.find((e) => e.prefix === latest)?.exists) {
    const fallback = [...entries].reverse().find((e) => e.exists)
    if (fallback) {
      notes.push(`The latest checkpoint named by the state file is missing; opened ${fallback.name} instead.`)
      latest = fallback.prefix
    }
  }
  return { entries, latest }
}
