/**
 * The restore view: the open checkpoint (source) beside a target model, both trees coloured by the match with
 * their pairs linked on hover, TF's verdicts, the grouped misses, the mapping editor, and the restore dialog.
 */
import { useCallback, useMemo, useState } from 'react'
import type { RestoreApi } from '@shared/restore'
import { useApp } from '../../state/AppContext'
import { ErrorBanner } from '../../components/ErrorBanner'
import { baseName, formatInt } from '../../lib/format'
import { useRestore } from './RestoreContext'
import { MatchTree } from './MatchTree'
import { VerdictCards } from './VerdictCards'
import { MissList } from './MissList'
import { MappingEditor } from './MappingEditor'
import { TargetCheckpointSelect, TargetPicker } from './TargetPicker'
import { RestoreDialog } from './RestoreDialog'
import { buildPairLinks, computeTreeStatus, safeMissKeys, STATUS_LABEL } from './restore-model'
import './restore.css'

type Side = 'source' | 'target'

/** Header button: switch between the explorer and the restore view. */
export function RestoreViewButton() {
  const { state, actions } = useApp()
  const on = state.view === 'restore'
  return (
    <button
      className={`btn${on ? ' active' : ''}`}
      onClick={() => actions.setView(on ? 'explore' : 'restore')}
      disabled={!state.summary}
      aria-pressed={on}
      data-testid="restore-view-button"
      title="Match this checkpoint against a model as tf.train.Checkpoint.restore() would, remap, and restore values into it"
    >
      <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
        <path d="M2.5 5h8.5M8.5 2.5L11 5 8.5 7.5M13.5 11H5M7.5 8.5L5 11l2.5 2.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      Restore into…
    </button>
  )
}

export function RestoreView() {
  const { state, index, actions: app } = useApp()
  const { session, actions } = useRestore()
  const source = state.summary
  const target = session.target
  const report = session.report
  const [dialog, setDialog] = useState(false)

  if (!source || !index) return null
  return (
    <main className="restore-view" data-testid="restore-view" data-matching={session.matching ? 'true' : 'false'}>
      <div className="restore-bar">
        <div className="rb-side">
          <span className="rb-label">Restore from</span>
          <span className="mono rb-name" title={source.prefix}>
            {baseName(source.prefix)}
          </span>
        </div>
        <svg className="rb-arrow" viewBox="0 0 24 12" width="24" height="12" aria-hidden="true">
          <path d="M1 6h20M16 1.5L21 6l-5 4.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="rb-label">into</span>
        {target ? <TargetPicker /> : <span className="muted">a model (below)</span>}
        <TargetCheckpointSelect />
        <span className="grow" />
        {target && <Options />}
        {target && (
          <button className="btn btn-primary" onClick={() => setDialog(true)} disabled={!report} data-testid="restore-open-dialog" title="Preview and write the matching values into the target">
            Restore…
          </button>
        )}
        <button className="icon-btn" onClick={() => app.setView('explore')} aria-label="Back to the explorer" title="Back to the explorer" data-testid="restore-close">
          ×
        </button>
      </div>
      {session.targetError && (
        <div className="error-wrap">
          <ErrorBanner error={session.targetError} onDismiss={actions.dismissTargetError} />
        </div>
      )}
      {!target ? <NoTarget /> : <MatchWorkspace onRestore={() => setDialog(true)} />}
      {dialog && target && report && <RestoreDialog onClose={() => setDialog(false)} />}
    </main>
  )
}

function NoTarget() {
  const { session } = useRestore()
  return (
    <div className="restore-empty" data-testid="restore-empty">
      <div className="welcome-card restore-empty-card">
        <h2>Which model should these values go into?</h2>
        <p className="muted">
          Load the model as a checkpoint it wrote, a SavedModel folder or a TF1 checkpoint. Its object graph decides the objects and attributes; the open checkpoint is matched
          against it exactly as <span className="mono">tf.train.Checkpoint.restore()</span> would, with TensorFlow's verdicts, the misses grouped and explained, and a mapping to fix
          renamed layers.
        </p>
        <TargetPicker large />
        {session.targetOpening && (
          <div className="muted restore-loading">
            <span className="spinner" aria-hidden="true" /> Loading <span className="mono">{session.targetOpening}</span>…
          </div>
        )}
      </div>
    </div>
  )
}

