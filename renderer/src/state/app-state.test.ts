import { describe, expect, it } from 'vitest'
import type { CheckpointSummary, VerifyReport } from '@shared/model'
import { INITIAL_STATE, reducer, type AppState } from './app-state'

const summary = { id: 'c1', tensors: [], tree: [] } as unknown as CheckpointSummary
const report: VerifyReport = { ok: true, tensorsChecked: 3, blocksChecked: 1, bytesChecked: 10, problems: [] }

describe('app reducer', () => {
  it('opens, failing keeps the previous checkpoint', () => {
    let s = reducer(INITIAL_STATE, { type: 'open-start', path: '/x' })
    expect(s.opening).toEqual({ path: '/x', checkpoint: undefined })
    s = reducer(s, { type: 'open-done', summary })
    expect(s.summary).toBe(summary)
    expect(s.opening).toBeNull()
    s = reducer(s, { type: 'select', selection: { node: 3, key: 'k', origin: 'tree' } })
    s = reducer(s, { type: 'open-start', path: '/y' })
    s = reducer(s, { type: 'open-failed', error: { name: 'CheckpointError', code: 'not-found', message: 'nope' } })
    expect(s.summary).toBe(summary)
    expect(s.selection.node).toBe(3)
    expect(s.error?.code).toBe('not-found')
  })

  it('clears selection and verify state when another checkpoint opens', () => {
    let s: AppState = { ...INITIAL_STATE, summary, selection: { node: 1, key: 'a', origin: 'tree' }, verify: { status: 'done', report } }
    s = reducer(s, { type: 'open-done', summary: { ...summary, id: 'c2' } })
    expect(s.selection.node).toBeNull()
    expect(s.verify.status).toBe('idle')
  })

  it('follows only the running verify task', () => {
    let s = reducer(INITIAL_STATE, { type: 'verify-start', taskId: 't1' })
    s = reducer(s, { type: 'verify-progress', taskId: 'other', phase: 'verify', done: 9, total: 9 })
    expect(s.verify).toMatchObject({ status: 'running', done: 0 })
    s = reducer(s, { type: 'verify-progress', taskId: 't1', phase: 'verify', done: 2, total: 5 })
    expect(s.verify).toMatchObject({ status: 'running', done: 2, total: 5 })
    s = reducer(s, { type: 'verify-done', taskId: 't1', report })
    expect(s.verify).toEqual({ status: 'done', report })
  })

  it('treats a cancelled error as cancellation and ignores results after cancel', () => {
    let s = reducer(INITIAL_STATE, { type: 'verify-start', taskId: 't1' })
    s = reducer(s, { type: 'verify-failed', taskId: 't1', error: { name: 'CheckpointError', code: 'cancelled', message: 'x' } })
    expect(s.verify.status).toBe('cancelled')
    s = reducer(s, { type: 'verify-start', taskId: 't2' })
    s = reducer(s, { type: 'verify-cancelled', taskId: 't2' })
    s = reducer(s, { type: 'verify-done', taskId: 't2', report })
    expect(s.verify.status).toBe('cancelled')
  })
})

describe('scan and the details tabs', () => {
  const health = { ok: false, nonFinite: [], allZero: [], largestAbs: [], suspiciousSlots: [], crcMismatch: [], errors: [] }
  it('follows only the running scan; opening another checkpoint forgets it', () => {
    let s: AppState = { ...INITIAL_STATE, summary }
    s = reducer(s, { type: 'scan-start', taskId: 's1' })
    expect(s.scan).toEqual({ status: 'running', taskId: 's1', done: 0, total: 0, tensors: 0 })
    expect(s.detailsTab).toBe('health')
    s = reducer(s, { type: 'scan-progress', taskId: 'other', done: 5, total: 9, tensors: 3 })
    expect(s.scan).toMatchObject({ done: 0 })
    s = reducer(s, { type: 'scan-progress', taskId: 's1', done: 5, total: 9, tensors: 3 })
    expect(s.scan).toMatchObject({ done: 5, total: 9, tensors: 3 })
    s = reducer(s, { type: 'scan-done', taskId: 's1', health, tensors: 9, seconds: 1, fromCache: 0, bytesRead: 9 })
    expect(s.scan).toMatchObject({ status: 'done', tensors: 9 })
    s = reducer(s, { type: 'open-done', summary: { ...summary, id: 'c2' } })
    expect(s.scan.status).toBe('idle')
    expect(s.detailsTab).toBe('details')
  })

  it('a cancelled scan is not a failure; dismissing leaves the health tab', () => {
    let s = reducer({ ...INITIAL_STATE, summary }, { type: 'scan-start', taskId: 's1' })
    s = reducer(s, { type: 'scan-failed', taskId: 's1', error: { name: 'CheckpointError', code: 'cancelled', message: 'x' } })
    expect(s.scan.status).toBe('cancelled')
    s = reducer(s, { type: 'scan-dismiss' })
    expect([s.scan.status, s.detailsTab]).toEqual(['idle', 'details'])
  })

  it('a badge opens the tensor panel; the tensor panel stays open while stepping through tensors', () => {
    let s: AppState = { ...INITIAL_STATE, summary }
    s = reducer(s, { type: 'select', selection: { node: 1, key: 'a', origin: 'tree' } })
    expect(s.detailsTab).toBe('details')
    s = reducer(s, { type: 'select', selection: { node: 2, key: 'b', origin: 'health' } })
    expect(s.detailsTab).toBe('tensor')
    s = reducer(s, { type: 'select', selection: { node: 3, key: 'c', origin: 'table' } })
    expect(s.detailsTab).toBe('tensor')
    s = reducer(s, { type: 'details-tab', tab: 'checkpoint' })
    s = reducer(s, { type: 'select', selection: { node: 3, key: 'c', origin: 'table' } })
    expect(s.detailsTab).toBe('details')
  })
})
