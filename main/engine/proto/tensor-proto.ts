/**
 * TensorProto, decoded by hand: protobufjs would turn int64/uint64 values into lossy numbers and copy packed
 * floats element by element. Numeric *_val fields come back as typed arrays (64-bit ones as BigInt arrays).
 */
import { CheckpointError } from '@shared/errors'
import { tensorflow } from '@proto/gen/tf.js'
import { guarded, tensorShape, type TensorShape, type Where } from './decode'
import { ProtoReader, WIRE_FIXED32, WIRE_FIXED64, WIRE_LEN, WIRE_VARINT, WireError } from './wire'

export interface TensorProtoValue {
  dtype: number
  /** null when tensor_shape is absent (V1 slices never set it). */
  shape: TensorShape | null
  versionNumber: number
  tensorContent: Uint8Array
  /** Bit patterns of float16/bfloat16 values, one per int32. */
  halfVal: Int32Array
  floatVal: Float32Array
  doubleVal: Float64Array
  intVal: Int32Array
  stringVal: Uint8Array[]
  /** Interleaved real, imaginary. */
  scomplexVal: Float32Array
  int64Val: BigInt64Array
  /** 0 or 1 per element. */
  boolVal: Uint8Array
  dcomplexVal: Float64Array
  uint32Val: Uint32Array
  uint64Val: BigUint64Array
  /** Serialized ResourceHandleProto / VariantTensorDataProto messages, kept opaque. */
  resourceHandleVal: Uint8Array[]
  variantVal: Uint8Array[]
}

/** Collects the little-endian bytes of a fixed-width repeated field, packed or not. */
class FixedChunks {
  private chunks: Uint8Array[] = []
  private total = 0
  constructor(private readonly width: 4 | 8) {}
  add(b: Uint8Array): void {
    if (b.length % this.width) throw new WireError(`packed field of ${b.length} bytes is not a multiple of ${this.width}`)
    this.chunks.push(b)
    this.total += b.length
  }
  /** A fresh, aligned buffer. */
  bytes(): ArrayBuffer {
    const out = new Uint8Array(this.total)
    let p = 0
    for (const c of this.chunks) {
      out.set(c, p)
      p += c.length
    }
    return out.buffer
  }
}

export function decodeTensorProto(bytes: Uint8Array, where: Where = {}): TensorProtoValue {
  try {
    return decodeTensorProtoUnchecked(bytes, where)
  } catch (e) {
    if (e instanceof CheckpointError) throw e
    throw new CheckpointError('bad-proto', `Cannot parse TensorProto: ${(e as Error).message}`, { file: where.file, key: where.key })
  }
}

function decodeTensorProtoUnchecked(bytes: Uint8Array, where: Where): TensorProtoValue {
  const r = new ProtoReader(bytes)
  let dtype = 0
  let shape: TensorShape | null = null
  let versionNumber = 0
  let tensorContent: Uint8Array = new Uint8Array(0)
  const half: number[] = []
  const ints: number[] = []
  const int64s: bigint[] = []
  const uint32s: number[] = []
  const uint64s: bigint[] = []
  const bools: number[] = []
  const floats = new FixedChunks(4)
  const doubles = new FixedChunks(8)
  const scomplex = new FixedChunks(4)
  const dcomplex = new FixedChunks(8)
  const strings: Uint8Array[] = []
  const resources: Uint8Array[] = []
  const variants: Uint8Array[] = []

  // A repeated varint field may arrive packed (wire 2) or one element per tag (wire 0).
  const varints = (wireType: number, read: (s: ProtoReader) => void): void => {
    if (wireType === WIRE_LEN) {
      const payload = r.lenDelimited()
      const s = new ProtoReader(payload)
      while (!s.eof()) read(s)
    } else if (wireType === WIRE_VARINT) read(r)
    else throw new WireError(`wire type ${wireType} for a varint field`)
  }
  const fixed = (wireType: number, chunks: FixedChunks, width: 4 | 8): void => {
    if (wireType === WIRE_LEN) chunks.add(r.lenDelimited())
    else if ((width === 4 && wireType === WIRE_FIXED32) || (width === 8 && wireType === WIRE_FIXED64)) chunks.add(r.take(width))
    else throw new WireError(`wire type ${wireType} for a fixed${width * 8} field`)
  }
  const len = (wireType: number): Uint8Array => {
    if (wireType !== WIRE_LEN) throw new WireError(`wire type ${wireType} for a length-delimited field`)
    return r.lenDelimited()
  }

  while (!r.eof()) {
    const { field, wireType } = r.tag()
    switch (field) {
      case 1:
        if (wireType !== WIRE_VARINT) throw new WireError('dtype is not a varint')
        dtype = r.varint32()
        break
      case 2: {
        const b = len(wireType)
        shape = tensorShape(guarded('TensorShapeProto', where, () => tensorflow.TensorShapeProto.decode(b)))
        break
      }
      case 3:
        if (wireType !== WIRE_VARINT) throw new WireError('version_number is not a varint')
        versionNumber = r.varint32()
        break
      case 4:
        tensorContent = len(wireType)
        break
      case 5:
        fixed(wireType, floats, 4)
        break
      case 6:
        fixed(wireType, doubles, 8)
        break
      case 7:
        varints(wireType, (s) => ints.push(s.varint32()))
        break
      case 8:
        strings.push(len(wireType))
        break
      case 9:
        fixed(wireType, scomplex, 4)
        break
      case 10:
        varints(wireType, (s) => int64s.push(BigInt.asIntN(64, s.varintBig())))
        break
      case 11:
        varints(wireType, (s) => bools.push(s.varintBig() !== 0n ? 1 : 0))
        break
      case 12:
        fixed(wireType, dcomplex, 8)
        break
      case 13:
        varints(wireType, (s) => half.push(s.varint32()))
        break
      case 14:
        resources.push(len(wireType))
        break
      case 15:
        variants.push(len(wireType))
        break
      case 16:
        varints(wireType, (s) => uint32s.push(s.varint32() >>> 0))
        break
      case 17:
        varints(wireType, (s) => uint64s.push(s.varintBig()))
        break
      default:
        r.skip(wireType)
    }
  }
  return {
    dtype,
    shape,
    versionNumber,
    tensorContent,
    halfVal: Int32Array.from(half),
    floatVal: new Float32Array(floats.bytes()),
    doubleVal: new Float64Array(doubles.bytes()),
    intVal: Int32Array.from(ints),
    stringVal: strings,
    scomplexVal: new Float32Array(scomplex.bytes()),
    int64Val: BigInt64Array.from(int64s),
    boolVal: Uint8Array.from(bools),
    dcomplexVal: new Float64Array(dcomplex.bytes()),
    uint32Val: Uint32Array.from(uint32s),
    uint64Val: BigUint64Array.from(uint64s),
    resourceHandleVal: resources,
    variantVal: variants,
  }
}
