import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProgressEvent } from '@shared/api'
import type { ExportResult, SelectionSummary } from '@shared/edit'
import { createApiHandlers } from './api-handlers'
import { PathAccess } from './path-access'
import { contractClient } from './test-support/contract-client'
import { writeRestorePair } from './test-support/restore-models'

describe('previewExport and export through the contract', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-export-api-'))
  const handlers = createApiHandlers({ access: new PathAccess('any'), surface: 'cli', version: 't', statsCacheDir: null, statsWorkers: 1 })
  let id = ''
  const { call, ok, openId } = contractClient(handlers)

  beforeAll(async () => {
    const p = await writeRestorePair(dir)
    id = await openId(p.source)
  })
  afterAll(() => handlers.dispose())

  it('previewExport: kept keys, and what is dropped counted by reason', async () => {
    const s = await ok<SelectionSummary>('previewExport', { id, spec: { preset: 'strip-optimizer' } })
    expect(s.keptKeys).toHaveLength(5) // 4 weights + save_counter
    expect(s.droppedByReason).toEqual([
      { reason: 'optimizer-slot', count: 8, bytes: s.dropped.filter((d) => d.reason === 'optimizer-slot').reduce((n, d) => n + d.bytes, 0) },
      { reason: 'optimizer-state', count: 2, bytes: 8 + 4 },
    ])
    expect(s.objectGraph.action).toBe('pruned')
    expect(s.droppedBytes).toBe(s.dropped.reduce((n, d) => n + d.bytes, 0))
    expect(s.keptBytes).toBe(4 * (4 * 8 + 8 + 8 * 2 + 2) + 8) // float32 weights and the int64 save_counter
    const bad = await call('previewExport', { id, spec: { preset: 'subtree' } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'The "one subtree" preset needs an object path' } })
  })

  it('export tf into a folder: a state file, verified, progress phases; an existing output is refused, then replaced with a backup', async () => {
    const events: ProgressEvent[] = []
    const out = join(dir, 'exported') + '/'
    const r = await ok<ExportResult>('export', { id, spec: { preset: 'weights-only' }, format: 'tf', out, taskId: 'e1' }, (e) => events.push(e))
    expect(r).toMatchObject({ format: 'tf', path: join(dir, 'exported', 'ckpt-1'), tensors: 4, shards: 1, stateFile: join(dir, 'exported', 'checkpoint'), backupDir: null, arrays: [], skipped: [] })
    expect(r.verify).toMatchObject({ ok: true, tensorsChecked: 5 }) // the 4 weights and the pruned object graph
    expect([...new Set(events.map((e) => e.phase))]).toEqual(['write', 'verify', 'commit'])
    const again = await call('export', { id, spec: { preset: 'weights-only' }, format: 'tf', out })
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/^The destination already exists/) } })
    const replaced = await ok<ExportResult>('export', { id, spec: {}, format: 'tf', out, overwrite: true })
    expect(replaced.tensors).toBe(15)
    expect(readdirSync(replaced.backupDir!).sort()).toEqual(['checkpoint', 'ckpt-1.data-00000-of-00001', 'ckpt-1.index'])
  })

  it('export safetensors and npz: the files parse; format options of the other kind are refused', async () => {
    const st = await ok<ExportResult>('export', { id, spec: { preset: 'weights-only' }, format: 'safetensors', out: join(dir, 'w.safetensors'), names: 'object-paths' })
    expect(st).toMatchObject({ format: 'safetensors', verify: null, shards: null, tensors: 4, files: [{ path: join(dir, 'w.safetensors') }] })
    const bytes = readFileSync(join(dir, 'w.safetensors'))
    const header = JSON.parse(bytes.subarray(8, 8 + Number(bytes.readBigUInt64LE(0))).toString('utf8'))
    expect(Object.keys(header).sort()).toEqual(['__metadata__', 'model.layer_with_weights-0.bias', 'model.layer_with_weights-0.kernel', 'model.layer_with_weights-1.bias', 'model.layer_with_weights-1.kernel'])
    expect(header['model.layer_with_weights-0.kernel']).toMatchObject({ dtype: 'F32', shape: [4, 8] })

    const npz = await ok<ExportResult>('export', { id, spec: { include: ['model/**'] }, format: 'npz', out: join(dir, 'w.npz') })
    expect(npz.arrays.map((a) => a.name)).toHaveLength(12)
    expect(readFileSync(join(dir, 'w.npz')).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04')

    const shard = await call('export', { id, spec: {}, format: 'npz', out: join(dir, 'x.npz'), maxShardSize: 1000 })
    expect(shard).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'A maximum shard size applies to TF checkpoints only, not npz' } })
    const names = await call('export', { id, spec: {}, format: 'tf', out: join(dir, 'x'), names: 'keys' })
    expect(names).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('an interrupted earlier write in the output folder is cleaned up first, and said so', async () => {
    const out = join(dir, 'after-crash')
    // What a killed writer leaves: a staging folder without a commit journal, owned by a process that is gone.
    const stale = join(out, '.ckpt-staging-999999999-deadbeef0000')
    mkdirSync(join(stale), { recursive: true })
    const r = await ok<ExportResult>('export', { id, spec: {}, format: 'tf', out: join(out, 'model') })
    expect(existsSync(stale)).toBe(false)
    expect(r.notes[0]).toBe(`Removed 1 staging folder(s) left by interrupted writes in ${out}.`)
  })

  it('export is cancelled through its taskId: nothing is written', async () => {
    const out = join(dir, 'cancelled.safetensors')
    const r = await call('export', { id, spec: {}, format: 'safetensors', out, taskId: 'e-cancel' }, (e) => {
      if (e.phase === 'write') void handlers.cancel({ taskId: 'e-cancel' }, {})
    })
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(dir).filter((n) => n.startsWith('.ckpt-staging'))).toEqual([])
  })
})
