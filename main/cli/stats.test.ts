import { mkdtemp, readdir, rm, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TensorStats } from '@shared/model'
import { formatNumpy } from '@shared/numpy-format'
import { BundleWriter } from '../engine/write/bundle-writer'
import { runCaptured } from './test-io'
import { UNHEALTHY } from '../engine/demo/unhealthy-checkpoint'

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength).slice()

// Planted values. Expectations below are computed here, in float64, from these arrays (never by the engine).
const A = [0.5, -1.25, NaN, 2, 0, Infinity, -Infinity, 3.75, 0, -0.5, NaN, 1] // float32 [3, 4]
const B = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i * 0.7) * 10 + i / 100) // float64 [1000]
const BIG = Float32Array.from({ length: 300 * 200 }, (_, i) => (i % 997) / 7 - 50) // float32 [300, 200]
const CUBE = Float32Array.from({ length: 4 * 5 * 6 }, (_, i) => i * 0.5) // float32 [4, 5, 6]

/** What the stats must be, from the finite float32-rounded values, in float64 with a two-pass std. */
function reference(values: ArrayLike<number>) {
  const all = Array.from(values)
  const finite = all.filter(Number.isFinite)
  const mean = finite.reduce((s, x) => s + x, 0) / finite.length
  const std = Math.sqrt(finite.reduce((s, x) => s + (x - mean) ** 2, 0) / finite.length)
  return {
    count: all.length,
    finite: finite.length,
    min: Math.min(...finite),
    max: Math.max(...finite),
    mean,
    std,
    l2: Math.sqrt(finite.reduce((s, x) => s + x * x, 0)),
    nan: all.filter(Number.isNaN).length,
    posInf: all.filter((x) => x === Infinity).length,
    negInf: all.filter((x) => x === -Infinity).length,
    zeros: all.filter((x) => x === 0).length,
  }
}

/** numpy.quantile(x, q) with the default 'linear' method. */
function exactQuantile(finite: number[], q: number): number {
  const s = [...finite].sort((a, b) => a - b)
  const h = (s.length - 1) * q
  const lo = Math.floor(h)
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo])
}

const close = (got: number | null, want: number) => expect(got).toBeCloseTo(want, Math.max(0, 12 - Math.ceil(Math.log10(Math.abs(want) + 1))))

