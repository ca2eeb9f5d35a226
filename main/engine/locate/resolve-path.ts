import { readdir, open } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { CheckpointError } from '@shared/errors'
import type { CheckpointListEntry } from '@shared/model'
import { parseDataFilename } from '../bundle/naming'
import { checkpointExists, isDir, isFile, listDirectoryCheckpoints, STATE_FILENAME, stepOf } from './checkpoint-dir'

export interface ResolvedPath {
  kind: 'bundle' | 'v1' | 'savedmodel'
  /** Bundle prefix, or the V1 file. */
  prefix: string
  savedModelDir: string | null
  checkpoints: CheckpointListEntry[]
  notes: string[]
}

const SAVED_MODEL_FILES = ['saved_model.pb', 'saved_model.pbtxt']

/**
 * Turns whatever the user pointed at into one checkpoint: a prefix, an `.index` or `.data-*` file, a directory with
 * a `checkpoint` state file or bare checkpoints, a SavedModel directory (also below numbered version folders),
 * the state file itself, or an old V1 single-file checkpoint.
 */
export async function resolveCheckpointPath(path: string, choose?: string): Promise<ResolvedPath> {
  const notes: string[] = []
  if (await isDir(path)) return resolveDirectory(path, choose, notes)
  if (await isFile(path)) {
    const name = basename(path)
    if (name.endsWith('.index')) return bundle(path.slice(0, -'.index'.length), notes)
    const data = parseDataFilename(path)
    if (data) return bundle(data.prefix, notes)
    if (name === STATE_FILENAME) return resolveDirectory(dirname(path), choose, notes)
    if (SAVED_MODEL_FILES.includes(name)) return resolveDirectory(dirname(path), choose, notes)
    if (name.endsWith('.meta') && (await checkpointExists(path.slice(0, -'.meta'.length)))) return bundle(path.slice(0, -'.meta'.length), notes)
    if (await isFile(`${path}.index`)) return bundle(path, notes)
    if (await hasTableMagic(path)) return { kind: 'v1', prefix: path, savedModelDir: null, checkpoints: [], notes }
    throw new CheckpointError('not-a-checkpoint', 'Not a TensorFlow checkpoint: no table magic at the end of the file', {
      file: path,
      hint: 'Open the .index file, a .data-* shard, the checkpoint prefix, or the folder',
    })
  }
  if (await isFile(`${path}.index`)) return bundle(path, notes)
  throw await missingPathError(path)
}

async function bundle(prefix: string, notes: string[]): Promise<ResolvedPath> {
  const dir = dirname(prefix)
  const { entries } = await listDirectoryCheckpoints(dir, [])
  return { kind: 'bundle', prefix, savedModelDir: null, checkpoints: entries.length > 1 ? entries : [], notes }
}

async function resolveDirectory(dir: string, choose: string | undefined, notes: string[]): Promise<ResolvedPath> {
  for (const f of SAVED_MODEL_FILES) {
    if (await isFile(join(dir, f))) return savedModel(dir, notes, [])
  }
  // TF Serving layout: numbered version folders, each a SavedModel; open the newest (or the chosen one).
  const names = await readdir(dir).catch(() => [] as string[])
  const versions: string[] = []
  for (const n of names) {
    if (/^\d+$/.test(n) && ((await isFile(join(dir, n, 'saved_model.pb'))) || (await isFile(join(dir, n, 'saved_model.pbtxt'))))) versions.push(n)
  }
  if (versions.length) {
    versions.sort((a, b) => Number(a) - Number(b))
    const pick = choose && versions.includes(basename(choose)) ? basename(choose) : versions[versions.length - 1]
    const entries: CheckpointListEntry[] = versions.map((v) => ({
      prefix: join(dir, v),
      name: v,
      step: Number(v),
      timestamp: null,
      latest: v === versions[versions.length - 1],
      inStateFile: false,
      exists: true,
    }))
    if (versions.length > 1) notes.push(`This folder holds ${versions.length} SavedModel versions; showing version ${pick}.`)
    return savedModel(join(dir, pick), notes, versions.length > 1 ? entries : [])
  }
  if (basename(dir) === 'variables' && (await isFile(join(dir, 'variables.index')))) return bundle(join(dir, 'variables'), notes)
  const { entries, latest } = await listDirectoryCheckpoints(dir, notes)
  let prefix = latest
  if (choose) {
    const chosen = entries.find((e) => e.prefix === choose || e.name === choose)
    if (!chosen) throw new CheckpointError('not-found', `The folder has no checkpoint named ${choose}`, { file: dir })
    prefix = chosen.prefix
  }
  if (!prefix) {
    const v1 = []
    for (const n of names) if (await isFile(join(dir, n)) && (await hasTableMagic(join(dir, n)))) v1.push(n)
    if (v1.length) return { kind: 'v1', prefix: join(dir, v1.sort()[v1.length - 1]), savedModelDir: null, checkpoints: [], notes }
    throw new CheckpointError('not-a-checkpoint', 'No checkpoint in this folder: no `checkpoint` state file, no *.index file, no saved_model.pb', { file: dir })
  }
  const kind = (await isFile(`${prefix}.index`)) ? 'bundle' : 'v1'
  return { kind, prefix, savedModelDir: null, checkpoints: entries, notes }
}

async function savedModel(dir: string, notes: string[], versions: CheckpointListEntry[]): Promise<ResolvedPath> {
  return { kind: 'savedmodel', prefix: join(dir, 'variables', 'variables'), savedModelDir: dir, checkpoints: versions, notes }
}

async function hasTableMagic(file: string): Promise<boolean> {
  const h = await open(file, 'r').catch(() => null)
  if (!h) return false
  try {
    const { size } = await h.stat()
    if (size < 48) return false
    const b = Buffer.alloc(8)
    await h.read(b, 0, 8, size - 8)
    return b.equals(Buffer.from([0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb]))
  } finally {
    await h.close()
  }
}

/** TF's "did you mean" for a prefix missing its `-N` suffix, or a plain not-found naming what is there. */
async function missingPathError(path: string): Promise<CheckpointError> {
  const dir = dirname(path)
  const base = basename(path)
  const files = await readdir(dir).catch(() => null)
  if (!files) return new CheckpointError('not-found', 'No such file or directory', { file: path })
  const candidates = files
    .filter((f) => f.endsWith('.index') && f.startsWith(`${base}-`) && stepOf(f.slice(0, -6)) !== null)
    .map((f) => f.slice(0, -6))
    .sort((a, b) => stepOf(a)! - stepOf(b)!)
  if (candidates.length) {
    return new CheckpointError('not-found', `Unsuccessful TensorSliceReader constructor: Failed to find any matching files for ${path}`, {
      file: path,
      hint: `Did you mean ${candidates[candidates.length - 1]}? Checkpoints here: ${candidates.join(', ')}`,
    })
  }
  const near = files.filter((f) => f.startsWith(base)).slice(0, 5)
  return new CheckpointError('not-found', 'No such checkpoint: neither the path nor `<path>.index` exists', {
    file: path,
    hint: near.length ? `Files starting with that name: ${near.join(', ')}` : undefined,
  })
}
