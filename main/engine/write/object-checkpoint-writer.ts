import { writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { encodeTrackableObjectGraph } from '../proto/encode'
import { formatCheckpointState } from '../proto/text-format'
import { BundleWriter } from './bundle-writer'
import { buildCheckpointGraph, type SlotSpec, type TrackableSpec } from './object-graph-builder'

const DT_STRING = 7

/**
 * Writes a TF2 object-based checkpoint at `prefix` as `tf.train.Checkpoint.save()` would: the object graph
 * under `_CHECKPOINTABLE_OBJECT_GRAPH`, every value under TF's key, and a `checkpoint` state file naming it.
 */
export async function writeObjectCheckpoint(prefix: string, root: TrackableSpec, slots: SlotSpec[] = []): Promise<string> {
  const built = buildCheckpointGraph(root, slots)
  const w = await BundleWriter.create(prefix, { overwrite: true })
  await w.add('_CHECKPOINTABLE_OBJECT_GRAPH', DT_STRING, [], [encodeTrackableObjectGraph(built.graph)])
  for (const t of built.tensors) await w.add(t.key, t.dtype, t.shape, t.data)
  await w.finish()
  const name = basename(prefix)
  await writeFile(
    join(dirname(prefix), 'checkpoint'),
    formatCheckpointState({ modelCheckpointPath: name, allModelCheckpointPaths: [name], allModelCheckpointTimestamps: [], lastPreservedTimestamp: null }),
  )
  return prefix
}
