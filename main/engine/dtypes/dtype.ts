/**
 * TensorFlow's DataType enum (types.proto) with the facts the engine needs: Python's name for it, the bytes one
 * element occupies in a bundle data file, and how its values decode.
 */
export type DTypeKind = 'float' | 'int' | 'uint' | 'bool' | 'complex' | 'string' | 'variant' | 'quantized' | 'resource' | 'unknown'

export interface DTypeInfo {
  code: number
  name: string
  /** Bytes per element in a data file; 0 for variable-length (string, variant) or unsaveable types. */
  size: number
  kind: DTypeKind
  /** Whether TF can store slices of it (partitioned variables). */
  sliceable?: boolean
}

const TABLE: DTypeInfo[] = [
  { code: 1, name: 'float32', size: 4, kind: 'float', sliceable: true },
  { code: 2, name: 'float64', size: 8, kind: 'float', sliceable: true },
  { code: 3, name: 'int32', size: 4, kind: 'int', sliceable: true },
  { code: 4, name: 'uint8', size: 1, kind: 'uint', sliceable: true },
  { code: 5, name: 'int16', size: 2, kind: 'int', sliceable: true },
  { code: 6, name: 'int8', size: 1, kind: 'int', sliceable: true },
  { code: 7, name: 'string', size: 0, kind: 'string' },
  { code: 8, name: 'complex64', size: 8, kind: 'complex', sliceable: true },
  { code: 9, name: 'int64', size: 8, kind: 'int', sliceable: true },
  { code: 10, name: 'bool', size: 1, kind: 'bool', sliceable: true },
  { code: 11, name: 'qint8', size: 1, kind: 'quantized', sliceable: true },
  { code: 12, name: 'quint8', size: 1, kind: 'quantized', sliceable: true },
  { code: 13, name: 'qint32', size: 4, kind: 'quantized', sliceable: true },
  { code: 14, name: 'bfloat16', size: 2, kind: 'float', sliceable: true },
  { code: 15, name: 'qint16', size: 2, kind: 'quantized' },
  { code: 16, name: 'quint16', size: 2, kind: 'quantized' },
  { code: 17, name: 'uint16', size: 2, kind: 'uint' },
  { code: 18, name: 'complex128', size: 16, kind: 'complex', sliceable: true },
  { code: 19, name: 'float16', size: 2, kind: 'float' },
  { code: 20, name: 'resource', size: 0, kind: 'resource' },
  { code: 21, name: 'variant', size: 0, kind: 'variant' },
  { code: 22, name: 'uint32', size: 4, kind: 'uint' },
  { code: 23, name: 'uint64', size: 8, kind: 'uint' },
  { code: 24, name: 'float8_e5m2', size: 1, kind: 'float' },
  { code: 25, name: 'float8_e4m3fn', size: 1, kind: 'float' },
  { code: 26, name: 'float8_e4m3fnuz', size: 1, kind: 'float' },
  { code: 27, name: 'float8_e4m3b11fnuz', size: 1, kind: 'float' },
  { code: 28, name: 'float8_e5m2fnuz', size: 1, kind: 'float' },
  { code: 29, name: 'int4', size: 1, kind: 'int', sliceable: true },
  { code: 30, name: 'uint4', size: 1, kind: 'uint', sliceable: true },
  { code: 31, name: 'int2', size: 1, kind: 'int' },
  { code: 32, name: 'uint2', size: 1, kind: 'uint' },
]

const BY_CODE = new Map(TABLE.map((d) => [d.code, d]))
const BY_NAME = new Map(TABLE.map((d) => [d.name, d]))
BY_NAME.set('half', BY_CODE.get(19)!)
BY_NAME.set('float', BY_CODE.get(1)!)
BY_NAME.set('double', BY_CODE.get(2)!)

/** `_REF` types (code + 100) never belong in a bundle; they are read as their base type. */
export function dtypeInfo(code: number): DTypeInfo {
  const base = code > 100 && code < 200 ? code - 100 : code
  return BY_CODE.get(base) ?? { code, name: `unknown(${code})`, size: 0, kind: 'unknown' }
}

export function dtypeName(code: number): string {
  return dtypeInfo(code).name
}

export function dtypeByName(name: string): DTypeInfo | undefined {
  return BY_NAME.get(name)
}

export function isFixedWidth(code: number): boolean {
  return dtypeInfo(code).size > 0
}

export function numElements(shape: readonly number[]): number {
  let n = 1
  for (const d of shape) n *= d
  return n
}
