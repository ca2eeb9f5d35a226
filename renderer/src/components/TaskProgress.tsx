/** Progress of a call that takes more than a moment: hidden for the first 300 ms, then a bar with Cancel. */
import { useEffect, useState } from 'react'
import type { TaskProgress as Progress } from '../lib/task'
import { formatBytes } from '../lib/format'
import { ProgressBar, percentText } from './ProgressBar'

const SHOW_AFTER_MS = 300

export function TaskProgress({ label, progress, onCancel, bytes = true }: { label: string; progress: Progress | null; onCancel(): void; bytes?: boolean }) {
  const [shown, setShown] = useState(false)
  const active = progress !== null
  useEffect(() => {
    if (!active) return setShown(false)
    const t = setTimeout(() => setShown(true), SHOW_AFTER_MS)
    return () => clearTimeout(t)
  }, [active])
  if (!progress || !shown) return null
  return (
    <div className="task-progress" data-testid="task-progress" role="status">
      <span className="task-label">{label}</span>
      <ProgressBar done={progress.done} total={progress.total} />
      <span className="muted task-meta">
        {percentText(progress.done, progress.total)}
        {bytes && progress.total > 0 && ` · ${formatBytes(progress.done)} of ${formatBytes(progress.total)}`}
      </span>
      <button className="btn btn-small" onClick={onCancel} data-testid="task-cancel">
        Cancel
      </button>
    </div>
  )
}

/** What a cancelled call leaves in its place: a note and a way to run it again. */
export function TaskCancelled({ retryLabel, onRetry }: { retryLabel: string; onRetry(): void }) {
  return (
    <div className="muted small pad">
      Cancelled.{' '}
      <button className="link-btn" onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  )
}
