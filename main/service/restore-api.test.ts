import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandlers, ProgressEvent } from '@shared/api'
import type { RestorePreview, RestoreResult } from '@shared/edit'
import type { TensorValues } from '@shared/model'
import type { MatchReport } from '@shared/restore'
import { unpackSummary, type PackedSummary } from '@shared/summary-wire'
import { createApiHandlers } from './api-handlers'
import { dispatch } from './dispatch'
import { PathAccess } from './path-access'
import { contractClient } from './test-support/contract-client'
import { writeRestorePair, type RestorePair } from './test-support/restore-models'

const KEY = (path: string) => `${path}/.ATTRIBUTES/VARIABLE_VALUE`
const HEAD_KERNEL = KEY('model/layer_with_weights-1/kernel')

describe('match, previewRestore and restore through the contract', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-restore-api-'))
  const handlers = createApiHandlers({ access: new PathAccess('any'), surface: 'cli', version: 't', statsCacheDir: null, statsWorkers: 1 })
  let p: RestorePair
  const ids: Record<string, string> = {}
  const { call, ok, openId } = contractClient(handlers)
  const values = async (id: string, key: string) => (await ok<TensorValues>('readTensor', { id, key, limit: 100_000 })).values

  beforeAll(async () => {
    p = await writeRestorePair(dir)
    for (const k of ['source', 'target', 'renamed', 'wider'] as const) ids[k] = await openId(p[k])
  })
  afterAll(() => handlers.dispose())

  it('match: a renamed layer is a rename candidate; the suggested mapping, sent as {from, to, kind}, fixes it', async () => {
    const r = await ok<MatchReport>('match', { sourceId: ids.source, targetId: ids.renamed })
    expect(r.verdicts.assertConsumed.ok).toBe(false)
    expect(r.suggestedMap.map((m) => m.arg)).toEqual(['model.layer_with_weights-1=model.head'])
    const mapping = r.suggestedMap.map(({ from, to, kind }) => ({ from, to, kind }))
    const fixed = await ok<MatchReport>('match', { sourceId: ids.source, targetId: ids.renamed, mapping })
    expect(fixed.verdicts.assertConsumed).toEqual({ ok: true, message: null })
    expect(fixed.matched.filter((m) => m.via === 'mapping').map((m) => m.targetPath)).toContain('(root).model.head.kernel')
    // The report is plain data: it survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(fixed))).toEqual(fixed)
  })

  it('previewRestore: everything that matches by default, narrowed by weightsOnly and by target subtrees', async () => {
    const base = { sourceId: ids.source, targetId: ids.target }
    const all = await ok<RestorePreview>('previewRestore', base)
    // 4 weights + 8 Adam slots + iter + learning_rate + save_counter, all from the source.
    expect(all.changes).toHaveLength(15)
    expect(all).toMatchObject({ refused: false, refusal: null, conflicts: [], unchanged: 0, defaultOut: `${p.target}-restored` })
    expect(all.changes.find((c) => c.targetKey === HEAD_KERNEL)).toMatchObject({ sourceKey: HEAD_KERNEL, targetPath: '(root).model.layer_with_weights-1.kernel', dtype: 'float32', shape: [8, 2], bytes: 64, method: 'copy', via: 'graph', sameValue: false })

    const weights = await ok<RestorePreview>('previewRestore', { ...base, weightsOnly: true })
    expect(weights.changes.map((c) => c.targetKey).sort()).toEqual([KEY('model/layer_with_weights-0/bias'), KEY('model/layer_with_weights-0/kernel'), KEY('model/layer_with_weights-1/bias'), HEAD_KERNEL])
    expect(weights.leftOut).toEqual({ notSelected: 0, notWeights: 11, createdOnRestore: 0 })
    expect(weights.unchanged).toBe(11)

    // A subtree of the target: the head's variables; its slots only once the optimizer is selected too.
    const head = await ok<RestorePreview>('previewRestore', { ...base, select: ['model.layer_with_weights-1'] })
    expect(head.changes.map((c) => c.targetPath)).toEqual(['(root).model.layer_with_weights-1.kernel', '(root).model.layer_with_weights-1.bias'])
    const withOpt = await ok<RestorePreview>('previewRestore', { ...base, select: ['(root).model.layer_with_weights-1', 'optimizer'] })
    expect(withOpt.changes).toHaveLength(2 + 4 + 2)
    expect(withOpt.changes.some((c) => c.targetKey.includes('save_counter'))).toBe(false)
    const counter = await ok<RestorePreview>('previewRestore', { ...base, select: [KEY('save_counter')] })
    expect(counter.changes.map((c) => c.targetKey)).toEqual([KEY('save_counter')])
    const unknown = await call('previewRestore', { ...base, select: ['model.nope'] })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: "No object or name scope 'model.nope' in this checkpoint" } })
  })

  it('previewRestore: shape conflicts refuse in TF’s words, or are skipped; nothing matched is refused too', async () => {
    const base = { sourceId: ids.source, targetId: ids.wider }
    const refused = await ok<RestorePreview>('previewRestore', base)
    expect(refused.refused).toBe(true)
    // dense kernel/bias and the head kernel conflict, each with its two slots; the head bias [2] fits.
    expect(refused.conflicts).toHaveLength(9)
    expect(refused.conflicts.every((c) => c.kind === 'shape')).toBe(true)
    expect(refused.refusal).toMatch(/^Received incompatible tensor with shape \(4, 8\) when attempting to restore variable with shape \(4, 16\) and name .* \(and 8 more conflict\(s\)\)$/)
    const skipped = await ok<RestorePreview>('previewRestore', { ...base, skipConflicts: true })
    expect(skipped).toMatchObject({ refused: false, refusal: null })
    expect(skipped.changes).toHaveLength(6) // head bias, its 2 slots, iter, learning_rate, save_counter
    const write = await call('restore', { ...base, out: join(dir, 'never') })
    expect(write).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: refused.refusal } })
    expect(existsSync(join(dir, 'never.index'))).toBe(false)

    const nothing = await ok<RestorePreview>('previewRestore', { sourceId: ids.source, targetId: ids.target, select: ['model.layer_with_weights-1'], weightsOnly: true, mapping: [] })
    expect(nothing.refused).toBe(false)
    const none = await ok<RestorePreview>('previewRestore', { sourceId: ids.source, targetId: ids.target, select: ['optimizer'], weightsOnly: true })
    expect(none).toMatchObject({ refused: true, refusal: 'Nothing to restore: all 15 matched value(s) are left out (13 outside the selection, 2 not weights)' })
  })

  it('restore: to <target>-restored by default, with write → verify → commit progress; the rest of the target kept', async () => {
    const events: ProgressEvent[] = []
    const r = await ok<RestoreResult>('restore', { sourceId: ids.source, targetId: ids.target, weightsOnly: true, taskId: 'r1' }, (e) => events.push(e))
    expect(r).toMatchObject({ prefix: `${p.target}-restored`, inPlace: false, backupDir: null, reopened: null, savedModelDir: null })
    expect(r.verify).toMatchObject({ ok: true, tensorsChecked: 4, problems: [] })
    expect(r.files.map((f) => f.path)).toEqual([`${p.target}-restored.data-00000-of-00001`, `${p.target}-restored.index`])
    const phases = [...new Set(events.map((e) => e.phase))]
    expect(phases).toEqual(['write', 'verify', 'commit'])
    expect(events.every((e) => e.taskId === 'r1' && e.done <= e.total)).toBe(true)

    const out = await openId(r.prefix)
    for (const c of r.preview.changes) expect(await values(out, c.targetKey)).toEqual(await values(ids.source, c.sourceKey))
    const slot = KEY('model/layer_with_weights-1/kernel/.OPTIMIZER_SLOT/optimizer/m')
    expect(await values(out, slot)).toEqual(await values(ids.target, slot))
    expect(await values(out, slot)).not.toEqual(await values(ids.source, slot))

    // The output exists now: refused, then replaced on request with the old files kept.
    const again = await call('restore', { sourceId: ids.source, targetId: ids.target })
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/already exists/) } })
    const replaced = await ok<RestoreResult>('restore', { sourceId: ids.source, targetId: ids.target, overwrite: true })
    expect(replaced.backupDir).toMatch(/ckpt-1-restored\.backup-\d{8}T\d{6}Z$/)
    expect(readdirSync(replaced.backupDir!).sort()).toEqual(['ckpt-1-restored.data-00000-of-00001', 'ckpt-1-restored.index'])
  })

  it('restore in place: a backup of the original, and the same handle id reopened on the new files', async () => {
    const work = mkdtempSync(join(tmpdir(), 'ckpt-restore-inplace-'))
    const pair = await writeRestorePair(work)
    const target = await openId(pair.target)
    const source = await openId(pair.source)
    const before = readFileSync(`${pair.target}.index`)
    const both = await call('restore', { sourceId: source, targetId: target, inPlace: true, out: join(work, 'x') })
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })

    const r = await ok<RestoreResult>('restore', { sourceId: source, targetId: target, inPlace: true, weightsOnly: true })
    expect(r.prefix).toBe(pair.target)
    expect(r.backupDir).toMatch(/ckpt-1\.backup-\d{8}T\d{6}Z$/)
    expect(readFileSync(join(r.backupDir!, 'ckpt-1.index')).equals(before)).toBe(true)
    expect(r.notes.some((n) => /^Reopen the target/.test(n))).toBe(false)
    const fresh = unpackSummary(r.reopened!)
    expect(fresh.id).toBe(target)
    expect(fresh.tensors.find((t) => t.key === HEAD_KERNEL)!.crc32c).toBe(unpackSummary(await ok<PackedSummary>('open', { path: pair.source })).tensors.find((t) => t.key === HEAD_KERNEL)!.crc32c)
    // The old id reads the new values.
    expect(await values(target, HEAD_KERNEL)).toEqual(await values(source, HEAD_KERNEL))
    expect((await ok<{ ok: boolean }>('verify', { id: target })).ok).toBe(true)
    expect(readdirSync(dirname(pair.target)).filter((n) => n.startsWith('.ckpt-staging'))).toEqual([])
  })

  it('restore is cancelled through its taskId: nothing is written', async () => {
    const out = join(dir, 'cancelled', 'ckpt')
    const r = await call('restore', { sourceId: ids.source, targetId: ids.target, out, taskId: 'r-cancel' }, (e) => {
      if (e.phase === 'write') void handlers.cancel({ taskId: 'r-cancel' }, {})
    })
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(existsSync(`${out}.index`)).toBe(false)
    expect(existsSync(dirname(out))).toBe(false)
  })
})

