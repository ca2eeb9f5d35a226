import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openCheckpoint } from '../checkpoint'
import { BundleWriter } from '../write/bundle-writer'
import { defaultStatsCacheDir } from './stats-cache'
import { StatsEngine } from './stats-engine'

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)

async function write(prefix: string, scale: number): Promise<void> {
  const w = await BundleWriter.create(prefix, { overwrite: true })
  await w.add('w', 1, [4, 250], bytesOf(Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i) * scale)))
  await w.add('b', 1, [4], bytesOf(new Float32Array([1, 2, 3, scale])))
  await w.add('name', 7, [], [new TextEncoder().encode('layer')])
  await w.finish()
}

describe('statistics cache: memory LRU + one JSON file per checkpoint, keyed by file identity and CRC', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-cache-'))
  const cacheDir = join(dir, 'cache')
  const prefix = join(dir, 'ckpt')
  const engines: StatsEngine[] = []
  const engine = () => {
    const e = new StatsEngine({ workers: 1, cacheDir })
    engines.push(e)
    return e
  }
  afterAll(() => Promise.all(engines.map((e) => e.dispose())))

  it('serves repeated calls from memory, a new process from disk, and invalidates when the file is rewritten', async () => {
    await write(prefix, 1)
    const keys = ['w', 'b', 'name']
    const a = engine()
    let c = await openCheckpoint(prefix)
    const first = await a.stats(c, keys)
    expect(first.fromCache).toBe(0)
    expect(first.bytesRead).toBeGreaterThan(4000)
    const second = await a.stats(c, keys)
    expect(second).toMatchObject({ fromCache: 3, bytesRead: 0 })
    expect(second.tensors).toEqual(first.tensors)

    // a fresh engine (a reopened app) answers from disk at once, streaming the cached tensors first
    const b = engine()
    const streamed: string[] = []
    const third = await b.stats(c, keys, { onTensors: (batch) => streamed.push(...batch.map((t) => t.key)) })
    expect(third).toMatchObject({ fromCache: 3, bytesRead: 0 })
    expect(third.tensors).toEqual(first.tensors)
    expect(streamed.sort()).toEqual([...keys].sort())
    // other bins are other results
    expect((await b.stats(c, ['w'], { bins: 8 })).fromCache).toBe(0)
    await c.close()

    // rewrite the same prefix with other values: identities change (size/mtime), nothing stale is served
    await write(prefix, 5)
    c = await openCheckpoint(prefix)
    const after = await b.stats(c, keys)
    expect(after.fromCache).toBe(0)
    expect(after.tensors.find((t) => t.key === 'b')!.max).toBe(5)
    expect(after.tensors.find((t) => t.key === 'w')!.max).toBeGreaterThan(4)
    // and the disk file no longer holds entries for the old bytes
    const files = readdirSync(cacheDir).filter((f) => f.endsWith('.json'))
    expect(files).toHaveLength(1)
    const disk = JSON.parse(readFileSync(join(cacheDir, files[0]), 'utf8'))
    expect(Object.values(disk.entries as Record<string, { stats: { key: string } }>).map((e) => e.stats.key).sort()).toEqual(['b', 'name', 'w'])
    const fresh = engine()
    expect((await fresh.stats(c, keys)).fromCache).toBe(3)
    await c.close()
  })

  it('lives under $XDG_CACHE_HOME or ~/.cache', () => {
    expect(defaultStatsCacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/checkpoint-explorer/stats')
    expect(defaultStatsCacheDir({})).toBe(join(homedir(), '.cache', 'checkpoint-explorer', 'stats'))
    expect(defaultStatsCacheDir({ XDG_CACHE_HOME: 'relative' })).toBe(join(homedir(), '.cache', 'checkpoint-explorer', 'stats'))
  })
})