function Options() {
  const { session, actions } = useRestore()
  return (
    <div className="rb-options">
      <div className="segmented small-seg" role="radiogroup" aria-label="Restore API" title="restore() creates and expects save_counter; read() (for checkpoints written by write()) does not">
        <span className="seg-label mono">api:</span>
        {(['restore', 'read'] as RestoreApi[]).map((a) => (
          <button key={a} role="radio" aria-checked={session.api === a} className={`seg mono${session.api === a ? ' on' : ''}`} onClick={() => actions.setApi(a)} data-testid={`api-${a}`}>
            {a}
          </button>
        ))}
      </div>
      <label className="check-line" title="tf.train.CheckpointOptions(experimental_skip_slot_variables=True)">
        <input type="checkbox" checked={session.skipSlots} onChange={(e) => actions.setSkipSlots(e.target.checked)} data-testid="skip-slots" />
        skip slot variables
      </label>
    </div>
  )
}

function MatchWorkspace({ onRestore }: { onRestore: () => void }) {
  const { state, index } = useApp()
  const { session, actions } = useRestore()
  const target = session.target!
  const report = session.report
  const sourceIndex = index!

  const sourceStatus = useMemo(
    () => (report ? computeTreeStatus(sourceIndex.tree, report.sourceStatus, safeMissKeys(report.checkpointOnly)) : null),
    [report, sourceIndex],
  )
  const targetStatus = useMemo(() => (report ? computeTreeStatus(target.index.tree, report.targetStatus, safeMissKeys(report.modelOnly)) : null), [report, target])
  const links = useMemo(() => (report ? buildPairLinks(report, sourceIndex, target.index) : null), [report, sourceIndex, target])

  // The row under the pointer, else the one last clicked: its partner lights up on the other side.
  const [hover, setHover] = useState<{ side: Side; row: number } | null>(null)
  const [pinned, setPinned] = useState<{ side: Side; row: number } | null>(null)
  const [focus, setFocus] = useState<{ side: Side; node: number; seq: number } | null>(null)
  const active = hover ?? pinned
  const partner = active && links ? (active.side === 'source' ? links.toTarget : links.toSource).get(active.row) ?? null : null

  const hoverSource = useCallback((row: number | null) => setHover(row === null ? null : { side: 'source', row }), [])
  const hoverTarget = useCallback((row: number | null) => setHover(row === null ? null : { side: 'target', row }), [])
  const activateSource = useCallback((row: number) => setPinned((p) => (p?.side === 'source' && p.row === row ? null : { side: 'source', row })), [])
  const activateTarget = useCallback((row: number) => setPinned((p) => (p?.side === 'target' && p.row === row ? null : { side: 'target', row })), [])
  const pickSource = useCallback((row: number, on: boolean) => actions.pick('source', row, on), [actions])
  const pickTarget = useCallback((row: number, on: boolean) => actions.pick('target', row, on), [actions])
  const sourceHasLink = useCallback((row: number) => !!links?.toTarget.has(row), [links])
  const targetHasLink = useCallback((row: number) => !!links?.toSource.has(row), [links])

  const reveal = useCallback(
    (side: Side, key: string) => {
      const idx = side === 'source' ? sourceIndex : target.index
      const node = idx.nodeByKey.get(key)
      if (node === undefined) return
      setFocus((f) => ({ side, node, seq: (f?.seq ?? 0) + 1 }))
      setPinned({ side, row: node })
    },
    [sourceIndex, target],
  )

  const picks = session.picked.source.size + session.picked.target.size
  return (
    <div className="restore-body">
      {session.matching && <div className="progress indeterminate match-busy" aria-label="Matching" data-testid="match-busy"><div className="progress-bar" /></div>}
      {session.matchError && (
        <div className="error-wrap">
          <ErrorBanner error={session.matchError} />
        </div>
      )}
      {report ? <VerdictCards report={report} /> : <div className="verdicts-skeleton">Matching…</div>}
      <div className="restore-main">
        <MatchTree
          side="source"
          title="Checkpoint"
          index={sourceIndex}
          format={state.summary!.format}
          name={baseName(state.summary!.prefix)}
          status={sourceStatus}
          linked={active?.side === 'target' ? partner : null}
          hasLink={sourceHasLink}
          active={active?.side === 'source' ? active.row : null}
          focus={focus?.side === 'source' ? focus : null}
          picked={session.picked.source}
          onPick={pickSource}
          onHover={hoverSource}
          onActivate={activateSource}
        />
        <MatchTree
          side="target"
          title="Model"
          index={target.index}
          format={target.summary.format}
          name={target.summary.format === 'savedmodel' ? baseName(target.summary.openedPath) : baseName(target.summary.prefix)}
          status={targetStatus}
          linked={active?.side === 'source' ? partner : null}
          hasLink={targetHasLink}
          active={active?.side === 'target' ? active.row : null}
          focus={focus?.side === 'target' ? focus : null}
          picked={session.picked.target}
          onPick={pickTarget}
          onHover={hoverTarget}
          onActivate={activateTarget}
        />
        <aside className="pane restore-side" aria-label="Match details">
          <div className="side-scroll">
            {report && <InferenceLine />}
            <section className="side-section">
              <div className="section-title">
                Mapping <span className="muted">init_from_checkpoint rules · scope a/ → b/, / for the root, dotted object paths</span>
              </div>
              <MappingEditor report={report} />
            </section>
            <section className="side-section">
              <div className="section-title">
                What did not match
                {report && <Legend />}
              </div>
              {report && <MissList report={report} source={sourceIndex} target={target.index} onReveal={reveal} />}
            </section>
          </div>
          {picks > 0 && (
            <div className="pick-bar" data-testid="pick-bar">
              <span>
                {formatInt(picks)} subtree{picks === 1 ? '' : 's'} ticked for restore
              </span>
              <span className="grow" />
              <button className="link-btn" onClick={actions.clearPicks}>
                Clear
              </button>
              <button className="btn btn-small btn-primary" onClick={onRestore}>
                Restore these…
              </button>
            </div>
          )}
        </aside>
      </div>
    </div>
  )
}

