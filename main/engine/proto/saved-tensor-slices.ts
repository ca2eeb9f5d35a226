/** Values of the old V1 checkpoint table: SavedTensorSlices = { meta (key "") | data (every other key) }. */
import { CheckpointError } from '@shared/errors'
import type { SliceExtent } from '@shared/model'
import { tensorflow } from '@proto/gen/tf.js'
import { guarded, sliceExtents, tensorShape, type TensorShape, type VersionDef, type Where } from './decode'
import { decodeTensorProto, type TensorProtoValue } from './tensor-proto'
import { ProtoReader, WIRE_LEN, WireError, utf8Decode } from './wire'

export interface SavedSliceMetaValue {
  name: string
  shape: TensorShape
  dtype: number
  /** TF's in-memory extents: length -1 = whole dimension. */
  slices: SliceExtent[][]
}

export interface SavedTensorSliceMetaValue {
  tensors: SavedSliceMetaValue[]
  /** null when absent (pre-0.12 files have none). */
  versions: VersionDef | null
}

export interface SavedSliceValue {
  name: string
  /** null when the slice field is absent. */
  slice: SliceExtent[] | null
  /** null when the data field is absent. */
  data: TensorProtoValue | null
}

export interface SavedTensorSlicesValue {
  meta: SavedTensorSliceMetaValue | null
  data: SavedSliceValue | null
}

function lenField(r: ProtoReader, wireType: number, what: string): Uint8Array {
  if (wireType !== WIRE_LEN) throw new WireError(`${what} has wire type ${wireType}`)
  return r.lenDelimited()
}

export function decodeSavedTensorSliceMeta(bytes: Uint8Array, where: Where = {}): SavedTensorSliceMetaValue {
  const m = guarded('SavedTensorSliceMeta', where, () => tensorflow.SavedTensorSliceMeta.decode(bytes))
  const v = m.versions
  return {
    tensors: m.tensor.map((t) => ({
      name: t.name ?? '',
      shape: tensorShape(t.shape),
      dtype: t.type ?? 0,
      slices: (t.slice ?? []).map(sliceExtents),
    })),
    versions: v ? { producer: v.producer ?? 0, minConsumer: v.minConsumer ?? 0, badConsumers: [...(v.badConsumers ?? [])] } : null,
  }
}

export function decodeSavedSlice(bytes: Uint8Array, where: Where = {}): SavedSliceValue {
  const out: SavedSliceValue = { name: '', slice: null, data: null }
  const r = new ProtoReader(bytes)
  while (!r.eof()) {
    const { field, wireType } = r.tag()
    if (field === 1) out.name = utf8Decode(lenField(r, wireType, 'SavedSlice.name'))
    else if (field === 2) {
      const b = lenField(r, wireType, 'SavedSlice.slice')
      out.slice = sliceExtents(guarded('TensorSliceProto', where, () => tensorflow.TensorSliceProto.decode(b)))
    } else if (field === 3) out.data = decodeTensorProto(lenField(r, wireType, 'SavedSlice.data'), where)
    else r.skip(wireType)
  }
  return out
}

export function decodeSavedTensorSlices(bytes: Uint8Array, where: Where = {}): SavedTensorSlicesValue {
  try {
    const out: SavedTensorSlicesValue = { meta: null, data: null }
    const r = new ProtoReader(bytes)
    while (!r.eof()) {
      const { field, wireType } = r.tag()
      if (field === 1) out.meta = decodeSavedTensorSliceMeta(lenField(r, wireType, 'SavedTensorSlices.meta'), where)
      else if (field === 2) out.data = decodeSavedSlice(lenField(r, wireType, 'SavedTensorSlices.data'), where)
      else r.skip(wireType)
    }
    return out
  } catch (e) {
    if (e instanceof CheckpointError) throw e
    throw new CheckpointError('bad-proto', `Cannot parse SavedTensorSlices: ${(e as Error).message}`, { file: where.file, key: where.key })
  }
}
