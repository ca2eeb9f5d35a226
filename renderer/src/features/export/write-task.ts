/**
 * A long write (export, restore) as UI state: running with its phase and progress, cancelled, failed or done.
 * Unlike useApiTask (which follows its inputs), a write starts only on the user's click and its result stays until
 * reset. Shared by the export and the restore dialogs; the task mechanics are lib/task's.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { serializeError, type SerializedError } from '@shared/errors'
import { useApp } from '../../state/AppContext'
import { formatBytes, formatInt } from '../../lib/format'
import { isCancelled, startTask, type RunningTask, type TaskProgress } from '../../lib/task'

export type WriteTaskState<T> =
  | { status: 'idle' }
  | ({ status: 'running' } & TaskProgress)
  | { status: 'done'; result: T }
  | { status: 'failed'; error: SerializedError }
  | { status: 'cancelled' }

/** Phases as the engine reports them (write, verify, commit), in the words the progress line uses. */
export const PHASE_LABEL: Record<string, string> = {
  starting: 'Starting',
  write: 'Writing',
  verify: 'Verifying the written files',
  commit: 'Moving into place',
}

export const WRITE_PHASES = ['write', 'verify', 'commit'] as const

/** "The destination already exists": the one error the dialogs answer with an overwrite offer. */
export function isDestinationExists(e: SerializedError): boolean {
  return e.code === 'invalid-argument' && /already exists/i.test(e.message)
}

/** `12.0 KiB / 48.0 KiB` while writing or verifying (bytes), `2 / 3 files` while committing; '' while unknown. */
export function progressText(p: TaskProgress): string {
  if (p.total <= 0) return ''
  return p.phase === 'commit' ? `${formatInt(p.done)} / ${formatInt(p.total)} files` : `${formatBytes(p.done)} / ${formatBytes(p.total)}`
}

export function useWriteTask<T>() {
  const { api } = useApp()
  const [state, setState] = useState<WriteTaskState<T>>({ status: 'idle' })
  const current = useRef<RunningTask<T> | null>(null)

  // Closing the dialog mid-write cancels it: nothing is left half-written either way.
  useEffect(() => () => current.current?.cancel(), [])

  const run = useCallback(
    async (call: (taskId: string) => Promise<T>): Promise<T | null> => {
      current.current?.cancel()
      setState({ status: 'running', phase: 'starting', done: 0, total: 0 })
      const task = startTask(api, call, (p) => {
        if (current.current === task) setState({ status: 'running', ...p })
      })
      current.current = task
      try {
        const result = await task.promise
        if (current.current !== task) return null
        setState({ status: 'done', result })
        return result
      } catch (e) {
        if (current.current !== task) return null
        setState(isCancelled(e) ? { status: 'cancelled' } : { status: 'failed', error: serializeError(e) })
        return null
      } finally {
        if (current.current === task) current.current = null
      }
    },
    [api],
  )

  /** The user's Cancel: the engine stops and rolls back; the promise then rejects as cancelled. */
  const cancel = useCallback(() => current.current?.cancel(), [])

  const reset = useCallback(() => {
    current.current?.cancel()
    current.current = null
    setState({ status: 'idle' })
  }, [])

  return { state, run, cancel, reset }
}
