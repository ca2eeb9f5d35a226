import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCheckpoint } from '../engine/checkpoint'
import { writeDemoCheckpoint } from '../engine/demo/demo-checkpoint'
import { BundleWriter } from '../engine/write/bundle-writer'
import { fixturePath, HAVE_FIXTURES } from '../engine/test-support/fixtures'
import { packSummary, unpackSummary } from '@shared/summary-wire'

async function roundTrip(path: string) {
  const c = await openCheckpoint(path)
  const s = await c.summary('c1', path)
  await c.close()
  const packed = JSON.parse(JSON.stringify(packSummary(s)))
  const back = unpackSummary(packed)
  // JSON drops undefined fields, as the wire does
  expect(back).toEqual(JSON.parse(JSON.stringify(s)))
  return { s, packedBytes: JSON.stringify(packed).length, plainBytes: JSON.stringify(s).length }
}

describe('open summary wire form', () => {
  it('round-trips the demo (TF2 with slots) and is smaller', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wire-'))
    const r = await roundTrip(await writeDemoCheckpoint(dir))
    expect(r.packedBytes).toBeLessThan(r.plainBytes / 2)
  })

  it('round-trips a TF1 name tree with partitioned variables', async () => {
    const prefix = join(mkdtempSync(join(tmpdir(), 'wire-')), 'model.ckpt-3')
    const w = await BundleWriter.create(prefix)
    await w.addSlice('emb', 1, [4, 2], [{ start: 0, length: 2 }, { start: 0, length: -1 }], new Uint8Array(16))
    await w.addSlice('emb', 1, [4, 2], [{ start: 2, length: 2 }, { start: 0, length: -1 }], new Uint8Array(16))
    await w.add('dense/kernel', 1, [2], new Uint8Array(8))
    await w.add('dense/kernel/Adam', 1, [2], new Uint8Array(8))
    await w.add('global_step', 9, [], new Uint8Array(8))
    await w.finish()
    await roundTrip(prefix)
  })

  it.skipIf(!HAVE_FIXTURES).each(['keras-savedmodel-salary-newopt', 'tf2-ckpt-golf-adam-int32', 'tf1-v1-format-adam/video_weights.ckpt', 'tf2-savedmodel-half-plus-two'])(
    'round-trips the real fixture %s',
    async (name) => {
      await roundTrip(fixturePath(name))
    },
  )
})