describe('dispatch rejects malformed requests for the restore and export methods', () => {
  // Validation happens before any handler runs: a handler that is reached fails the test.
  const never = new Proxy({}, { get: () => async () => Promise.reject(new Error('handler reached')) }) as ApiHandlers
  const base = { sourceId: 'c1', targetId: 'c2' }
  const cases: [string, unknown, string][] = [
    ['match', {}, "missing field 'sourceId'"],
    ['match', { sourceId: 'c1' }, "missing field 'targetId'"],
    ['match', { ...base, mapping: 'a=b' }, "field 'mapping' must be an array of at most"],
    ['match', { ...base, mapping: [{ from: 'a' }] }, "missing field 'mapping[0].to'"],
    ['match', { ...base, mapping: [{ from: 'a', to: 'b', covers: 2, arg: 'a=b' }] }, "unexpected field 'mapping[0].covers'"],
    ['match', { ...base, mapping: [{ from: 'a', to: 'b', kind: 'scope' }] }, "field 'mapping[0].kind' must be one of 'name', 'object'"],
    ['match', { ...base, mapping: [null] }, "field 'mapping' must be an array of objects (item 0 is not)"],
    ['match', { ...base, api: 'load' }, "field 'api' must be one of 'restore', 'read'"],
    ['match', { ...base, skipSlotVariables: 'yes' }, "field 'skipSlotVariables' must be true or false"],
    ['match', { ...base, select: ['a'] }, "unexpected field 'select'"],
    ['previewRestore', { ...base, select: [1] }, "field 'select' must be an array of strings"],
    ['previewRestore', { ...base, weightsOnly: 1 }, "field 'weightsOnly' must be true or false"],
    ['previewRestore', { ...base, out: '/x' }, "unexpected field 'out'"],
    ['restore', { ...base, inPlace: 'true' }, "field 'inPlace' must be true or false"],
    ['restore', { ...base, out: 5 }, "field 'out' must be a string"],
    ['restore', { ...base, taskId: 3 }, "field 'taskId' must be a string"],
    ['restore', [], 'the request must be an object'],
    ['previewExport', { id: 'c1' }, "missing field 'spec'"],
    ['previewExport', { id: 'c1', spec: [] }, "field 'spec' must be an object"],
    ['previewExport', { id: 'c1', spec: { preset: 'everything' } }, "field 'spec.preset' must be one of 'all', 'strip-optimizer', 'weights-only', 'subtree'"],
    ['previewExport', { id: 'c1', spec: { include: 'a/*' } }, "field 'spec.include' must be an array of strings"],
    ['previewExport', { id: 'c1', spec: { paths: ['a'], extra: true } }, "unexpected field 'spec.extra'"],
    ['export', { id: 'c1', spec: {}, out: '/x' }, "missing field 'format'"],
    ['export', { id: 'c1', spec: {}, format: 'onnx', out: '/x' }, "field 'format' must be one of 'tf', 'safetensors', 'npz'"],
    ['export', { id: 'c1', spec: {}, format: 'tf' }, "missing field 'out'"],
    ['export', { id: 'c1', spec: {}, format: 'tf', out: '/x', maxShardSize: 0 }, "field 'maxShardSize' must be an integer from 1 to"],
    ['export', { id: 'c1', spec: {}, format: 'tf', out: '/x', maxShardSize: 1.5 }, "field 'maxShardSize' must be an integer from 1 to"],
    ['export', { id: 'c1', spec: {}, format: 'npz', out: '/x', names: 'paths' }, "field 'names' must be one of 'keys', 'object-paths'"],
    ['export', { id: 'c1', spec: {}, format: 'npz', out: '/x', overwrite: 'no' }, "field 'overwrite' must be true or false"],
  ]
  it.each(cases)('%s %j', async (method, req, message) => {
    const r = await dispatch(never, method, req)
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    if (!r.ok) expect(r.error.message).toContain(`${method}: ${message}`)
  })
})