describe('ckpt stats / scan / cat --slice on generated checkpoints', () => {
  let dir: string
  let prefix: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ckpt-cli-stats-'))
    prefix = join(dir, 'model.ckpt-7')
    const w = await BundleWriter.create(prefix)
    await w.add('layer/a', 1, [3, 4], bytesOf(new Float32Array(A)))
    await w.add('layer/b', 2, [1000], bytesOf(B))
    await w.add('layer/big', 1, [300, 200], bytesOf(BIG))
    await w.add('layer/cube', 1, [4, 5, 6], bytesOf(CUBE))
    await w.add('flags', 10, [5], new Uint8Array([1, 0, 1, 1, 0]))
    await w.add('global_step', 9, [], bytesOf(new BigInt64Array([42n])))
    await w.finish()
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const statsOf = async (argv: string[]) => {
    const r = await runCaptured(['stats', prefix, ...argv, '--json'])
    expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' })
    return (JSON.parse(r.stdout) as { tensors: TensorStats[] }).tensors
  }

  it('--json: the documented fields in order, and values equal to a float64 reference', async () => {
    const [a, b] = await statsOf(['layer/a', 'layer/b'])
    expect(Object.keys(a).slice(0, 15)).toEqual(['key', 'dtype', 'shape', 'count', 'min', 'max', 'mean', 'std', 'l2', 'nan', 'posInf', 'negInf', 'zeros', 'quantiles', 'histogram'])
    expect(Object.keys(a.quantiles!)).toEqual(['p1', 'p5', 'p25', 'p50', 'p75', 'p95', 'p99'])
    for (const [got, values] of [
      [a, A.map(Math.fround)],
      [b, Array.from(B)],
    ] as const) {
      const want = reference(values)
      expect(got).toMatchObject({ count: want.count, finite: want.finite, nan: want.nan, posInf: want.posInf, negInf: want.negInf, zeros: want.zeros, min: want.min, max: want.max })
      close(got.mean, want.mean)
      close(got.std, want.std)
      close(got.l2, want.l2)
      // histogram: 64 equal bins over [min, max], every finite value counted once
      expect(got.histogram!.edges).toHaveLength(65)
      expect(got.histogram!.edges[0]).toBe(want.min)
      expect(got.histogram!.edges[64]).toBe(want.max)
      expect(got.histogram!.counts.reduce((s, c) => s + c, 0)).toBe(want.finite)
    }
    expect(a).toMatchObject({ key: 'layer/a', dtype: 'float32', shape: [3, 4], crcOk: true })
    // quantiles: exact, or within the bound the engine states
    const finite = Array.from(B)
    for (const [name, q] of [['p1', 0.01], ['p50', 0.5], ['p99', 0.99]] as const) {
      const exact = exactQuantile(finite, q)
      const tol = b.quantileBound ? b.quantileBound.relative * Math.abs(exact) + b.quantileBound.absolute + 1e-9 : 1e-9
      expect(Math.abs(b.quantiles![name] - exact), name).toBeLessThanOrEqual(tol)
    }
  })

  it('no key means every tensor; --all says the same; --bins sets the histogram', async () => {
    const every = await statsOf([])
    expect(every.map((t) => t.key).sort()).toEqual(['flags', 'global_step', 'layer/a', 'layer/b', 'layer/big', 'layer/cube'])
    expect((await statsOf(['--all'])).map((t) => t.key)).toEqual(every.map((t) => t.key))
    const [b] = await statsOf(['layer/b', '--bins', '10'])
    expect(b.histogram!.counts).toHaveLength(10)
    // the counts of 10 bins, computed here with numpy's rule (last bin closed)
    const lo = Math.min(...B)
    const hi = Math.max(...B)
    const want = new Array(10).fill(0)
    for (const x of B) want[Math.min(9, Math.floor(((x - lo) / (hi - lo)) * 10))]++
    expect(b.histogram!.counts).toEqual(want)
    const [flags, step] = await statsOf(['flags', 'global_step'])
    expect(flags).toMatchObject({ count: 5, fractionTrue: 0.6, basis: 'booleans' })
    expect(step).toMatchObject({ count: 1, min: 42, max: 42, mean: 42, std: 0 })
  })

  it('text: one aligned row per tensor; one key adds quantiles and a text histogram', async () => {
    const all = await runCaptured(['stats', prefix])
    expect(all.code).toBe(0)
    expect(all.stdout).toMatch(/^KEY\s+DTYPE\s+SHAPE\s+MIN\s+MAX\s+MEAN\s+STD\s+NAN\/INF\/ZEROS/)
    expect(all.stdout).toMatch(/^layer\/a\s+float32\s+\[3,4\]\s+-1\.25\s+3\.75\s+\S+\s+\S+\s+2\/2\/2\s*$/m)
    const one = await runCaptured(['stats', prefix, 'layer/a'])
    expect(one.stdout).toMatch(/^quantiles {2}p1 /m)
    expect(one.stdout).toMatch(/histogram of the 8 finite values \(16 bins\)/)
    const bins = one.stdout.split('\n').filter((l) => /^\[-?\d/.test(l))
    expect(bins).toHaveLength(16)
    expect(bins[0]).toMatch(/^\[-1\.25, -0\.9375\)\s+█+\S*\s+1$/)
    expect(bins[15]).toMatch(/^\[3\.4375, 3\.75\]\s+█+\S*\s+1$/)
  })

  it('usage errors and unknown keys exit 2 with a ckpt: line and no stack', async () => {
    for (const argv of [['stats', prefix, 'layer/a', '--all'], ['stats', prefix, 'nope'], ['stats', prefix, '--bins', '5000'], ['cat', prefix, 'layer/a', '--slice', '0:2:0']]) {
      const r = await runCaptured(argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.stderr, argv.join(' ')).toMatch(/^ckpt: /)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('cat --slice prints the window numpy would (values picked here from the source arrays)', async () => {
    // two free axes, negative step: a[1:, ::-2]
    const a32 = A.map(Math.fround)
    const want2 = [1, 2].flatMap((r) => [3, 1].map((c) => a32[r * 4 + c]))
    const r2 = await runCaptured(['cat', prefix, 'layer/a', '--slice', '1:, ::-2'])
    expect(r2).toMatchObject({ code: 0, stderr: '' })
    expect(r2.stdout).toBe(formatNumpy({ dtype: 'float32', shape: [2, 2], valueAt: (i) => want2[i] }) + '\n')
    // three axes with an index: cube[1:3, -1, ::2] → shape (2, 3)
    const want3 = [1, 2].flatMap((i) => [0, 2, 4].map((k) => CUBE[i * 30 + 4 * 6 + k]))
    const r3 = await runCaptured(['cat', prefix, 'layer/cube', '--slice', '1:3, -1, ::2'])
    expect(r3.stdout).toBe(formatNumpy({ dtype: 'float32', shape: [2, 3], valueAt: (i) => want3[i] }) + '\n')
    // one free axis: cube[2, :, 5]
    const want1 = [0, 1, 2, 3, 4].map((j) => CUBE[2 * 30 + j * 6 + 5])
    const r1 = await runCaptured(['cat', prefix, 'layer/cube', '--slice', '2, :, 5'])
    expect(r1.stdout).toBe(formatNumpy({ dtype: 'float32', shape: [5], valueAt: (i) => want1[i] }) + '\n')
    // a single element, and a summarised large window (only its edges are read)
    expect((await runCaptured(['cat', prefix, 'layer/big', '--slice', '-1, -1'])).stdout).toBe(formatNumpy({ dtype: 'float32', shape: [], valueAt: () => BIG[BIG.length - 1] }) + '\n')
    const big = await runCaptured(['cat', prefix, 'layer/big', '--slice', '::3, 10:'])
    const wantBig = (i: number) => BIG[Math.floor(i / 190) * 3 * 200 + 10 + (i % 190)]
    expect(big.stdout).toBe(formatNumpy({ dtype: 'float32', shape: [100, 190], valueAt: wantBig }) + '\n')
    expect(big.stdout).toContain('shape=(100, 190)')
  })

  it('scan: exit 0 on a healthy checkpoint, 1 naming NaN/Inf tensors, 2 when data is missing', async () => {
    const healthyDir = join(dir, 'healthy')
    const healthy = (await runCaptured(['make-demo', healthyDir])).stdout.trim()
    const ok = await runCaptured(['scan', healthy])
    expect(ok).toMatchObject({ code: 0, stderr: '' })
    expect(ok.stdout).toMatch(/^NaN\/Inf tensors: none$/m)
    expect(ok.stdout).toMatch(/^OK: no NaN or Inf/m)

    const sick = (await runCaptured(['make-demo', join(dir, 'sick'), '--unhealthy'])).stdout.trim()
    const bad = await runCaptured(['scan', sick])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(new RegExp(`^ {2}${UNHEALTHY.nanKey.replace(/[./]/g, '\\$&')}\\s+nan ${UNHEALTHY.nanCount}\\s+\\+inf 0`, 'm'))
    expect(bad.stdout).toContain(UNHEALTHY.zeroKey)
    expect(bad.stdout).toMatch(/negative second moment/)
    expect(bad.stderr).toMatch(/^ckpt: .*2 tensors hold NaN or Inf\n$/)
    const json = await runCaptured(['scan', sick, '--json'])
    expect(json.code).toBe(1)
    const j = JSON.parse(json.stdout)
    expect(j.ok).toBe(false)
    expect(j.health.nonFinite.map((t: { key: string }) => t.key).sort()).toEqual([UNHEALTHY.nanKey, UNHEALTHY.infKey].sort())
    expect(j.health.allZero).toEqual([UNHEALTHY.zeroKey])
    expect(j.health.suspiciousSlots[0]).toMatchObject({ key: UNHEALTHY.negativeSlotKey, reason: 'negative-second-moment' })
    expect(j.tensors.find((t: TensorStats) => t.key === UNHEALTHY.infKey)).toMatchObject({ posInf: 1, negInf: 1 })

    // our own checkpoint, with a NaN and infinities in layer/a
    expect((await runCaptured(['scan', prefix])).code).toBe(1)
    const data = (await readdir(dir)).find((f) => f.startsWith('model.ckpt-7.data-'))!
    await unlink(join(dir, data))
    const gone = await runCaptured(['scan', prefix])
    expect(gone.code).toBe(2)
    expect(gone.stderr).toMatch(/^ckpt: /)
  })
})
