/**
 * Pure decoding for the old V1 (TensorSlice) checkpoint: one LevelDB table whose values are SavedTensorSlices.
 * Key "" holds the table of contents (`meta`); every other key is EncodeTensorNameSlice(name, slice) and holds
 * that slice's values as a TensorProto with only the typed *_val fields set (no dtype, no shape).
 */
import { CheckpointError } from '@shared/errors'
import type { SliceExtent } from '@shared/model'
import { dtypeName } from '../dtypes/dtype'
import { decodeSavedTensorSlices, type TensorProtoValue, type VersionDef } from '../proto'

// The key layout is the V2 slice-key layout (spec §4.7); one implementation serves both.
export { decodeSliceKey, type DecodedSliceKey } from '../bundle/slice-key'

export interface V1TensorMeta {
  name: string
  shape: number[]
  dtype: number
  /** One extent list per stored slice; length -1 = whole dimension. A scalar has one empty list. */
  slices: SliceExtent[][]
}

export interface V1Meta {
  tensors: V1TensorMeta[]
  /** null in files older than the `versions` field. */
  versions: VersionDef | null
}

export interface V1SliceValue {
  name: string
  slice: SliceExtent[]
  tensorProto: TensorProtoValue
}

/** The "" entry: every tensor with its shape, dtype and slices. */
export function decodeV1Meta(value: Uint8Array, file: string): V1TensorMeta[] {
  return decodeV1MetaFull(value, file).tensors
}

export function decodeV1MetaFull(value: Uint8Array, file: string): V1Meta {
  const v = decodeSavedTensorSlices(value, { file, key: '' })
  if (!v.meta) throw new CheckpointError('bad-proto', 'The V1 checkpoint\'s "" entry holds no tensor list (SavedTensorSliceMeta)', { file, key: '' })
  return {
    tensors: v.meta.tensors.map((t) => {
      if (t.shape.unknownRank) throw new CheckpointError('bad-entry', `Tensor ${t.name} has an unknown-rank shape`, { file, key: t.name })
      return { name: t.name, shape: t.shape.dims, dtype: t.dtype, slices: t.slices }
    }),
    versions: v.meta.versions,
  }
}

/** A slice entry's value. `key` (display form) only improves error messages. */
export function decodeV1SliceValue(value: Uint8Array, file: string, key?: string): V1SliceValue {
  const v = decodeSavedTensorSlices(value, { file, key })
  if (!v.data) throw new CheckpointError('bad-proto', 'V1 slice entry holds no SavedSlice', { file, key })
  if (!v.data.data) throw new CheckpointError('bad-proto', `V1 slice of ${v.data.name} holds no data`, { file, key: key ?? v.data.name })
  // An absent slice message is the proto default: rank 0 (a scalar).
  return { name: v.data.name, slice: v.data.slice ?? [], tensorProto: v.data.data }
}

type Source = 'content' | 'float' | 'double' | 'int' | 'int64' | 'bool' | 'half' | 'scomplex' | 'dcomplex' | 'uint32' | 'uint64'

/** Bytes per element and the TensorProto field TF fills for each dtype (tensor.cc ProtoHelper, saved_tensor_slice_util.h). */
const LAYOUT: Record<number, { size: number; from: Source }> = {
  1: { size: 4, from: 'float' },
  2: { size: 8, from: 'double' },
  3: { size: 4, from: 'int' },
  4: { size: 1, from: 'int' },
  5: { size: 2, from: 'int' },
  6: { size: 1, from: 'int' },
  8: { size: 8, from: 'scomplex' },
  9: { size: 8, from: 'int64' },
  10: { size: 1, from: 'bool' },
  11: { size: 1, from: 'int' },
  12: { size: 1, from: 'int' },
  13: { size: 4, from: 'int' },
  14: { size: 2, from: 'half' },
  15: { size: 2, from: 'int' },
  16: { size: 2, from: 'int' },
  17: { size: 2, from: 'int' },
  18: { size: 16, from: 'dcomplex' },
  19: { size: 2, from: 'half' },
  22: { size: 4, from: 'uint32' },
  23: { size: 8, from: 'uint64' },
}

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
}

/**
 * Little-endian element bytes of `numElements` elements, C order. Uses tensor_content when set, else the typed
 * field for `dtype`, with TF's FromProto rule: no values → zeros; fewer values than elements → the last value
 * repeats (so a single value fills the shape); extra values are ignored. V1 writers store every value.
 */
