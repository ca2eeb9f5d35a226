import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TensorStats } from '@shared/model'
import { openCheckpoint, type Checkpoint } from '../checkpoint'
import { dtypeByName } from '../dtypes/dtype'
import { BundleWriter } from '../write/bundle-writer'
import { StatsEngine } from './stats-engine'
import { expectMatchesReference, rel } from './test-support/expect-stats'
import { normals, rng } from './test-support/reference'

const code = (name: string) => dtypeByName(name)!.code
const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength).slice()
const BINS = 32

/** Tensors of every numeric dtype, NaN, ±Inf, zeros, negative zero and subnormals included where the dtype has them. */
function samples(): { key: string; dtype: string; shape: number[]; bytes: Uint8Array }[] {
  const r = rng(42)
  const rand16 = (n: number) => bytesOf(Uint16Array.from({ length: n }, () => Math.floor(r() * 65536)))
  const rand8 = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(r() * 256))
  const f32 = Float32Array.from(normals(3000, 1), (x) => x * 0.02)
  f32.set([NaN, Infinity, -Infinity, 0, -0, 1.4e-45, -1.4e-45, 1.1754942e-38, 3.4e38, -3.4e38], 100)
  const f64 = Float64Array.from(normals(2000, 2), (x) => 1e8 + x)
  f64.set([NaN, -Infinity, 5e-324, 1e150, -1e150, 0], 10)
  const c64 = Float32Array.from(normals(2000, 3))
  c64.set([NaN, 1, Infinity, NaN, 3e38, 3e38, 0, 0], 0)
  const c128 = Float64Array.from(normals(2000, 4), (x) => x * 1e100)
  const all256 = Uint8Array.from({ length: 1024 }, (_, i) => i % 256)
  return [
    { key: 'f32', dtype: 'float32', shape: [30, 100], bytes: bytesOf(f32) },
    { key: 'f64', dtype: 'float64', shape: [2000], bytes: bytesOf(f64) },
    { key: 'f16', dtype: 'float16', shape: [40, 50], bytes: rand16(2000) }, // every pattern kind: NaN, Inf, subnormal
    { key: 'bf16', dtype: 'bfloat16', shape: [2000], bytes: rand16(2000) },
    ...['float8_e5m2', 'float8_e4m3fn', 'float8_e4m3fnuz', 'float8_e4m3b11fnuz', 'float8_e5m2fnuz'].map((dtype) => ({ key: dtype, dtype, shape: [4, 256], bytes: all256 })),
    { key: 'i8', dtype: 'int8', shape: [1000], bytes: rand8(1000) },
    { key: 'u8', dtype: 'uint8', shape: [1000], bytes: rand8(1000) },
    { key: 'i16', dtype: 'int16', shape: [1000], bytes: rand16(1000) },
    { key: 'u16', dtype: 'uint16', shape: [1000], bytes: rand16(1000) },
    { key: 'i32', dtype: 'int32', shape: [1000], bytes: bytesOf(Int32Array.from({ length: 1000 }, () => Math.floor((r() - 0.5) * 2 ** 32))) },
    { key: 'u32', dtype: 'uint32', shape: [1000], bytes: bytesOf(Uint32Array.from({ length: 1000 }, () => Math.floor(r() * 2 ** 32))) },
    { key: 'i64', dtype: 'int64', shape: [1000], bytes: bytesOf(BigInt64Array.from({ length: 1000 }, (_, i) => (i === 0 ? -(2n ** 63n) : i === 1 ? 2n ** 63n - 1n : BigInt(Math.floor((r() - 0.5) * 2 ** 60))))) },
    { key: 'u64', dtype: 'uint64', shape: [1000], bytes: bytesOf(BigUint64Array.from({ length: 1000 }, (_, i) => (i === 0 ? 2n ** 64n - 1n : BigInt(Math.floor(r() * 2 ** 60))))) },
    { key: 'i4', dtype: 'int4', shape: [1000], bytes: Uint8Array.from({ length: 1000 }, () => Math.floor(r() * 16)) },
    { key: 'u4', dtype: 'uint4', shape: [1000], bytes: Uint8Array.from({ length: 1000 }, () => Math.floor(r() * 16)) },
    { key: 'bool', dtype: 'bool', shape: [1000], bytes: Uint8Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 1 : 0)) },
    { key: 'c64', dtype: 'complex64', shape: [1000], bytes: bytesOf(c64) },
    { key: 'c128', dtype: 'complex128', shape: [1000], bytes: bytesOf(c128) },
    { key: 'empty', dtype: 'float32', shape: [0, 4], bytes: new Uint8Array(0) },
    { key: 'scalar', dtype: 'float32', shape: [], bytes: bytesOf(new Float32Array([-2.5])) },
    { key: 'all_nan', dtype: 'float32', shape: [3], bytes: bytesOf(new Float32Array([NaN, NaN, Infinity])) },
    { key: 'constant', dtype: 'float32', shape: [5], bytes: bytesOf(new Float32Array([7, 7, 7, 7, 7])) },
    { key: 'zeros', dtype: 'float64', shape: [2, 2], bytes: new Uint8Array(32) },
  ]
}

/** Beyond ~1e154 the squares of float64 values overflow the accumulators. */
function hugeSample() {
  return { key: 'f64_huge', dtype: 'float64', shape: [4], bytes: bytesOf(new Float64Array([1e300, -1e300, 1, 2])) }
}

