/**
 * A long write (export, restore) as UI state: running with its progress events, cancelled, failed or done.
 * Shared by the export dialog and the restore dialog; progress arrives by taskId on the API's event stream.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ProgressEvent } from '@shared/api'
import { serializeError, type SerializedError } from '@shared/errors'
import { newTaskId, useApp } from '../../state/AppContext'

export type WriteTaskState<T> =
  | { status: 'idle' }
  | { status: 'running'; taskId: string; phase: string; done: number; total: number }
  | { status: 'done'; result: T }
  | { status: 'failed'; error: SerializedError }
  | { status: 'cancelled' }

/** Phases as the engine names them, in the words the progress line uses. */
export const PHASE_LABEL: Record<string, string> = {
  starting: 'Starting',
  write: 'Writing',
  verify: 'Verifying the written files',
  commit: 'Moving into place',
}

/** The progress event reducer: events of another task, or after the end, change nothing. */
export function applyProgress<T>(s: WriteTaskState<T>, e: Pick<ProgressEvent, 'taskId' | 'phase' | 'done' | 'total'>): WriteTaskState<T> {
  if (s.status !== 'running' || s.taskId !== e.taskId) return s
  return { ...s, phase: e.phase, done: e.done, total: e.total }
}

/** Fraction done within the current phase, or null while the total is unknown. */
export function progressFraction(s: { done: number; total: number }): number | null {
  return s.total > 0 ? Math.max(0, Math.min(1, s.done / s.total)) : null
}

/** "The destination already exists": the one error the dialogs answer with an overwrite offer. */
export function isDestinationExists(e: SerializedError): boolean {
  return e.code === 'invalid-argument' && /already exists/i.test(e.message)
}

export function useWriteTask<T>() {
  const { api } = useApp()
  const [state, setState] = useState<WriteTaskState<T>>({ status: 'idle' })
  const current = useRef<string | null>(null)

  useEffect(() => api.onProgress((e) => setState((s) => applyProgress(s, e))), [api])

  const run = useCallback(async (call: (taskId: string) => Promise<T>): Promise<T | null> => {
    const taskId = newTaskId()
    current.current = taskId
    setState({ status: 'running', taskId, phase: 'starting', done: 0, total: 0 })
    try {
      const result = await call(taskId)
      if (current.current !== taskId) return null
      current.current = null
      setState({ status: 'done', result })
      return result
    } catch (e) {
      if (current.current !== taskId) return null
      current.current = null
      const error = serializeError(e)
      setState(error.code === 'cancelled' ? { status: 'cancelled' } : { status: 'failed', error })
      return null
    }
  }, [])

  const cancel = useCallback(async () => {
    const taskId = current.current
    if (!taskId) return
    current.current = null
    setState({ status: 'cancelled' })
    try {
      await api.cancel({ taskId })
    } catch {
      // it may have finished meanwhile; the engine leaves no half-written output either way
    }
  }, [api])

  const reset = useCallback(() => {
    current.current = null
    setState({ status: 'idle' })
  }, [])

  return { state, run, cancel, reset }
}