export function tensorProtoToBytes(tp: TensorProtoValue, dtype: number, numElements: number, where: { file?: string; key?: string } = {}): Uint8Array {
  const base = dtype > 100 && dtype < 200 ? dtype - 100 : dtype
  const layout = LAYOUT[base]
  if (dtype === 7 || base === 7) {
    throw new CheckpointError('unsupported', 'String tensors have no fixed-width bytes; use tensorProtoStrings', where)
  }
  if (!Number.isSafeInteger(numElements) || numElements < 0) {
    throw new CheckpointError('invalid-argument', `Invalid element count ${numElements}`, where)
  }
  if (tp.tensorContent.length > 0) {
    if (!layout) {
      // Fixed-width types we have no table for (float8, int4, ...) still work through tensor_content when its size divides.
      if (numElements === 0 || tp.tensorContent.length % numElements !== 0) {
        throw new CheckpointError('bad-proto', `tensor_content of ${tp.tensorContent.length} bytes does not hold ${numElements} ${dtypeName(dtype)} elements`, where)
      }
      return tp.tensorContent
    }
    if (tp.tensorContent.length !== numElements * layout.size) {
      throw new CheckpointError(
        'bad-proto',
        `tensor_content is ${tp.tensorContent.length} bytes, expected ${numElements * layout.size} for ${numElements} ${dtypeName(dtype)} elements`,
        where,
      )
    }
    return tp.tensorContent
  }
  if (!layout) throw new CheckpointError('unsupported', `Cannot read ${dtypeName(dtype)} values from a TensorProto without tensor_content`, where)

  const { size, from } = layout
  // The stored values as raw little-endian element bytes (count = stored elements).
  let raw: Uint8Array
  switch (from) {
    case 'float':
      raw = bytesOf(tp.floatVal)
      break
    case 'double':
      raw = bytesOf(tp.doubleVal)
      break
    case 'scomplex':
      raw = bytesOf(tp.scomplexVal.subarray(0, tp.scomplexVal.length & ~1))
      break
    case 'dcomplex':
      raw = bytesOf(tp.dcomplexVal.subarray(0, tp.dcomplexVal.length & ~1))
      break
    case 'bool':
      raw = tp.boolVal
      break
    case 'int64':
      raw = leBig(tp.int64Val, false)
      break
    case 'uint64':
      raw = leBig(tp.uint64Val, true)
      break
    case 'uint32':
      raw = leInts(Array.from(tp.uint32Val), 4)
      break
    case 'half':
      raw = leInts(Array.from(tp.halfVal), 2)
      break
    default:
      raw = leInts(Array.from(tp.intVal), size)
  }
  return fill(raw, size, numElements)
}

/** Integers truncated to `size` bytes (two's complement), little-endian. */
function leInts(values: number[], size: number): Uint8Array {
  const out = new Uint8Array(values.length * size)
  for (let i = 0; i < values.length; i++) {
    let v = values[i]
    for (let b = 0; b < size; b++) {
      out[i * size + b] = v & 0xff
      v >>= 8
    }
  }
  return out
}

function leBig(values: BigInt64Array | BigUint64Array, unsigned: boolean): Uint8Array {
  const out = new Uint8Array(values.length * 8)
  const dv = new DataView(out.buffer)
  for (let i = 0; i < values.length; i++) {
    if (unsigned) dv.setBigUint64(i * 8, values[i] as bigint, true)
    else dv.setBigInt64(i * 8, values[i] as bigint, true)
  }
  return out
}

function fill(raw: Uint8Array, size: number, numElements: number): Uint8Array {
  const have = Math.floor(raw.length / size)
  const want = numElements * size
  if (have >= numElements) return raw.length === want ? raw : raw.subarray(0, want)
  const out = new Uint8Array(want)
  if (have === 0) return out
  out.set(raw.subarray(0, have * size))
  const last = raw.subarray((have - 1) * size, have * size)
  for (let i = have; i < numElements; i++) out.set(last, i * size)
  return out
}

/** String elements of a DT_STRING TensorProto, with the same fill rule as tensorProtoToBytes. */
export function tensorProtoStrings(tp: TensorProtoValue, numElements: number): Uint8Array[] {
  const vals = tp.stringVal
  if (vals.length >= numElements) return vals.slice(0, numElements)
  if (vals.length === 0) return Array.from({ length: numElements }, () => new Uint8Array(0))
  const last = vals[vals.length - 1]
  return [...vals, ...Array.from({ length: numElements - vals.length }, () => last)]
}
