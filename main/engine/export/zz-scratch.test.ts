import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { it } from 'vitest'
import { openCheckpoint } from '../checkpoint'
import { fixturePath, loadManifest } from '../test-support/fixtures'
import { selectTensors } from './selection'
import { exportTfCheckpoint } from './tf-export'

it('scratch', async () => {
  for (const f of loadManifest()) for (const c of f.checkpoints) {
    if (!c.format.startsWith('TensorBundle')) continue
    const prefix = fixturePath(f.short_name, c.index.replace(/\.index$/, ''))
    const ck = await openCheckpoint(prefix)
    const sel = selectTensors(ck)
    const out = join(mkdtempSync(join(tmpdir(), 'x-')), 'o')
    const r = await exportTfCheckpoint(ck, sel, { out })
    const same = (a: string, b: string) => Buffer.compare(readFileSync(a), readFileSync(b)) === 0
    const idx = same(prefix + '.index', out + '.index')
    const data = c.header.num_shards === 1 ? same(prefix + '.data-00000-of-00001', out + '.data-00000-of-00001') : null
    const s = selectTensors(ck, { preset: 'strip-optimizer' })
    const r2 = await exportTfCheckpoint(ck, s, { out: out + '-strip' })
    console.log(f.short_name, c.index, 'idx', idx, 'data', data, r.objectGraph, r.verify.ok, 'strip', r2.bytes, '/', r.bytes, r2.objectGraph, s.dropped.length)
    await ck.close()
  }
})
