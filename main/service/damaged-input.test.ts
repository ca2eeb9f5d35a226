import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { createApiHandlers } from './api-handlers'
import { PathAccess } from './path-access'
import { dispatch } from './dispatch'
import { writeDemoCheckpoint } from '../engine/demo/demo-checkpoint'
import { dataFilename } from '../engine/bundle/naming'
/** Every method on a randomly damaged checkpoint answers data or a typed error, never an untyped failure. */
it('scan, stats, verify, match and export preview on damaged files give typed errors', async () => {
  let s = 12345
  const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
  for (let round = 0; round < 20; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'sf-'))
    const prefix = await writeDemoCheckpoint(dir)
    const f = r() < 0.5 ? dataFilename(prefix, 0, 1) : `${prefix}.index`
    const b = readFileSync(f)
    const at = Math.floor(r() * b.length)
    b[at] ^= 0x10
    writeFileSync(f, r() < 0.3 ? b.subarray(0, at) : b)
    const h = createApiHandlers({ access: new PathAccess('any'), surface: 'cli', version: 't', statsCacheDir: null })
    const o = await dispatch(h, 'open', { path: dir })
    if (o.ok) {
      const id = (o.value as { id: string }).id
      for (const [m, req] of [['scan', { id }], ['stats', { id }], ['verify', { id }], ['match', { sourceId: id, targetId: id }], ['previewExport', { id, spec: { preset: 'strip-optimizer' } }]] as const) {
        const res = await dispatch(h, m, req)
        if (!res.ok) expect(res.error.name, `${m} round ${round}`).toBe('CheckpointError')
        if (!res.ok && res.error.code === 'io') throw new Error(`${m} round ${round}: untyped ${res.error.message}`)
      }
    } else if (o.error.code === 'io') throw new Error(`open round ${round}: untyped ${o.error.message}`)
    await h.dispose()
  }
})
