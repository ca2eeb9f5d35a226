/** A thin determinate bar, or an indeterminate one while the total is not known yet. */
export function ProgressBar({ done, total, className }: { done: number; total: number; className?: string }) {
  const pct = total > 0 ? Math.min(100, (100 * done) / total) : null
  return (
    <div className={`progress${pct === null ? ' indeterminate' : ''}${className ? ` ${className}` : ''}`} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}>
      <div className="progress-bar" style={{ width: pct === null ? undefined : `${pct}%` }} />
    </div>
  )
}

/** `45%` (one decimal below 10%), or '' while the total is unknown. */
export function percentText(done: number, total: number): string {
  if (total <= 0) return ''
  const pct = Math.min(100, (100 * done) / total)
  return `${pct < 10 ? pct.toFixed(1) : Math.floor(pct)}%`
}
