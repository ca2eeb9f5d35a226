import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CheckpointError } from '@shared/errors'
import { encodeSliceKey } from '../bundle/slice-key'
import { dtypeName } from '../dtypes/dtype'
import { decodeTensorProto } from '../proto'
import { fromHex, hex, keyText, readManifest, walkTable } from '../proto/test-support'
import { ProtoWriter, WIRE_FIXED32, WIRE_VARINT } from '../proto/wire'
import { decodeSliceKey, decodeV1Meta, decodeV1MetaFull, decodeV1SliceValue, tensorProtoStrings, tensorProtoToBytes } from './v1-decode'

// Repo root is three levels up; the shared reference folder sits beside the repo.
const FIXTURES = resolve(import.meta.dirname, '../../../../shared/fixtures/tf')

const numEl = (shape: number[]) => shape.reduce((a, b) => a * b, 1)
const f32 = (...xs: number[]) => new Uint8Array(Float32Array.from(xs).buffer)

/** A TensorProto built field by field (so packed/unpacked and 64-bit values are exactly what we say). */
function tensorProto(build: (w: ProtoWriter) => void): ReturnType<typeof decodeTensorProto> {
  const w = new ProtoWriter()
  build(w)
  return decodeTensorProto(w.finish())
}

const packed = (field: number, write: (p: ProtoWriter) => void) => (w: ProtoWriter) => {
  const p = new ProtoWriter()
  write(p)
  w.lenDelimited(field, p.finish())
}

