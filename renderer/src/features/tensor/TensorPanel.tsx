/** Everything about one tensor's values: statistics and histogram, or heatmap and value grid; save as .npy. */
import { useState } from 'react'
import type { TensorInfo } from '@shared/model'
import { useApp, useStatsVersion } from '../../state/AppContext'
import { ALL_ZERO, NON_FINITE, SUSPICIOUS_SLOT, tensorFlags } from '../../state/health'
import { saveNpy } from '../../api'
import { isCancelled, startTask, type RunningTask, type TaskProgress as Progress } from '../../lib/task'
import { TaskProgress } from '../../components/TaskProgress'
import { formatBytes, formatInt, formatShape } from '../../lib/format'
import { AxisControls } from './AxisControls'
import { defaultAxes, planeSize, type PlaneAxes } from './axis-state'
import { Heatmap } from './Heatmap'
import { StatsView } from './StatsView'
import { ValueGrid } from './ValueGrid'
import './tensor.css'

type View = 'stats' | 'values'

/** dtypes whose elements are not values one can show (opaque handles). */
const OPAQUE = /^(variant|resource|unknown)/

export function TensorPanel({ checkpointId, tensor }: { checkpointId: string; tensor: TensorInfo }) {
  const [view, setView] = useState<View>('stats')
  return (
    <div className="tensor-panel" data-testid="tensor-panel" data-key={tensor.key}>
      <div className="tensor-head">
        <div className="tensor-head-text">
          <div className="tensor-title mono" title={tensor.key}>
            {tensor.key}
          </div>
          <div className="details-sub">
            <span className="mono">
              {tensor.dtype} {formatShape(tensor.shape)}
            </span>
            {' · '}
            {formatInt(tensor.numElements)} elements · {formatBytes(tensor.size)}
          </div>
        </div>
        <SaveNpy checkpointId={checkpointId} tensor={tensor} />
      </div>
      <HealthLine tensorKey={tensor.key} />
      <div className="toggle-group view-switch" role="tablist" aria-label="Tensor view">
        <button role="tab" aria-selected={view === 'stats'} className={view === 'stats' ? 'active' : ''} onClick={() => setView('stats')} data-testid="view-stats">
          Statistics
        </button>
        <button role="tab" aria-selected={view === 'values'} className={view === 'values' ? 'active' : ''} onClick={() => setView('values')} data-testid="view-values">
          Values
        </button>
      </div>
      {view === 'stats' ? <StatsView checkpointId={checkpointId} tensor={tensor} /> : <ValuesView key={tensor.key} checkpointId={checkpointId} tensor={tensor} />}
    </div>
  )
}

function HealthLine({ tensorKey }: { tensorKey: string }) {
  const { stats } = useApp()
  useStatsVersion(stats)
  const s = stats.get(tensorKey)
  const f = tensorFlags(s, stats.isSuspicious(tensorKey))
  if (!f || !s) return null
  const parts: string[] = []
  if (f & NON_FINITE) parts.push([s.nan && `${formatInt(s.nan)} NaN`, s.posInf && `${formatInt(s.posInf)} +Inf`, s.negInf && `${formatInt(s.negInf)} −Inf`].filter(Boolean).join(', '))
  if (f & ALL_ZERO) parts.push('every element is zero')
  if (f & SUSPICIOUS_SLOT) parts.push('suspicious optimizer state (see Health)')
  return (
    <div className={`health-line ${f & NON_FINITE ? 'tint-bad' : 'tint-warn'}`} data-testid="tensor-health">
      {parts.join(' · ')}
    </div>
  )
}

function ValuesView({ checkpointId, tensor }: { checkpointId: string; tensor: TensorInfo }) {
  const [axes, setAxes] = useState<PlaneAxes>(() => defaultAxes(tensor.shape))
  const [focus, setFocus] = useState<{ row: number; col: number; seq: number } | null>(null)
  const [selected, setSelected] = useState<{ row: number; col: number } | null>(null)
  const { rows, cols } = planeSize(tensor.shape, axes)
  const pick = (row: number, col: number) => setFocus((f) => ({ row, col, seq: (f?.seq ?? 0) + 1 }))
  if (OPAQUE.test(tensor.dtype)) return <div className="muted small pad">{tensor.dtype} tensors hold handles, not values to show.</div>
  if (tensor.numElements === 0) return <div className="muted small pad">This tensor has no elements.</div>
  const numeric = tensor.dtype !== 'string'
  return (
    <div className="values-view" data-testid="values-view">
      <AxisControls
        shape={tensor.shape}
        axes={axes}
        onChange={(a, at) => {
          setAxes(a)
          if (at) pick(at.row, at.col)
        }}
      />
      {numeric && tensor.shape.length > 0 && <Heatmap checkpointId={checkpointId} tensor={tensor} axes={axes} rows={rows} cols={cols} onPick={pick} mark={selected} />}
      <ValueGrid checkpointId={checkpointId} tensor={tensor} axes={axes} rows={rows} cols={cols} focus={focus} onSelect={setSelected} />
    </div>
  )
}

/** "Save .npy": a native dialog (desktop) or a download (browser); progress and Cancel for big tensors. */
function SaveNpy({ checkpointId, tensor }: { checkpointId: string; tensor: TensorInfo }) {
  const { api, actions } = useApp()
  const [task, setTask] = useState<RunningTask<string | null> | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const save = () => {
    const t = startTask(api, (taskId) => saveNpy({ id: checkpointId, key: tensor.key, taskId }), setProgress)
    // no bar before the first progress event: on the desktop the save dialog is open until then
    setTask(t)
    t.promise
      .then((done) => done && actions.toast(done))
      .catch((e: unknown) => isCancelled(e) || actions.showError(e))
      .finally(() => {
        setTask(null)
        setProgress(null)
      })
  }
  return (
    <>
      <button className="btn btn-small" onClick={save} disabled={!!task || OPAQUE.test(tensor.dtype)} data-testid="save-npy" title="Save this tensor as a NumPy .npy file">
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <path d="M8 2v8M4.5 6.8L8 10.3l3.5-3.5M3 12.5h10" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Save .npy
      </button>
      {task && (
        <div className="tensor-save-progress">
          <TaskProgress label={progress?.phase === 'verify' ? 'Checking the file' : 'Writing .npy'} progress={progress} onCancel={task.cancel} />
        </div>
      )}
    </>
  )
}
