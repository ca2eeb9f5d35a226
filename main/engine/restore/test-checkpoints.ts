/**
 * Test support: writes small TF2 and TF1 checkpoints with our own writer (laid out by TF's saver rules through
 * buildCheckpointGraph), so matching tests run on real files opened by the real reader.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCheckpoint } from '../checkpoint'
import { dtypeByName, numElements } from '../dtypes/dtype'
import { OBJECT_GRAPH_KEY } from '../graph/tree-builder'
import { encodeTrackableObjectGraph } from '../proto/encode'
import { BundleWriter } from '../write/bundle-writer'
import type { CheckpointLike } from './model-description'
import { buildCheckpointGraph, type SlotSpec, type TensorValue, type TrackableSpec } from '../write/object-graph-builder'

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'ckpt-restore-'))

function zeros(dtype: string, shape: number[]): TensorValue {
  const info = dtypeByName(dtype)!
  return { dtype: info.code, shape, data: new Uint8Array(numElements(shape) * info.size) }
}

/** A variable of this shape (zeros), optionally with its TF1 name as `full_name`. */
export function variable(shape: number[], dtype = 'float32', fullName?: string): TrackableSpec {
  return { variable: { ...zeros(dtype, shape), ...(fullName !== undefined ? { fullName } : {}) } }
}

export function object(children: Record<string, TrackableSpec>): TrackableSpec {
  return { children: Object.entries(children) }
}

export function dense(inputs: number, units: number, fullNamePrefix?: string): TrackableSpec {
  return object({
    kernel: variable([inputs, units], 'float32', fullNamePrefix && `${fullNamePrefix}/kernel`),
    bias: variable([units], 'float32', fullNamePrefix && `${fullNamePrefix}/bias`),
  })
}

/** Adam's m and v for every listed variable path (under `optimizer`), shaped like the variable. */
export function adamSlots(root: TrackableSpec, optimizer: string[], variables: string[][]): SlotSpec[] {
  const find = (path: string[]) => path.reduce((spec, name) => spec.children!.find(([n]) => n === name)![1], root)
  return ['m', 'v'].flatMap((slotName) =>
    variables.map((v) => {
      const spec = find(v).variable!
      return { optimizer, variable: v, slotName, value: { dtype: spec.dtype, shape: spec.shape, data: new Uint8Array(spec.data as Uint8Array) } }
    }),
  )
}

/** Every variable path below `path` (depth-first, in child order). */
export function variablePaths(root: TrackableSpec, path: string[] = []): string[][] {
  const spec = path.reduce((s, name) => s.children!.find(([n]) => n === name)![1], root)
  if (spec.variable) return [path]
  return (spec.children ?? []).flatMap(([name]) => variablePaths(root, [...path, name]))
}

/** Opens what was written with the real reader and keeps what matching needs, closing the files. */
async function reopen(prefix: string): Promise<CheckpointLike> {
  const c = await openCheckpoint(prefix)
  try {
    return { format: c.format, tensors: c.tensors, rawGraph: c.rawGraph, objectGraph: c.objectGraph }
  } finally {
    await c.close()
  }
}

export async function writeTf2(dir: string, name: string, root: TrackableSpec, slots: SlotSpec[] = []): Promise<CheckpointLike> {
  const built = buildCheckpointGraph(root, slots)
  const prefix = join(dir, name)
  const w = await BundleWriter.create(prefix, { overwrite: true })
  await w.add(OBJECT_GRAPH_KEY, dtypeByName('string')!.code, [], [encodeTrackableObjectGraph(built.graph)])
  for (const t of built.tensors) await w.add(t.key, t.dtype, t.shape, t.data)
  await w.finish()
  return reopen(prefix)
}

/** A TF1 (name-based) checkpoint: one entry per name. */
export async function writeTf1(dir: string, name: string, vars: Record<string, { shape: number[]; dtype?: string }>): Promise<CheckpointLike> {
  const prefix = join(dir, name)
  const w = await BundleWriter.create(prefix, { overwrite: true })
  for (const [key, v] of Object.entries(vars)) {
    const value = zeros(v.dtype ?? 'float32', v.shape)
    await w.add(key, value.dtype, value.shape, value.data as Uint8Array)
  }
  await w.finish()
  return reopen(prefix)
}
