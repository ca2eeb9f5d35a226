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
