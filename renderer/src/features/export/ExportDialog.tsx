/**
 * Export a subset of the open checkpoint: what (whole or one subtree, a preset, globs), a live summary of what is
 * kept and dropped (previewExport, debounced), the format and its options, where, then progress with Cancel and
 * the result with its read-back verification.
 */
import { useEffect, useMemo, useState } from 'react'
import type { CheckpointSummary } from '@shared/model'
import type { ExportFormat, ExportResult, SelectionSummary } from '@shared/edit'
import { serializeError, type SerializedError } from '@shared/errors'
import { useApp } from '../../state/AppContext'
import { ErrorBanner } from '../../components/ErrorBanner'
import { formatBytes, formatInt, formatShape } from '../../lib/format'
import { buildRequest, buildSpec, FILTER_LABEL, FORMAT_LABEL, initialForm, summaryView, updateForm, validateForm, type ExportFilter, type ExportForm } from './export-model'
import { isDestinationExists, useWriteTask } from './write-task'
import { DestinationField, Field, FileList, Modal, NotesList, VerifyResult, WriteProgress } from './WriteParts'
import './export.css'

const PREVIEW_DELAY_MS = 200

/** The header button; the dialog opens on the current tree/table selection. */
export function ExportButton() {
  const { state } = useApp()
  const [open, setOpen] = useState(false)
  const s = state.summary
  return (
    <>
      <button className="btn" onClick={() => setOpen(true)} disabled={!s} data-testid="export-button" title="Write a subset of this checkpoint: strip the optimizer, weights only, one subtree; as a TF checkpoint, safetensors or npz">
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
          <path d="M8 2v8M4.8 6.8L8 10l3.2-3.2" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M2.8 10.5v2.2c0 .4.3.7.7.7h9c.4 0 .7-.3.7-.7v-2.2" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
        </svg>
        Export…
      </button>
      {open && s && <ExportDialog key={s.id} summary={s} onClose={() => setOpen(false)} />}
    </>
  )
}

/** The tree row or tensor selected in the main view, as an export path (the root means "everything"). */
function selectedPath(summary: CheckpointSummary, node: number | null, key: string | null): string | null {
  const n = node !== null ? summary.tree[node] : undefined
  if (n && n.parent !== null && n.parent !== undefined) {
    // a slot row names a value, not an object: its key addresses it exactly
    return n.kind === 'slot' && n.keys.length === 1 ? n.keys[0] : n.path
  }
  return key
}