describe('tensorProtoToBytes', () => {
  it('float_val: all values, or one value repeated to fill the shape', () => {
    const tp = tensorProto(packed(5, (p) => p.raw(f32(1.5, -2, 3))))
    expect(tensorProtoToBytes(tp, 1, 3)).toEqual(f32(1.5, -2, 3))
    const one = tensorProto(packed(5, (p) => p.raw(f32(7))))
    expect(tensorProtoToBytes(one, 1, 4)).toEqual(f32(7, 7, 7, 7))
    // Fewer values: the last one repeats (tensor.cc FromProto); none: zeros; extra: ignored.
    expect(tensorProtoToBytes(tp, 1, 5)).toEqual(f32(1.5, -2, 3, 3, 3))
    expect(tensorProtoToBytes(tensorProto(() => {}), 1, 2)).toEqual(f32(0, 0))
    expect(tensorProtoToBytes(tp, 1, 2)).toEqual(f32(1.5, -2))
  })

  it('accepts unpacked floats (one fixed32 per tag) and keeps NaN payloads', () => {
    const tp = tensorProto((w) => {
      w.tag(5, WIRE_FIXED32).raw(fromHex('01 00 c0 7f'))
      w.tag(5, WIRE_FIXED32).raw(f32(2))
    })
    expect(hex(tensorProtoToBytes(tp, 1, 2))).toBe('01 00 c0 7f 00 00 00 40')
  })

  it('int_val narrows to the element width (int8, uint8, int16, uint16, int32, qint32)', () => {
    const tp = tensorProto(packed(7, (p) => p.varint(-1).varint(5).varint(-300).varint(40000)))
    expect(hex(tensorProtoToBytes(tp, 6, 4))).toBe('ff 05 d4 40')
    expect(hex(tensorProtoToBytes(tp, 4, 4))).toBe('ff 05 d4 40')
    expect(hex(tensorProtoToBytes(tp, 5, 4))).toBe('ff ff 05 00 d4 fe 40 9c')
    expect(hex(tensorProtoToBytes(tp, 17, 4))).toBe('ff ff 05 00 d4 fe 40 9c')
    expect(hex(tensorProtoToBytes(tp, 3, 4))).toBe('ff ff ff ff 05 00 00 00 d4 fe ff ff 40 9c 00 00')
    expect(tensorProtoToBytes(tp, 13, 4)).toEqual(tensorProtoToBytes(tp, 3, 4))
  })

  it('int64_val / uint64_val keep all 64 bits (no loss past 2^53)', () => {
    const tp = tensorProto((w) => {
      packed(10, (p) => p.varintBig(2n ** 63n - 1n).varint(-2).varintBig(2n ** 53n + 1n))(w)
      packed(17, (p) => p.varintBig(2n ** 64n - 1n))(w)
    })
    expect([...tp.int64Val]).toEqual([2n ** 63n - 1n, -2n, 2n ** 53n + 1n])
    expect(hex(tensorProtoToBytes(tp, 9, 3))).toBe('ff ff ff ff ff ff ff 7f fe ff ff ff ff ff ff ff 01 00 00 00 00 00 20 00')
    expect(hex(tensorProtoToBytes(tp, 23, 1))).toBe('ff ff ff ff ff ff ff ff')
  })

  it('bool_val, half_val (float16 and bfloat16), uint32_val, complex', () => {
    const tp = tensorProto((w) => {
      packed(11, (p) => p.varint(1).varint(0).varint(1))(w)
      w.tag(11, WIRE_VARINT).varint(1) // unpacked element after a packed run
      packed(13, (p) => p.varint(0x3c00).varint(0xbf80))(w)
      packed(16, (p) => p.varint(0xffffffff))(w)
      packed(9, (p) => p.raw(f32(1, 2)))(w)
      packed(12, (p) => p.raw(new Uint8Array(Float64Array.of(3, 4).buffer)))(w)
    })
    expect(hex(tensorProtoToBytes(tp, 10, 4))).toBe('01 00 01 01')
    expect(hex(tensorProtoToBytes(tp, 19, 2))).toBe('00 3c 80 bf')
    expect(hex(tensorProtoToBytes(tp, 14, 2))).toBe('00 3c 80 bf')
    expect(hex(tensorProtoToBytes(tp, 22, 1))).toBe('ff ff ff ff')
    expect(tensorProtoToBytes(tp, 8, 1)).toEqual(f32(1, 2))
    expect(tensorProtoToBytes(tp, 18, 1)).toEqual(new Uint8Array(Float64Array.of(3, 4).buffer))
  })

  it('tensor_content wins when set and must have the exact size', () => {
    const tp = tensorProto((w) => {
      w.lenDelimited(4, f32(9, 8))
      packed(5, (p) => p.raw(f32(1)))(w)
    })
    expect(tensorProtoToBytes(tp, 1, 2)).toEqual(f32(9, 8))
    expect(() => tensorProtoToBytes(tp, 1, 3)).toThrow(/tensor_content is 8 bytes, expected 12/)
    // Types without a *_val mapping are readable through tensor_content only.
    expect(tensorProtoToBytes(tp, 24, 8)).toEqual(f32(9, 8))
    expect(() => tensorProtoToBytes(tensorProto(() => {}), 24, 1)).toThrow(CheckpointError)
  })

  it('strings go through tensorProtoStrings', () => {
    const tp = tensorProto((w) => {
      w.lenDelimited(8, new TextEncoder().encode('ab'))
      w.lenDelimited(8, new Uint8Array(0))
    })
    expect(() => tensorProtoToBytes(tp, 7, 2)).toThrow(/String tensors/)
    expect(tensorProtoStrings(tp, 3).map((b) => keyText(b))).toEqual(['ab', '', ''])
    expect(tensorProtoStrings(tensorProto(() => {}), 2)).toEqual([new Uint8Array(0), new Uint8Array(0)])
  })

  it('bad TensorProto bytes are CheckpointError(bad-proto)', () => {
    expect(() => decodeTensorProto(fromHex('2a 08 00 00'), { file: 'f', key: 'k' })).toThrow(CheckpointError)
    expect(() => decodeTensorProto(fromHex('2a 03 00 00 00'))).toThrow(/multiple of 4/)
    // Unknown fields (e.g. a newer *_val) are skipped.
    const tp = decodeTensorProto(fromHex('08 01 a2 01 02 01 02 2a 04 00 00 80 3f'))
    expect(tp.dtype).toBe(1)
    expect([...tp.floatVal]).toEqual([1])
  })
})

describe('decodeV1SliceValue / decodeV1Meta errors', () => {
  it('needs meta on "" and data elsewhere', () => {
    expect(() => decodeV1Meta(fromHex('12 00'), 'm.ckpt')).toThrow(/no tensor list/)
    expect(() => decodeV1SliceValue(fromHex('0a 00'), 'm.ckpt')).toThrow(/no SavedSlice/)
    expect(() => decodeV1SliceValue(fromHex('12 03 0a 01 78'), 'm.ckpt')).toThrow(/holds no data/)
    expect(() => decodeV1SliceValue(fromHex('12 09'), 'm.ckpt', 'x')).toThrow(CheckpointError)
  })
})

