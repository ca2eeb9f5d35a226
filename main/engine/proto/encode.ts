/**
 * Hand-written encoders reproducing TF's serialization byte for byte (spec §3.11): fields in ascending number
 * order, proto3 defaults omitted, set sub-messages emitted even when empty, oneof members emitted even when 0.
 * protobufjs cannot be used for this: it has no notion of "set but empty" for our plain objects.
 */
import { CheckpointError } from '@shared/errors'
import type { SliceExtent } from '@shared/model'
import type { TrackableObjectGraph, VersionDef } from './decode'
import { ProtoWriter, WIRE_FIXED32, WIRE_VARINT } from './wire'

export interface BundleHeaderInput {
  numShards: number
  /** 0 / 'little' = LITTLE (omitted on the wire), 1 / 'big' = BIG. */
  endianness: number | 'little' | 'big'
  /** null/undefined omits the field; TF writes {producer: 1}. */
  version?: VersionDef | { producer: number; minConsumer?: number; badConsumers?: readonly number[] } | null
}

export interface BundleEntryInput {
  dtype: number
  shape: readonly number[]
  shardId?: number
  offset?: number
  size?: number
  crc32c?: number
  /** Extents use TF's in-memory form: length -1 with start 0 = whole dimension. */
  slices?: readonly (readonly SliceExtent[])[]
}

function int(what: string, n: number): number {
  if (!Number.isSafeInteger(n)) throw new CheckpointError('invalid-argument', `${what} must be a safe integer, got ${n}`)
  return n
}

/** Scalar field, omitted when it equals the proto3 default 0. */
function varintField(w: ProtoWriter, field: number, what: string, n: number | undefined): void {
  if (n === undefined || int(what, n) === 0) return
  w.tag(field, WIRE_VARINT).varint(n)
}

function stringField(w: ProtoWriter, field: number, s: string): void {
  if (s !== '') w.string(field, s)
}

function versionDef(v: NonNullable<BundleHeaderInput['version']>): Uint8Array {
  const w = new ProtoWriter(16)
  varintField(w, 1, 'version.producer', v.producer)
  varintField(w, 2, 'version.minConsumer', v.minConsumer)
  const bad = v.badConsumers ?? []
  if (bad.length) {
    // proto3 repeated scalars are packed.
    const p = new ProtoWriter(bad.length * 2)
    for (const b of bad) p.varint(int('version.badConsumers[]', b))
    w.lenDelimited(3, p.finish())
  }
  return w.finish()
}

/** Canonical TF header on a little-endian host: `08 01 1A 02 08 01`. */
export function encodeBundleHeader(h: BundleHeaderInput): Uint8Array {
  const w = new ProtoWriter(16)
  varintField(w, 1, 'numShards', h.numShards)
  const endian = h.endianness === 'little' ? 0 : h.endianness === 'big' ? 1 : h.endianness
  varintField(w, 2, 'endianness', endian)
  if (h.version) w.lenDelimited(3, versionDef(h.version))
  return w.finish()
}

export function encodeTensorShape(dims: readonly number[]): Uint8Array {
  const w = new ProtoWriter(4 + dims.length * 4)
  for (const d of dims) {
    const dim = new ProtoWriter(12)
    varintField(dim, 1, 'shape dim', d)
    w.lenDelimited(2, dim.finish())
  }
  return w.finish()
}

/** TensorSlice::AsProto: a full dimension is an empty Extent; otherwise start (omitted when 0) and length (always). */
export function encodeTensorSlice(extents: readonly SliceExtent[]): Uint8Array {
  const w = new ProtoWriter(4 + extents.length * 8)
  for (const e of extents) {
    const x = new ProtoWriter(16)
    if (!(e.start === 0 && e.length === -1)) {
      varintField(x, 1, 'slice start', e.start)
      x.tag(2, WIRE_VARINT).varint(int('slice length', e.length))
    }
    w.lenDelimited(1, x.finish())
  }
  return w.finish()
}

