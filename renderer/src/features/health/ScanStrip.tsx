/** "Scan checkpoint": the button in the header, and the strip below it with progress, Cancel and the outcome. */
import { useApp } from '../../state/AppContext'
import { ProgressBar, percentText } from '../../components/ProgressBar'
import { formatBytes, formatInt } from '../../lib/format'

export function ScanButton() {
  const { state, actions } = useApp()
  const running = state.scan.status === 'running'
  return (
    <button className="btn" onClick={() => void actions.scan()} disabled={running || !state.summary} data-testid="scan-button" title="Statistics of every tensor: NaN/Inf, all-zero tensors, largest values, suspicious optimizer slots">
      <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
        <path d="M1.5 8h2.6l1.6-4 2.6 8 1.9-5.2 1 1.2h3.3" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {running ? 'Scanning…' : 'Scan'}
    </button>
  )
}

export function ScanStrip() {
  const { state, actions } = useApp()
  const s = state.scan
  const total = state.summary?.tensors.length ?? 0
  if (s.status === 'running') {
    return (
      <div className="strip strip-running" data-testid="scan-strip" data-status="running">
        <span className="strip-label">Scanning</span>
        <ProgressBar done={s.done} total={s.total} />
        <span className="strip-meta">
          {formatInt(s.tensors)} of {formatInt(total)} tensors
          {s.total > 0 && ` · ${formatBytes(s.done)} of ${formatBytes(s.total)} · ${percentText(s.done, s.total)}`}
        </span>
        <button className="btn btn-small" onClick={() => void actions.cancelScan()} data-testid="scan-cancel">
          Cancel
        </button>
      </div>
    )
  }
  if (s.status !== 'done') return null
  const h = s.health
  const findings = [
    h.nonFinite.length && `${h.nonFinite.length} with NaN/Inf`,
    h.crcMismatch.length && `${h.crcMismatch.length} checksum mismatch${h.crcMismatch.length === 1 ? '' : 'es'}`,
    h.errors.length && `${h.errors.length} unreadable`,
    h.suspiciousSlots.length && `${h.suspiciousSlots.length} suspicious slot${h.suspiciousSlots.length === 1 ? '' : 's'}`,
    h.allZero.length && `${h.allZero.length} all-zero`,
  ].filter(Boolean)
  return (
    <div className={`strip ${h.ok ? 'strip-ok' : 'strip-bad'}`} data-testid="scan-strip" data-status={h.ok ? 'ok' : 'problems'}>
      <div className="strip-main">
        <span className="strip-label">{h.ok ? '✓ Scan: healthy' : '✗ Scan found problems'}</span>
        <span className="strip-meta">
          {formatInt(s.tensors)} tensors{findings.length ? ` · ${findings.join(' · ')}` : ''}
        </span>
        <button className="link-btn" onClick={() => actions.setDetailsTab('health')} data-testid="scan-show-health">
          Show health
        </button>
        <span className="grow" />
        <button className="icon-btn" onClick={actions.dismissScan} aria-label="Dismiss">
          ×
        </button>
      </div>
    </div>
  )
}
