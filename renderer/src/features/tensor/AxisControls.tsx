/** Which plane of an N-D tensor is shown: row and column axes, a slider per other axis, and the plane as numpy index text. */
import { useEffect, useState } from 'react'
import { assignAxis, axesText, fixedAxes, parseAxesText, setAxisIndex, type PlaneAxes } from './axis-state'

interface Props {
  shape: number[]
  axes: PlaneAxes
  onChange(axes: PlaneAxes, focus?: { row: number; col: number }): void
}

export function AxisControls({ shape, axes, onChange }: Props) {
  const text = axesText(shape, axes)
  const [draft, setDraft] = useState(text)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    setDraft(text)
    setError(null)
  }, [text])
  if (shape.length === 0) return null

  const apply = () => {
    const r = parseAxesText(draft, shape)
    if ('error' in r) return setError(r.error)
    setError(null)
    onChange(r.axes, r.focus)
  }
  const axisOptions = shape.map((n, i) => (
    <option key={i} value={i}>
      axis {i} ({n})
    </option>
  ))

  return (
    <div className="axis-controls" data-testid="axis-controls">
      <label className="index-field" title={error ?? 'numpy indexing: an integer fixes an axis, : keeps it (rows first, then columns); .T swaps them'}>
        <span className="mono muted">t[</span>
        <input
          className={`compact-control${error ? ' invalid' : ''}`}
          value={draft}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
          onBlur={apply}
          aria-label="Plane as numpy index"
          aria-invalid={!!error}
          data-testid="axis-index-text"
        />
        <span className="mono muted">]</span>
      </label>
      {shape.length >= 2 && axes.rowAxis !== null && axes.colAxis !== null && (
        <>
          <label className="inline-field">
            rows
            <select value={axes.rowAxis} onChange={(e) => onChange(assignAxis(axes, 'row', Number(e.target.value)))} data-testid="row-axis">
              {axisOptions}
            </select>
          </label>
          <label className="inline-field">
            cols
            <select value={axes.colAxis} onChange={(e) => onChange(assignAxis(axes, 'col', Number(e.target.value)))} data-testid="col-axis">
              {axisOptions}
            </select>
          </label>
        </>
      )}
      {fixedAxes(shape, axes).map((axis) => (
        <label key={axis} className="axis-slider" title={`Index on axis ${axis}`}>
          <span className="muted">axis {axis}</span>
          <input
            type="range"
            min={0}
            max={shape[axis] - 1}
            value={axes.index[axis]}
            onChange={(e) => onChange(setAxisIndex(axes, axis, Number(e.target.value), shape))}
            data-testid={`axis-slider-${axis}`}
          />
          <input
            type="number"
            className="compact-control"
            min={0}
            max={shape[axis] - 1}
            value={axes.index[axis]}
            onChange={(e) => onChange(setAxisIndex(axes, axis, Number(e.target.value), shape))}
            aria-label={`Index on axis ${axis}`}
          />
          <span className="muted">/ {shape[axis]}</span>
        </label>
      ))}
      {error && <span className="small bad-text">{error}</span>}
    </div>
  )
}
