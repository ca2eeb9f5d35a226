/** Verify every block and tensor CRC: progress bar, cancel, then OK or the list of problems. */
import { useApp } from '../../state/AppContext'
import { baseName, formatBytes, formatInt } from '../../lib/format'
import { ProgressBar, percentText } from '../../components/ProgressBar'

export function VerifyButton() {
  const { state, actions } = useApp()
  const running = state.verify.status === 'running'
  return (
    <button className="btn" onClick={() => void actions.verify()} disabled={running || !state.summary} data-testid="verify-button" title="Check every index block and tensor checksum">
      <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
        <path d="M8 1.8l5 2v4c0 3-2.2 5.3-5 6.4-2.8-1.1-5-3.4-5-6.4v-4z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
        <path d="M5.6 8.1l1.7 1.7 3.2-3.4" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {running ? 'Verifying…' : 'Verify'}
    </button>
  )
}

export function VerifyStrip() {
  const { state, actions } = useApp()
  const v = state.verify
  if (v.status === 'idle') return null
  if (v.status === 'running') {
    return (
      <div className="strip strip-running" data-testid="verify-strip" data-status="running">
        <span className="strip-label">Verifying</span>
        <ProgressBar done={v.done} total={v.total} />
        <span className="strip-meta" title={v.total > 0 ? `${formatInt(v.done)} / ${formatInt(v.total)}` : undefined}>
          {v.phase}
          {v.total > 0 && ` · ${percentText(v.done, v.total)}`}
        </span>
        <button className="btn btn-small" onClick={() => void actions.cancelVerify()} data-testid="verify-cancel">
          Cancel
        </button>
      </div>
    )
  }
  if (v.status === 'cancelled') {
    return (
      <div className="strip strip-muted" data-testid="verify-strip" data-status="cancelled">
        <span className="strip-label">Verification cancelled.</span>
        <span className="grow" />
        <button className="icon-btn" onClick={actions.dismissVerify} aria-label="Dismiss">
          ×
        </button>
      </div>
    )
  }
  if (v.status === 'failed') {
    return (
      <div className="strip strip-bad" data-testid="verify-strip" data-status="failed">
        <span className="strip-label">Verification could not run:</span>
        <span className="strip-meta">{v.error.message}</span>
        {v.error.hint && <span className="muted">{v.error.hint}</span>}
        <span className="grow" />
        <button className="icon-btn" onClick={actions.dismissVerify} aria-label="Dismiss">
          ×
        </button>
      </div>
    )
  }
  const r = v.report
  return (
    <div className={`strip ${r.ok ? 'strip-ok' : 'strip-bad'}`} data-testid="verify-strip" data-status={r.ok ? 'ok' : 'problems'}>
      <div className="strip-main">
        <span className="strip-label">{r.ok ? '✓ All checksums OK' : `✗ ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} found`}</span>
        <span className="strip-meta">
          {formatInt(r.tensorsChecked)} tensors, {formatInt(r.blocksChecked)} index blocks, {formatBytes(r.bytesChecked)} checked
        </span>
        <span className="grow" />
        <button className="icon-btn" onClick={actions.dismissVerify} aria-label="Dismiss">
          ×
        </button>
      </div>
      {!r.ok && (
        <ul className="problems" data-testid="verify-problems">
          {r.problems.map((p, i) => (
            <li key={i}>
              <span className="pill pill-bad">{p.kind}</span>
              {p.key && (
                <button className="link mono" onClick={() => actions.selectKey(p.key!, 'details')}>
                  {p.key}
                </button>
              )}
              <span className="muted mono" title={p.file}>
                {baseName(p.file)}
              </span>
              <span>{p.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
