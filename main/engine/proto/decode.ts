/**
 * Typed decoders over the generated protobufjs code. Every function returns plain objects (camelCase, numbers,
 * arrays always present) and turns parse failures into CheckpointError('bad-proto') naming the file and key.
 */
import './long-fix'
import { CheckpointError } from '@shared/errors'
import type { SliceExtent } from '@shared/model'
import { tensorflow } from '@proto/gen/tf.js'
import { ProtoReader, WIRE_LEN } from './wire'

export interface Where {
  file?: string
  key?: string
}

export interface VersionDef {
  producer: number
  minConsumer: number
  badConsumers: number[]
}

export interface BundleHeader {
  numShards: number
  /** 0 = LITTLE, 1 = BIG (of the tensor data bytes only). */
  endianness: number
  /** null when the field is absent. */
  version: VersionDef | null
}

export interface BundleEntry {
  dtype: number
  /** Outermost dimension first; [] for a scalar (and for an absent shape, which TF reads as a scalar). */
  shape: number[]
  shardId: number
  offset: number
  size: number
  /** Masked CRC32C as stored. */
  crc32c: number
  /** One extent list per stored slice; non-empty only on a partitioned tensor's metadata entry. */
  slices: SliceExtent[][]
}

export interface TensorShape {
  /** -1 for an unknown dimension. */
  dims: number[]
  unknownRank: boolean
}

export interface ObjectReference {
  nodeId: number
  localName: string
}

export interface SerializedTensor {
  name: string
  fullName: string
  checkpointKey: string
  /** Field 4, reserved in newest TF; kept so old graphs re-encode identically. */
  optionalRestore: boolean
}

export interface SlotVariableReference {
  originalVariableNodeId: number
  slotName: string
  slotVariableNodeId: number
}

export interface RegisteredSaver {
  name: string
  objectName: string
}

export interface TrackableObject {
  children: ObjectReference[]
  attributes: SerializedTensor[]
  slotVariables: SlotVariableReference[]
  /** null when the field is absent (an empty-but-present message is `{name: '', objectName: ''}`). */
  registeredSaver: RegisteredSaver | null
  /** null when the wrapper is absent; false when present but empty (`2A 00`). */
  hasCheckpointValues: boolean | null
}

/** Field numbers in the order a writer emitted them, for sub-messages whose order was not ascending. */
export interface GraphFieldOrder {
  /** ObjectReference; TF 2.14 (Python) writes [2, 1]: local_name before node_id. */
  objectReference?: number[]
  /** SerializedTensor (fields 1-3). */
  serializedTensor?: number[]
  /** SlotVariableReference (fields 1-3). */
  slotVariableReference?: number[]
}

export interface TrackableObjectGraph {
  nodes: TrackableObject[]
  /** Present only when the writer did not use ascending field order; the encoder follows it to reproduce the bytes. */
  fieldOrder?: GraphFieldOrder
}

function fail(what: string, e: unknown, where: Where): CheckpointError {
  const msg = e instanceof Error ? e.message : String(e)
  return new CheckpointError('bad-proto', `Cannot parse ${what}: ${msg}`, { file: where.file, key: where.key })
}

/** Runs a protobufjs decode, translating its errors. */
export function guarded<T>(what: string, where: Where, fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof CheckpointError) throw e
    throw fail(what, e, where)
  }
}

function versionDef(v: tensorflow.VersionDef.$Properties | null | undefined): VersionDef | null {
  if (!v) return null
  return { producer: v.producer ?? 0, minConsumer: v.minConsumer ?? 0, badConsumers: [...(v.badConsumers ?? [])] }
}

export function tensorShape(s: tensorflow.TensorShapeProto.$Properties | null | undefined): TensorShape {
  return { dims: (s?.dim ?? []).map((d) => Number(d.size ?? 0)), unknownRank: !!s?.unknownRank }
}

/** TF's in-memory form: a full dimension is start 0, length -1 (kFullExtent). */
export function sliceExtents(s: tensorflow.TensorSliceProto.$Properties): SliceExtent[] {
  return (s.extent ?? []).map((e) =>
    e.length === null || e.length === undefined ? { start: Number(e.start ?? 0), length: -1 } : { start: Number(e.start ?? 0), length: Number(e.length) },
  )
}

export function decodeBundleHeader(bytes: Uint8Array, where: Where = {}): BundleHeader {
  const m = guarded('BundleHeaderProto', where, () => tensorflow.BundleHeaderProto.decode(bytes))
  return { numShards: m.numShards, endianness: m.endianness, version: versionDef(m.version) }
}