export function ExportDialog({ summary, onClose }: { summary: CheckpointSummary; onClose: () => void }) {
  const { api, state } = useApp()
  const sel = selectedPath(summary, state.selection.node, state.selection.key)
  const [form, setForm] = useState<ExportForm>(() => {
    const f = initialForm(summary, sel)
    return sel ? updateForm(summary, f, { scope: 'subtree', filter: 'keep' }) : f
  })
  const set = (patch: Partial<ExportForm>) => setForm((f) => updateForm(summary, f, patch))
  const errors = validateForm(form)
  const task = useWriteTask<ExportResult>()
  const [overwrite, setOverwrite] = useState(false)

  // Live summary: what this selection keeps and drops (indexes only, cheap), refreshed as the form changes.
  const specJson = JSON.stringify(buildSpec(form))
  const [preview, setPreview] = useState<{ spec: string; summary: SelectionSummary | null; error: SerializedError | null } | null>(null)
  useEffect(() => {
    if (errors.subtree) return
    let alive = true
    const t = setTimeout(() => {
      api
        .previewExport({ id: summary.id, spec: JSON.parse(specJson) })
        .then((r) => alive && setPreview({ spec: specJson, summary: r, error: null }))
        .catch((e) => alive && setPreview({ spec: specJson, summary: null, error: serializeError(e) }))
    }, PREVIEW_DELAY_MS)
    return () => {
      alive = false
      clearTimeout(t)
    }
  }, [api, summary.id, specJson, errors.subtree])
  const previewing = !errors.subtree && preview?.spec !== specJson

  const start = (withOverwrite = overwrite) => {
    if (Object.keys(errors).length) return
    void task.run((taskId) => api.export(buildRequest(summary.id, form, { overwrite: withOverwrite, taskId })))
  }

  const st = task.state
  const running = st.status === 'running'
  const close = () => {
    if (running) task.cancel()
    onClose()
  }
  const title = 'Export'
  const subtitle = (
    <>
      from <span className="mono">{summary.prefix}</span>
    </>
  )

  if (st.status === 'done') {
    return (
      <Modal title={title} subtitle={subtitle} onClose={onClose} testid="export-dialog" wide footer={<ResultFooter result={st.result} onClose={onClose} onAgain={task.reset} />}>
        <ExportResultView result={st.result} />
      </Modal>
    )
  }

  const canExport = !running && Object.keys(errors).length === 0 && !!preview?.summary && !previewing && preview.summary.keptKeys.length + (preview.summary.objectGraph.action !== 'none' ? 1 : 0) > 0
  const failed = st.status === 'failed' ? st.error : null
  const exists = failed && isDestinationExists(failed)

  return (
    <Modal
      title={title}
      subtitle={subtitle}
      onClose={close}
      testid="export-dialog"
      wide
      footer={
        running ? null : (
          <>
            {st.status === 'cancelled' && <span className="muted" data-testid="export-cancelled">Cancelled: nothing was written.</span>}
            <span className="grow" />
            <button className="btn" onClick={onClose}>
              Close
            </button>
            <button className="btn btn-primary" disabled={!canExport} onClick={() => start()} data-testid="export-run">
              Export {preview?.summary ? formatInt(preview.summary.keptKeys.length) : ''} tensors
            </button>
          </>
        )
      }
    >
      <div className="export-grid">
        <div className="export-form">
          <Field label="What">
            <div className="choice-list" role="radiogroup" aria-label="Scope">
              <label className="choice">
                <input type="radio" name="scope" checked={form.scope === 'all'} onChange={() => set({ scope: 'all' })} disabled={running} data-testid="export-scope-all" />
                <span>Whole checkpoint</span>
              </label>
              <label className="choice">
                <input type="radio" name="scope" checked={form.scope === 'subtree'} onChange={() => set({ scope: 'subtree' })} disabled={running} data-testid="export-scope-subtree" />
                <span>One subtree</span>
                <input
                  className={`path-input subtree-input${errors.subtree && form.scope === 'subtree' ? ' invalid' : ''}`}
                  value={form.subtree}
                  onChange={(e) => set({ subtree: e.target.value, scope: 'subtree' })}
                  placeholder={summary.objectGraph ? '(root).model.layer_with_weights-0' : 'dense/kernel'}
                  spellCheck={false}
                  disabled={running}
                  data-testid="export-subtree"
                  aria-label="Subtree to export"
                />
              </label>
              {form.scope === 'subtree' && errors.subtree && <div className="field-error">{errors.subtree}</div>}
            </div>
            <div className="segmented" role="radiogroup" aria-label="Preset">
              {(Object.keys(FILTER_LABEL) as ExportFilter[]).map((k) => (
                <button
                  key={k}
                  role="radio"
                  aria-checked={form.filter === k}
                  className={`seg${form.filter === k ? ' on' : ''}`}
                  onClick={() => set({ filter: k })}
                  disabled={running}
                  data-testid={`export-preset-${k}`}
                >
                  {FILTER_LABEL[k]}
                </button>
              ))}
            </div>
            <div className="glob-row">
              <label>
                <span className="glob-label">Include</span>
                <input className="path-input" value={form.include} onChange={(e) => set({ include: e.target.value })} placeholder="model/**, *.kernel" spellCheck={false} disabled={running} data-testid="export-include" />
              </label>
              <label>
                <span className="glob-label">Exclude</span>
                <input className="path-input" value={form.exclude} onChange={(e) => set({ exclude: e.target.value })} placeholder="**/bias*" spellCheck={false} disabled={running} data-testid="export-exclude" />
              </label>
            </div>
            <label className="check-line">
              <input type="checkbox" checked={form.keepSaveCounter} onChange={(e) => set({ keepSaveCounter: e.target.checked })} disabled={running || form.filter === 'weights-only'} />
              Keep <span className="mono">save_counter</span> / <span className="mono">global_step</span>
            </label>
          </Field>

          <Field label="Format">
            <div className="segmented" role="radiogroup" aria-label="Format">
              {(Object.keys(FORMAT_LABEL) as ExportFormat[]).map((k) => (
                <button key={k} role="radio" aria-checked={form.format === k} className={`seg${form.format === k ? ' on' : ''}`} onClick={() => set({ format: k })} disabled={running} data-testid={`export-format-${k}`}>
                  {FORMAT_LABEL[k]}
                </button>
              ))}
            </div>
            {form.format === 'tf' ? (
              <label className="option-line">
                <span>Max shard size</span>
                <input
                  className={`path-input shard-input${errors.maxShardSize ? ' invalid' : ''}`}
                  value={form.maxShardSize}
                  onChange={(e) => set({ maxShardSize: e.target.value })}
                  placeholder="one shard"
                  spellCheck={false}
                  disabled={running}
                  data-testid="export-max-shard"
                />
                <span className="muted small">{errors.maxShardSize ?? "like TF's MaxShardSizePolicy (500MB, 2GiB)"}</span>
              </label>
            ) : (
              <div className="option-line">
                <span>Array names</span>
                <div className="segmented small-seg">
                  <button className={`seg${form.names === 'keys' ? ' on' : ''}`} onClick={() => set({ names: 'keys' })} disabled={running}>
                    checkpoint keys
                  </button>
                  <button className={`seg${form.names === 'object-paths' ? ' on' : ''}`} onClick={() => set({ names: 'object-paths' })} disabled={running} data-testid="export-names-paths">
                    object paths
                  </button>
                </div>
              </div>
            )}
          </Field>

          <Field label="Destination" hint={form.format === 'tf' ? 'a folder (ending in /) or a checkpoint prefix' : 'a file'}>
            <DestinationField
              value={form.out}
              onChange={(v) => set({ out: v })}
              testid="export-out"
              dialog={{
                title: 'Export to',
                defaultPath: form.out,
                filters: form.format === 'tf' ? [] : [{ name: FORMAT_LABEL[form.format], extensions: [form.format] }],
              }}
            />
            {overwrite && <div className="warn-line">An existing export at this path is replaced; its files are kept in a backup folder first.</div>}
          </Field>
        </div>

        <SelectionPreview summary={preview?.summary ?? null} error={preview?.error ?? null} busy={previewing} format={form.format} />
      </div>

      {st.status === 'running' && <WriteProgress what="Exporting" progress={st} onCancel={task.cancel} />}
      {failed && (
        <div className="write-error">
          <ErrorBanner error={failed} compact onDismiss={task.reset} />
          {exists && (
            <button
              className="btn"
              onClick={() => {
                setOverwrite(true)
                start(true)
              }}
              data-testid="export-overwrite"
            >
              Replace it (keep a backup)
            </button>
          )}
        </div>
      )}
    </Modal>
  )
}

