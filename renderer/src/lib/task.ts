/**
 * A cancellable long call of the API (stats of a big tensor, an overview, a scan, a .npy save): a fresh taskId,
 * progress events for that id only, and cancel. Used from effects: the cleanup cancels what is no longer wanted.
 */
import type { CheckpointApi, ProgressEvent } from '@shared/api'

export interface TaskProgress {
  phase: string
  done: number
  total: number
}

export interface RunningTask<T> {
  taskId: string
  promise: Promise<T>
  /** Asks the engine to stop; the promise then rejects with a 'cancelled' error. Safe to call twice or after the end. */
  cancel(): void
}

export function newTaskId(): string {
  try {
    return crypto.randomUUID()
  } catch {
    return `task-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  }
}

export function startTask<T>(
  api: Pick<CheckpointApi, 'onProgress' | 'cancel'>,
  call: (taskId: string) => Promise<T>,
  onProgress?: (p: TaskProgress, e: ProgressEvent) => void,
): RunningTask<T> {
  const taskId = newTaskId()
  let finished = false
  const off = onProgress ? api.onProgress((e) => e.taskId === taskId && !finished && onProgress({ phase: e.phase, done: e.done, total: e.total }, e)) : () => {}
  const promise = call(taskId).finally(() => {
    finished = true
    off()
  })
  return {
    taskId,
    promise,
    cancel() {
      if (finished) return
      void api.cancel({ taskId }).catch(() => {})
    },
  }
}

/** True for the error a cancelled task rejects with (not worth showing). */
export function isCancelled(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { code?: unknown }).code === 'cancelled'
}