interface V1Case {
  name: string
  file: string
  dataBlocks: number
  indexKeys?: string[]
  producer: number | null
}

const cases: V1Case[] = [
  {
    name: 'tf1-v1-format-multiblock',
    file: 'model.ckpt',
    dataBlocks: 3,
    // "" (prefix of the next key stays as is), shortest separator, short successor of the last key.
    indexKeys: ['', '00 56 61 72 69 61 62 6c 65 01', '01'],
    producer: null,
  },
  { name: 'tf1-v1-format-adam', file: 'video_weights.ckpt', dataBlocks: 1, producer: 1 },
]

describe.skipIf(!existsSync(FIXTURES))('V1 fixtures (missing: ../shared/fixtures/tf)', () => {
  it.each(cases)('$name: meta, slice keys and slice values agree with each other and manifest.json', (c) => {
    const path = resolve(FIXTURES, c.name, c.file)
    const table = walkTable(new Uint8Array(readFileSync(path)))
    expect(table.dataBlocks).toBe(c.dataBlocks)
    if (c.indexKeys) expect(table.indexKeys.map(hex)).toEqual(c.indexKeys)

    const manifest = readManifest().fixtures.find((f) => f.short_name === c.name)!.checkpoints[0]
    const mTensors = manifest.keys.filter((k) => k.dtype !== null)
    const mSlices = manifest.keys.filter((k) => k.dtype === null)

    expect(table.entries[0].key.length).toBe(0)
    const full = decodeV1MetaFull(table.entries[0].value, path)
    expect(full.versions?.producer ?? null).toBe(c.producer)
    const meta = decodeV1Meta(table.entries[0].value, path)
    expect(meta.map((t) => ({ key: t.name, dtype: dtypeName(t.dtype), shape: t.shape, slices: t.slices.map((s) => s.map((e) => [e.start, e.length])) }))).toEqual(
      mTensors.map((k) => ({ key: k.key, dtype: k.dtype, shape: k.shape, slices: k.slices })),
    )

    const byName = new Map(meta.map((t) => [t.name, t]))
    const slices = table.entries.slice(1)
    expect(slices.length).toBe(mSlices.length)
    for (const [i, { key, value }] of slices.entries()) {
      const k = decodeSliceKey(key, path)
      const t = byName.get(k.name)!
      expect(t, k.name).toBeDefined()
      // Keys are exactly EncodeTensorNameSlice(name, slice listed in meta); scalars have rank 0.
      expect(t.slices).toContainEqual(k.extents)
      expect(hex(encodeSliceKey(k.name, k.extents))).toBe(hex(key))
      const v = decodeV1SliceValue(value, path, k.name)
      expect(v.name).toBe(k.name)
      expect(v.slice).toEqual(k.extents)
      // The manifest's slice size is the SavedSlice message length: a 1-2 byte header precedes it.
      expect(mSlices[i].key.startsWith(`${k.name}<data slice`)).toBe(true)
      expect(value.length - mSlices[i].size!).toBeGreaterThanOrEqual(2)
      expect(value.length - mSlices[i].size!).toBeLessThanOrEqual(4)
      const n = numEl(t.shape)
      expect(v.tensorProto.floatVal.length).toBe(n)
      expect(v.tensorProto.tensorContent.length).toBe(0)
      const bytes = tensorProtoToBytes(v.tensorProto, t.dtype, n, { file: path, key: k.name })
      expect(bytes.length).toBe(n * 4)
    }
  })

  it('tf1-v1-format-adam: known values', () => {
    const path = resolve(FIXTURES, 'tf1-v1-format-adam', 'video_weights.ckpt')
    const table = walkTable(new Uint8Array(readFileSync(path)))
    const get = (name: string) => {
      const e = table.entries.find((x) => x.key.length > 0 && decodeSliceKey(x.key).name === name)!
      return decodeV1SliceValue(e.value, path, name)
    }
    const mbias2 = get('mbias2')
    expect(hex(tensorProtoToBytes(mbias2.tensorProto, 1, 2))).toBe('ea 70 71 3f be 92 b6 3e')
    expect([...mbias2.tensorProto.floatVal].map((x) => x.toFixed(4))).toEqual(['0.9431', '0.3566'])
    const beta1 = get('beta1_power')
    expect(beta1.slice).toEqual([])
    expect(tensorProtoToBytes(beta1.tensorProto, 1, 1)).toEqual(f32(0))
  })
})
