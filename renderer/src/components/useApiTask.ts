/**
 * Runs a cancellable API call for the current inputs (`deps`) and exposes its state: the value, an error, the
 * progress while it runs. New inputs or unmounting cancel the call in flight; `cancel` is the user's Cancel;
 * `retry` runs it again.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import { serializeError, type SerializedError } from '@shared/errors'
import { useApp } from '../state/AppContext'
import { isCancelled, startTask, type RunningTask, type TaskProgress } from '../lib/task'

export type ApiTaskState<T> =
  | { status: 'idle' }
  | { status: 'running'; progress: TaskProgress }
  | { status: 'done'; value: T }
  | { status: 'failed'; error: SerializedError }
  | { status: 'cancelled' }

export function useApiTask<T>(start: ((taskId: string) => Promise<T>) | null, deps: DependencyList): ApiTaskState<T> & { cancel(): void; retry(): void } {
  const { api } = useApp()
  const [state, setState] = useState<ApiTaskState<T>>({ status: 'idle' })
  const [attempt, setAttempt] = useState(0)
  const task = useRef<RunningTask<T> | null>(null)

  useEffect(() => {
    if (!start) {
      setState({ status: 'idle' })
      return
    }
    let alive = true
    setState({ status: 'running', progress: { phase: 'starting', done: 0, total: 0 } })
    const t = startTask(api, start, (progress) => alive && setState({ status: 'running', progress }))
    task.current = t
    t.promise.then(
      (value) => alive && setState({ status: 'done', value }),
      (e: unknown) => alive && setState(isCancelled(e) ? { status: 'cancelled' } : { status: 'failed', error: serializeError(e) }),
    )
    return () => {
      alive = false
      t.cancel()
    }
  }, [api, attempt, ...deps]) // eslint-disable-line react-hooks/exhaustive-deps

  const cancel = useCallback(() => task.current?.cancel(), [])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, cancel, retry }
}