export function decodeBundleEntry(bytes: Uint8Array, where: Where = {}): BundleEntry {
  const m = guarded('BundleEntryProto', where, () => tensorflow.BundleEntryProto.decode(bytes))
  const shape = tensorShape(m.shape)
  if (shape.unknownRank) {
    throw new CheckpointError('bad-entry', 'Invalid tensor shape: unknown rank in a checkpoint entry', { file: where.file, key: where.key })
  }
  return {
    dtype: m.dtype,
    shape: shape.dims,
    shardId: m.shardId,
    offset: m.offset,
    size: m.size,
    crc32c: m.crc32c >>> 0,
    slices: m.slices.map(sliceExtents),
  }
}

export function decodeTrackableObjectGraph(bytes: Uint8Array, where: Where = {}): TrackableObjectGraph {
  const m = guarded('TrackableObjectGraph', where, () => tensorflow.TrackableObjectGraph.decode(bytes))
  const graph: TrackableObjectGraph = {
    nodes: m.nodes.map((n) => ({
      children: (n.children ?? []).map(objectReference),
      attributes: (n.attributes ?? []).map((a) => ({
        name: a.name ?? '',
        fullName: a.fullName ?? '',
        checkpointKey: a.checkpointKey ?? '',
        optionalRestore: !!a.optionalRestore,
      })),
      slotVariables: (n.slotVariables ?? []).map(slotVariableReference),
      registeredSaver: n.registeredSaver ? { name: n.registeredSaver.name ?? '', objectName: n.registeredSaver.objectName ?? '' } : null,
      hasCheckpointValues: n.hasCheckpointValues ? !!n.hasCheckpointValues.value : null,
    })),
  }
  const order = observeFieldOrder(bytes)
  if (order) graph.fieldOrder = order
  return graph
}

/** Field numbers of a message in wire order, repeats collapsed. */
function fieldSequence(msg: Uint8Array): number[] {
  const r = new ProtoReader(msg)
  const seq: number[] = []
  while (!r.eof()) {
    const { field, wireType } = r.tag()
    r.skip(wireType)
    if (seq[seq.length - 1] !== field) seq.push(field)
  }
  return seq
}

function lenFields(msg: Uint8Array, field: number): Uint8Array[] {
  const r = new ProtoReader(msg)
  const out: Uint8Array[] = []
  while (!r.eof()) {
    const t = r.tag()
    if (t.field === field && t.wireType === WIRE_LEN) out.push(r.lenDelimited())
    else r.skip(t.wireType)
  }
  return out
}

/**
 * C++ and most Python writers emit ascending field numbers, but TF 2.14's writer was seen emitting ObjectReference
 * as (local_name, node_id). The first sub-message carrying all core fields tells the writer's order.
 * Runs after a successful protobufjs decode, so the bytes are well formed.
 */
function observeFieldOrder(bytes: Uint8Array): GraphFieldOrder | null {
  const found: GraphFieldOrder = {}
  const kinds: [keyof GraphFieldOrder, number, number[]][] = [
    ['objectReference', 1, [1, 2]],
    ['serializedTensor', 2, [1, 2, 3]],
    ['slotVariableReference', 3, [1, 2, 3]],
  ]
  const done = new Set<keyof GraphFieldOrder>()
  for (const node of lenFields(bytes, 1)) {
    for (const [kind, field, core] of kinds) {
      if (done.has(kind)) continue
      for (const sub of lenFields(node, field)) {
        const seq = fieldSequence(sub)
        if (!core.every((f) => seq.includes(f))) continue
        done.add(kind)
        const ascending = seq.every((f, i) => i === 0 || seq[i - 1] < f)
        if (!ascending) found[kind] = seq
        break
      }
    }
    if (done.size === kinds.length) break
  }
  return Object.keys(found).length ? found : null
}

export function objectReference(r: tensorflow.TrackableObjectGraph.TrackableObject.ObjectReference.$Properties): ObjectReference {
  return { nodeId: r.nodeId ?? 0, localName: r.localName ?? '' }
}

export function slotVariableReference(
  s: tensorflow.TrackableObjectGraph.TrackableObject.SlotVariableReference.$Properties,
): SlotVariableReference {
  return { originalVariableNodeId: s.originalVariableNodeId ?? 0, slotName: s.slotName ?? '', slotVariableNodeId: s.slotVariableNodeId ?? 0 }
}