export function encodeBundleEntry(e: BundleEntryInput): Uint8Array {
  const w = new ProtoWriter(32)
  varintField(w, 1, 'dtype', e.dtype)
  // TF always sets shape, so a scalar is `12 00`.
  w.lenDelimited(2, encodeTensorShape(e.shape))
  varintField(w, 3, 'shardId', e.shardId)
  varintField(w, 4, 'offset', e.offset)
  varintField(w, 5, 'size', e.size)
  if (e.crc32c !== undefined && e.crc32c !== 0) {
    if (!Number.isInteger(e.crc32c) || e.crc32c < -0x80000000 || e.crc32c > 0xffffffff) {
      throw new CheckpointError('invalid-argument', `crc32c must be a 32-bit integer, got ${e.crc32c}`)
    }
    w.tag(6, WIRE_FIXED32).fixed32(e.crc32c)
  }
  for (const s of e.slices ?? []) w.lenDelimited(7, encodeTensorSlice(s))
  return w.finish()
}

/** Writes `fields` (number → writer) in `order` first, then any remaining ones ascending. */
function ordered(w: ProtoWriter, order: readonly number[] | undefined, fields: Record<number, (w: ProtoWriter) => void>): void {
  const numbers = Object.keys(fields).map(Number)
  const seq = order ? [...order.filter((f) => f in fields), ...numbers.filter((f) => !order.includes(f))] : numbers
  for (const f of seq) fields[f](w)
}

/**
 * Field order of TF's writers: children, attributes, slot_variables, registered_saver, has_checkpoint_values,
 * each sub-message ascending unless `graph.fieldOrder` (filled by the decoder, or set by the caller) says otherwise.
 */
export function encodeTrackableObjectGraph(graph: TrackableObjectGraph): Uint8Array {
  const order = graph.fieldOrder ?? {}
  const w = new ProtoWriter(256)
  for (const node of graph.nodes) {
    const n = new ProtoWriter(64)
    for (const c of node.children) {
      const x = new ProtoWriter(32)
      ordered(x, order.objectReference, {
        1: (x) => varintField(x, 1, 'children.nodeId', c.nodeId),
        2: (x) => stringField(x, 2, c.localName),
      })
      n.lenDelimited(1, x.finish())
    }
    for (const a of node.attributes) {
      const x = new ProtoWriter(64)
      ordered(x, order.serializedTensor, {
        1: (x) => stringField(x, 1, a.name),
        2: (x) => stringField(x, 2, a.fullName),
        3: (x) => stringField(x, 3, a.checkpointKey),
        4: (x) => {
          if (a.optionalRestore) x.tag(4, WIRE_VARINT).varint(1)
        },
      })
      n.lenDelimited(2, x.finish())
    }
    for (const s of node.slotVariables) {
      const x = new ProtoWriter(32)
      ordered(x, order.slotVariableReference, {
        1: (x) => varintField(x, 1, 'slotVariables.originalVariableNodeId', s.originalVariableNodeId),
        2: (x) => stringField(x, 2, s.slotName),
        3: (x) => varintField(x, 3, 'slotVariables.slotVariableNodeId', s.slotVariableNodeId),
      })
      n.lenDelimited(3, x.finish())
    }
    if (node.registeredSaver) {
      const x = new ProtoWriter(32)
      stringField(x, 1, node.registeredSaver.name)
      stringField(x, 2, node.registeredSaver.objectName)
      n.lenDelimited(4, x.finish())
    }
    if (node.hasCheckpointValues !== null) {
      // BoolValue wrapper: present-but-empty means false (`2A 00`), true is `2A 02 08 01`.
      n.lenDelimited(5, node.hasCheckpointValues ? Uint8Array.of(0x08, 0x01) : new Uint8Array(0))
    }
    w.lenDelimited(1, n.finish())
  }
  return w.finish()
}