function SelectionPreview({ summary, error, busy, format }: { summary: SelectionSummary | null; error: SerializedError | null; busy: boolean; format: ExportFormat }) {
  const view = useMemo(() => (summary ? summaryView(summary) : null), [summary])
  const [showDropped, setShowDropped] = useState(false)
  return (
    <aside className={`export-summary${busy ? ' busy' : ''}`} data-testid="export-summary" aria-busy={busy}>
      <div className="summary-title">
        Summary {busy && <span className="spinner small-spinner" aria-label="updating" />}
      </div>
      {error && <ErrorBanner error={error} compact />}
      {view && summary && (
        <>
          <div className="big-line keep" data-testid="export-kept">
            <span className="big-label">Keeps</span>
            <b>{view.kept}</b>
          </div>
          <div className="big-line drop" data-testid="export-dropped">
            <span className="big-label">Drops</span>
            <b>{view.dropped}</b>
            {view.saving && <span className="saving">{view.saving}</span>}
          </div>
          {view.reasons.length > 0 && (
            <ul className="reason-list" data-testid="export-reasons">
              {view.reasons.map((r) => (
                <li key={r.reason} data-reason={r.reason}>
                  <span className="reason-count">{formatInt(r.count)}</span>
                  <span className="reason-label">{r.label}</span>
                  <span className="muted mono">{r.bytes}</span>
                </li>
              ))}
            </ul>
          )}
          {format === 'tf' && view.graph && (
            <div className="graph-line" data-testid="export-graph">
              {view.graph}
            </div>
          )}
          {format !== 'tf' && <div className="graph-line muted">{format === 'npz' ? 'NumPy arrays' : 'safetensors'}: no object graph; bfloat16 and float16 are kept native.</div>}
          <NotesList notes={summary.notes} />
          {summary.dropped.length > 0 && (
            <div className="dropped-block">
              <button className="link-btn dropped-toggle" onClick={() => setShowDropped((v) => !v)} aria-expanded={showDropped}>
                {showDropped ? 'Hide' : 'Show'} the {formatInt(summary.dropped.length)} dropped tensors
              </button>
              {showDropped && (
                <ul className="dropped-list" data-testid="export-dropped-list">
                  {summary.dropped.slice(0, 500).map((d) => (
                    <li key={d.key} title={d.key}>
                      <span className="mono dropped-path">{d.objectPath ?? d.key}</span>
                      <span className="muted mono">
                        {d.dtype} {formatShape(d.shape)}
                      </span>
                    </li>
                  ))}
                  {summary.dropped.length > 500 && <li className="muted">… and {formatInt(summary.dropped.length - 500)} more</li>}
                </ul>
              )}
            </div>
          )}
        </>
      )}
    </aside>
  )
}

