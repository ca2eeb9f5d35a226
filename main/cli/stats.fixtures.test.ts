import { readdirSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TensorStats } from '@shared/model'
import { formatNumpy } from '@shared/numpy-format'
import { fixturePath, HAVE_FIXTURES, SKIP_REASON } from '../engine/test-support/fixtures'
import { runCaptured } from './test-io'

if (!HAVE_FIXTURES) console.warn(SKIP_REASON)

interface Listed {
  key: string
  dtype: string
  shape: number[]
  shard: number
  offset: number
  size: number
  slices?: unknown[]
}

/** The float32 values of a tensor read straight from its data shard (offset and size as the index lists them). */
async function rawFloats(prefix: string, t: Listed): Promise<Float32Array> {
  const shard = `${basename(prefix)}.data-${String(t.shard).padStart(5, '0')}-of-`
  const file = readdirSync(dirname(prefix)).find((f) => f.startsWith(shard))!
  const h = await open(join(dirname(prefix), file))
  try {
    const buf = new Uint8Array(t.size)
    await h.read(buf, 0, t.size, t.offset)
    return new Float32Array(buf.buffer, 0, t.size / 4)
  } finally {
    await h.close()
  }
}

const CASES = [
  ['tf2-ckpt-rl-nstep-adam', 'ckpt-6'],
  ['tf1-estimator-mnist-adam', 'model.ckpt-20000'],
  ['keras-weights-food-2shards-rmsprop', 'cp.ckpt'],
  ['tf1-many-vars-wavenet', 'model.ckpt-1'],
] as const

// Statistics of real TF-written tensors against numbers computed here from the raw float32 bytes.
describe.skipIf(!HAVE_FIXTURES)('ckpt stats on real TF fixtures', () => {
  it.each(CASES)('%s/%s: every float32 tensor matches a float64 reference', async (fixture, name) => {
    const prefix = fixturePath(fixture, name)
    const listed = (JSON.parse((await runCaptured(['inspect', prefix, '--json'])).stdout) as { tensors: Listed[] }).tensors
    const r = await runCaptured(['stats', prefix, '--json'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const stats = new Map((JSON.parse(r.stdout) as { tensors: TensorStats[] }).tensors.map((t) => [t.key, t]))
    const floats = listed.filter((t) => t.dtype === 'float32' && !t.slices && t.size > 0)
    expect(floats.length).toBeGreaterThan(0)
    for (const t of floats) {
      const x = await rawFloats(prefix, t)
      let min = Infinity
      let max = -Infinity
      let sum = 0
      let zeros = 0
      for (const v of x) {
        min = Math.min(min, v)
        max = Math.max(max, v)
        sum += v
        if (v === 0) zeros++
      }
      const mean = sum / x.length
      let sq = 0
      let ss = 0
      for (const v of x) {
        sq += (v - mean) ** 2
        ss += v * v
      }
      const s = stats.get(t.key)!
      expect(s, t.key).toMatchObject({ count: x.length, finite: x.length, nan: 0, posInf: 0, negInf: 0, zeros, min, max, crcOk: true })
      const tol = (want: number) => 1e-9 * Math.max(1, Math.abs(want))
      expect(Math.abs(s.mean! - mean), `${t.key} mean`).toBeLessThanOrEqual(tol(mean))
      expect(Math.abs(s.std! - Math.sqrt(sq / x.length)), `${t.key} std`).toBeLessThanOrEqual(tol(Math.sqrt(sq / x.length)))
      expect(Math.abs(s.l2! - Math.sqrt(ss)), `${t.key} l2`).toBeLessThanOrEqual(tol(Math.sqrt(ss)))
      expect(s.histogram!.counts.reduce((a, b) => a + b, 0)).toBe(x.length)
    }
  })

  it('scan of a real checkpoint is healthy (exit 0); cat --slice of a real kernel matches its bytes', async () => {
    const prefix = fixturePath('tf2-ckpt-rl-nstep-adam', 'ckpt-6')
    const scan = await runCaptured(['scan', prefix])
    expect(scan).toMatchObject({ code: 0, stderr: '' })
    const key = 'model/layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE'
    const listed = (JSON.parse((await runCaptured(['inspect', prefix, '--json'])).stdout) as { tensors: Listed[] }).tensors
    const t = listed.find((x) => x.key === key)!
    expect(t.shape).toEqual([8, 128])
    const x = await rawFloats(prefix, t)
    // kernel[2:7:2, -4:] → rows 2, 4, 6; columns 124..127
    const want = [2, 4, 6].flatMap((r) => [124, 125, 126, 127].map((c) => x[r * 128 + c]))
    const r = await runCaptured(['cat', prefix, key, '--slice', '2:7:2, -4:'])
    expect(r.stdout).toBe(formatNumpy({ dtype: 'float32', shape: [3, 4], valueAt: (i) => want[i] }) + '\n')
  })
})