describe('statistics of every dtype, through the writer and the worker pool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-stats-'))
  const list = samples()
  let ckpt: Checkpoint
  const engine = new StatsEngine({ workers: 2, cacheDir: null })

  beforeAll(async () => {
    const prefix = join(dir, 'all')
    const w = await BundleWriter.create(prefix)
    for (const s of [...list, hugeSample()]) await w.add(s.key, code(s.dtype), s.shape, s.bytes)
    // partitioned: the f32 sample cut into 3 row slices over two shards is not possible with one shard, so 1
    const f32 = list[0]
    const rows = (a: number, b: number) => f32.bytes.slice(a * 400, b * 400)
    await w.addSlice('f32_parts', code('float32'), [30, 100], [{ start: 0, length: 10 }, { start: 0, length: -1 }], rows(0, 10))
    await w.addSlice('f32_parts', code('float32'), [30, 100], [{ start: 10, length: 20 }, { start: 0, length: -1 }], rows(10, 30))
    await w.add('strings', code('string'), [3], [new TextEncoder().encode('hello'), new Uint8Array(0), Uint8Array.from([0xff, 0x41])])
    await w.finish()
    ckpt = await openCheckpoint(prefix)
  })
  afterAll(async () => {
    await ckpt?.close()
    await engine.dispose()
  })

  it('numbers match float64 references decoded with DataView, for every dtype and edge case', async () => {
    const out = await engine.stats(
      ckpt,
      list.map((s) => s.key),
      { bins: BINS },
    )
    expect(out.tensors.map((t) => t.key)).toEqual(list.map((s) => s.key))
    for (const [i, s] of list.entries()) {
      const t = out.tensors[i]
      expect(t.dtype).toBe(s.dtype)
      expect(t.crcOk).toBe(true)
      expectMatchesReference(t, s.dtype, s.bytes, BINS, { exactQuantiles: true })
    }
  })

  it('float64 values beyond 1e154: min, max and mean are right; std and l2 overflow and are null, never wrong', async () => {
    const [t] = (await engine.stats(ckpt, ['f64_huge'])).tensors
    expect(t).toMatchObject({ min: -1e300, max: 1e300, mean: 0.75, std: null, l2: null, absMax: 1e300 })
    expect(t.quantiles!.p50).toBe(1.5)
  })

  it('extras: bool fraction, exact 64-bit extrema, magnitudes for complex, bounds stated, constant range ±0.5', async () => {
    const byKey = new Map((await engine.stats(ckpt, ['bool', 'i64', 'u64', 'c64', 'constant', 'f32', 'bf16'], { bins: 4 })).tensors.map((t) => [t.key, t]))
    expect(byKey.get('bool')).toMatchObject({ basis: 'booleans', fractionTrue: 334 / 1000, min: 0, max: 1 })
    expect(byKey.get('i64')).toMatchObject({ exactMin: '-9223372036854775808', exactMax: '9223372036854775807' })
    expect(byKey.get('u64')!.exactMax).toBe('18446744073709551615')
    expect(byKey.get('c64')!.basis).toBe('finite-magnitudes')
    expect(byKey.get('constant')!.histogram).toEqual({ edges: [6.5, 6.75, 7, 7.25, 7.5], counts: [0, 0, 5, 0] })
    // small tensors are held whole by one worker: exact quantiles, no bound
    expect(byKey.get('f32')!.quantileBound).toBeNull()
  })

  it('a partitioned variable: statistics of the whole tensor, read from its slices', async () => {
    const [whole, parts] = (await engine.stats(ckpt, ['f32', 'f32_parts'], { bins: BINS })).tensors
    expect(parts.slices).toBe(2)
    expect(parts.crcOk).toBe(true)
    const strip = (t: TensorStats) => ({ ...t, key: '', slices: undefined, quantiles: undefined, quantileBound: undefined })
    // same multiset of values; the order they were summed in differs, so compare the moments loosely
    expect({ ...strip(parts), mean: 0, std: 0, l2: 0 }).toEqual({ ...strip(whole), mean: 0, std: 0, l2: 0 })
    // (this sample holds ±3.4e38: the mean is only meaningful relative to the spread)
    expect(Math.abs(parts.mean! - whole.mean!)).toBeLessThan(1e-12 * whole.std!)
    expect(rel(parts.std!, whole.std!)).toBeLessThan(1e-12)
    expectMatchesReference(parts, 'float32', list[0].bytes, BINS, { exactQuantiles: false })
  })

  it('strings: count, byte lengths and a sample; bins 0 means no histogram', async () => {
    const [s, f] = (await engine.stats(ckpt, ['strings', 'f16'], { bins: 0 })).tensors
    expect(s).toMatchObject({ count: 3, basis: 'none', min: null, crcOk: true, strings: { minLength: 0, maxLength: 5, meanLength: 7 / 3, totalBytes: 7, sample: ['hello', '', '\\xffA'] } })
    expect(f.histogram).toBeNull()
    expect(f.quantiles).not.toBeNull()
  })

  it('streams finished tensors in batches and reports bytes', async () => {
    const batches: TensorStats[][] = []
    const progress: [number, number][] = []
    const keys = list.map((s) => s.key)
    await engine.stats(ckpt, keys, { onTensors: (b) => batches.push(b), onProgress: (d, t) => progress.push([d, t]) })
    expect(batches.flat().map((t) => t.key).sort()).toEqual([...keys].sort())
    const last = progress[progress.length - 1]
    expect(last[0]).toBe(last[1])
    expect(last[1]).toBeGreaterThanOrEqual(list.reduce((n, s) => n + s.bytes.length, 0))
  })
})
