import { mkdtempSync, openSync, readSync, rmSync, writeSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dataFilename } from '../bundle/naming'
import { openCheckpoint } from '../checkpoint'
import { fixturePath, HAVE_FIXTURES, loadManifest } from '../test-support/fixtures'
import { BundleWriter } from '../write/bundle-writer'
import { StatsEngine } from './stats-engine'

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)

function flipByte(path: string, offset: number): void {
  const fd = openSync(path, 'r+')
  const b = Buffer.alloc(1)
  readSync(fd, b, 0, 1, offset)
  b[0] ^= 0x5a
  writeSync(fd, b, 0, 1, offset)
  closeSync(fd)
}

describe('verify with the worker pool: the same report as the store, faster', () => {
  const engine = new StatsEngine({ workers: 2, cacheDir: null })
  afterAll(() => engine.dispose())

  it.skipIf(!HAVE_FIXTURES)('every real fixture: identical reports', async () => {
    for (const f of loadManifest()) {
      for (const entry of f.checkpoints) {
        const c = await openCheckpoint(fixturePath(f.short_name, entry.index))
        try {
          expect(await engine.verify(c)).toEqual(await c.verify())
        } finally {
          await c.close()
        }
      }
    }
  })

  it('finds a flipped byte deep in a multi-segment tensor, one in a small tensor, and a missing shard', async () => {
    const prefix = join(mkdtempSync(join(tmpdir(), 'ckpt-pv-')), 'ckpt')
    const w = await BundleWriter.create(prefix, { numShards: 2 })
    await w.add('big', 1, [3_000_000], bytesOf(Float32Array.from({ length: 3_000_000 }, (_, i) => Math.sin(i))), 0)
    await w.add('small', 1, [4], bytesOf(new Float32Array([1, 2, 3, 4])), 0)
    await w.add('other', 1, [2], bytesOf(new Float32Array([5, 6])), 1)
    await w.add('names', 7, [2], [new TextEncoder().encode('a'), new TextEncoder().encode('bc')], 1)
    await w.finish()
    const shard0 = dataFilename(prefix, 0, 2)
    flipByte(shard0, 11_000_000)
    flipByte(shard0, 12_000_000 + 5)
    let c = await openCheckpoint(prefix)
    const fast = await engine.verify(c)
    expect(fast).toEqual(await c.verify())
    expect(fast.ok).toBe(false)
    expect(fast.problems.map((p) => [p.kind, p.key])).toEqual([
      ['tensor-crc', 'big'],
      ['tensor-crc', 'small'],
    ])
    await c.close()
    rmSync(dataFilename(prefix, 1, 2))
    c = await openCheckpoint(prefix)
    const gone = await engine.verify(c)
    expect(gone).toEqual(await c.verify())
    expect(gone.problems.map((p) => p.kind)).toContain('missing-shard')
    await c.close()
  })
})