function InferenceLine() {
  const { session } = useRestore()
  const r = session.report!
  const s = r.summary
  return (
    <div className={`inference ${s.inferenceReady ? 'ready' : 'not-ready'}`} data-testid="inference-ready" data-ready={s.inferenceReady ? 'true' : 'false'}>
      <div className="inference-head">
        <b>{s.inferenceReady ? 'Ready for inference' : 'Not ready for inference'}</b>
        <span className="muted">
          {formatInt(s.matchedValues)} of {formatInt(s.modelValues)} model values restored
        </span>
      </div>
      <div className="small">
        {s.inferenceReady
          ? 'Everything missing is optimizer state or bookkeeping: the model computes the same.'
          : s.conflicts > 0
            ? `${formatInt(s.conflicts)} conflict${s.conflicts === 1 ? '' : 's'}: restore() raises.`
            : 'Some model variables keep their initial values.'}
      </div>
      <div className="summary-counts small">
        <span className="st-matched">
          <i className="dot" /> {formatInt(s.matchedValues)} {STATUS_LABEL.matched}
        </span>
        <span className="st-conflict">
          <i className="dot" /> {formatInt(s.conflicts)} {STATUS_LABEL.conflict}
        </span>
        <span className="st-checkpoint-only">
          <i className="dot" /> {formatInt(s.checkpointOnlyValues)} {STATUS_LABEL['checkpoint-only']}
        </span>
        <span className="st-model-only">
          <i className="dot" /> {formatInt(s.modelOnlyValues)} {STATUS_LABEL['model-only']}
        </span>
      </div>
    </div>
  )
}

function Legend() {
  return (
    <span className="legend" aria-hidden="true">
      <span className="legend-item">
        <i className="miss-side-dot checkpoint" /> checkpoint
      </span>
      <span className="legend-item">
        <i className="miss-side-dot model" /> model
      </span>
      <span className="legend-item">
        <i className="miss-side-dot conflict" /> conflict
      </span>
    </span>
  )
}
