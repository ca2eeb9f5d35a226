/** App state as a pure reducer: what is open, what is selected, what is running. */
import type { CheckpointSummary, VerifyReport } from '@shared/model'
import type { SerializedError } from '@shared/errors'

export interface Selection {
  /** Tree row index, or null. */
  node: number | null
  /** Tensor key, or null. */
  key: string | null
  /** Which pane made the selection (the others scroll to it). */
  origin: 'tree' | 'table' | 'details' | 'init'
}

export type VerifyState =
  | { status: 'idle' }
  | { status: 'running'; taskId: string; phase: string; done: number; total: number }
  | { status: 'done'; report: VerifyReport }
  | { status: 'failed'; error: SerializedError }
  | { status: 'cancelled' }

export interface AppState {
  summary: CheckpointSummary | null
  /** Path (and checkpoint) being opened, while a request is in flight. */
  opening: { path: string; checkpoint?: string } | null
  error: SerializedError | null
  selection: Selection
  verify: VerifyState
  /** Short-lived hint (e.g. browser mode cannot take dropped files). */
  toast: string | null
}

export const INITIAL_STATE: AppState = {
  summary: null,
  opening: null,
  error: null,
  selection: { node: null, key: null, origin: 'init' },
  verify: { status: 'idle' },
  toast: null,
}

export type Action =
  | { type: 'open-start'; path: string; checkpoint?: string }
  | { type: 'open-done'; summary: CheckpointSummary }
  | { type: 'open-failed'; error: SerializedError }
  | { type: 'select'; selection: Selection }
  | { type: 'dismiss-error' }
  | { type: 'error'; error: SerializedError }
  | { type: 'verify-start'; taskId: string }
  | { type: 'verify-progress'; taskId: string; phase: string; done: number; total: number }
  | { type: 'verify-done'; taskId: string; report: VerifyReport }
  | { type: 'verify-failed'; taskId: string; error: SerializedError }
  | { type: 'verify-cancelled'; taskId: string }
  | { type: 'verify-dismiss' }
  | { type: 'toast'; text: string | null }

function runningTask(s: AppState): string | null {
  return s.verify.status === 'running' ? s.verify.taskId : null
}

export function reducer(s: AppState, a: Action): AppState {
  switch (a.type) {
    case 'open-start':
      return { ...s, opening: { path: a.path, checkpoint: a.checkpoint }, error: null }
    case 'open-done':
      return {
        ...s,
        summary: a.summary,
        opening: null,
        error: null,
        selection: { node: null, key: null, origin: 'init' },
        verify: { status: 'idle' },
      }
    case 'open-failed':
      return { ...s, opening: null, error: a.error }
    case 'select':
      return { ...s, selection: a.selection }
    case 'dismiss-error':
      return { ...s, error: null }
    case 'error':
      return { ...s, error: a.error }
    case 'verify-start':
      return { ...s, verify: { status: 'running', taskId: a.taskId, phase: 'starting', done: 0, total: 0 } }
    case 'verify-progress':
      if (runningTask(s) !== a.taskId) return s
      return { ...s, verify: { status: 'running', taskId: a.taskId, phase: a.phase, done: a.done, total: a.total } }
    case 'verify-done':
      if (runningTask(s) !== a.taskId) return s
      return { ...s, verify: { status: 'done', report: a.report } }
    case 'verify-failed':
      if (runningTask(s) !== a.taskId) return s
      return { ...s, verify: a.error.code === 'cancelled' ? { status: 'cancelled' } : { status: 'failed', error: a.error } }
    case 'verify-cancelled':
      if (runningTask(s) !== a.taskId) return s
      return { ...s, verify: { status: 'cancelled' } }
    case 'verify-dismiss':
      return s.verify.status === 'running' ? s : { ...s, verify: { status: 'idle' } }
    case 'toast':
      return { ...s, toast: a.text }
  }
}