function ExportResultView({ result: r }: { result: ExportResult }) {
  return (
    <div className="write-result" data-testid="export-result">
      <div className="result-head">
        <span className="result-mark" aria-hidden="true">
          ✓
        </span>
        <div>
          <div className="result-title">
            Exported {formatInt(r.tensors)} tensors ({formatBytes(r.bytes)}) as {FORMAT_LABEL[r.format]}
          </div>
          <div className="mono result-path" data-testid="export-result-path">
            {r.path}
          </div>
        </div>
      </div>
      <dl className="kv result-kv">
        {r.shards !== null && (
          <>
            <dt>Data shards</dt>
            <dd>{formatInt(r.shards)}</dd>
          </>
        )}
        {r.objectGraph && (
          <>
            <dt>Object graph</dt>
            <dd>
              {r.objectGraph.action === 'pruned'
                ? `pruned: ${formatInt(r.objectGraph.nodesBefore)} → ${formatInt(r.objectGraph.nodesAfter)} nodes`
                : r.objectGraph.action === 'unchanged'
                  ? 'unchanged'
                  : 'none'}
            </dd>
          </>
        )}
        {r.stateFile && (
          <>
            <dt>State file</dt>
            <dd className="mono">{r.stateFile}</dd>
          </>
        )}
        {r.backupDir && (
          <>
            <dt>Backup of replaced files</dt>
            <dd className="mono">{r.backupDir}</dd>
          </>
        )}
      </dl>
      <div className="section-title">Files written</div>
      <FileList files={r.files} />
      {r.verify ? (
        <VerifyResult report={r.verify} testid="export-verify" />
      ) : (
        <div className="verify-result ok" data-testid="export-verify" data-ok="true">
          <span className="verify-mark" aria-hidden="true">
            ✓
          </span>
          <div>
            <b>Verification OK</b>
            <div className="muted small">Read back before it was moved into place: {r.format === 'npz' ? 'every zip entry CRC' : 'the header and the data checksums'}.</div>
          </div>
        </div>
      )}
      {r.skipped.length > 0 && (
        <div className="skipped-block">
          <div className="section-title">Not written ({formatInt(r.skipped.length)}): the format cannot hold them</div>
          <ul className="dropped-list">
            {r.skipped.map((s) => (
              <li key={s.key}>
                <span className="mono dropped-path">{s.key}</span>
                <span className="muted">
                  {s.dtype}: {s.reason}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.arrays.length > 0 && (
        <details className="arrays-block">
          <summary>Array names ({formatInt(r.arrays.length)})</summary>
          <ul className="dropped-list">
            {r.arrays.slice(0, 500).map((a) => (
              <li key={a.key}>
                <span className="mono dropped-path">{a.name}</span>
                <span className="muted mono">
                  {a.dtype} {formatShape(a.shape)}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <NotesList notes={r.notes} />
    </div>
  )
}

function ResultFooter({ result, onClose, onAgain }: { result: ExportResult; onClose: () => void; onAgain: () => void }) {
  const { actions } = useApp()
  return (
    <>
      <button className="btn" onClick={onAgain} data-testid="export-again">
        Export something else
      </button>
      <span className="grow" />
      {result.format === 'tf' && (
        <button
          className="btn"
          onClick={() => {
            onClose()
            void actions.open(result.path)
          }}
          data-testid="export-open-result"
          title="Open the exported checkpoint in place of the current one"
        >
          Open the result
        </button>
      )}
      <button className="btn btn-primary" onClick={onClose} data-testid="export-done">
        Done
      </button>
    </>
  )
}
