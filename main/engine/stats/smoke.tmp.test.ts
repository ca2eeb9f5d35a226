import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openCheckpoint } from '../checkpoint'
import { BundleWriter } from '../write/bundle-writer'
import { StatsEngine } from './stats-engine'

it('smoke', async () => {
  const prefix = join(mkdtempSync(join(tmpdir(), 'ckpt-s-')), 'x')
  const w = await BundleWriter.create(prefix)
  const a = new Float32Array(3_000_000).map((_, i) => Math.sin(i))
  a[7] = NaN
  await w.add('a', 1, [1000, 3000], new Uint8Array(a.buffer))
  await w.add('b', 1, [3], new Uint8Array(new Float32Array([1, 2, 3]).buffer))
  await w.add('s', 7, [2], [new TextEncoder().encode('hi'), new TextEncoder().encode('there')])
  await w.finish()
  const c = await openCheckpoint(prefix)
  const e = new StatsEngine({ workers: 2 })
  const t0 = performance.now()
  const out = await e.stats(c, ['a', 'b', 's'], { onProgress: (d, t) => console.log('progress', d, t) })
  console.log(performance.now() - t0, JSON.stringify(out.tensors.map((t) => ({ ...t, histogram: t.histogram?.counts.slice(0, 5) }))))
  const ov = await e.overview(c, { id: '', key: 'a', cells: 4 })
  console.log(JSON.stringify(ov))
  const sl = await e.slice2d(c, { id: '', key: 'a', rowLimit: 2, colLimit: 3 })
  console.log(JSON.stringify(sl))
  await e.dispose()
  await c.close()
  expect(out.tensors.length).toBe(3)
})
