/**
 * Which 2-D plane of an N-D tensor the grid and heatmap show: a row axis, a column axis and a fixed index on
 * every other axis. Rank 1 is one row (the tensor itself), rank 0 a single cell. The plane can be read and
 * written as numpy index text (`3, :, :`), in the same syntax as `ckpt cat --slice`.
 */
import type { TensorInfo } from '@shared/model'
import { formatIndex, parseIndexText, resolveIndex, type AxisPick } from '@shared/numpy-slice'

export interface PlaneAxes {
  rowAxis: number | null
  colAxis: number | null
  /** One index per axis; the entries of the row and column axes are ignored (kept at 0). */
  index: number[]
}

/** What the heatmap and the value grid both draw: one plane of a tensor of an open checkpoint. */
export interface PlaneView {
  checkpointId: string
  tensor: TensorInfo
  axes: PlaneAxes
  rows: number
  cols: number
}

export function defaultAxes(shape: readonly number[]): PlaneAxes {
  const rank = shape.length
  return { rowAxis: rank >= 2 ? rank - 2 : null, colAxis: rank >= 1 ? rank - 1 : null, index: shape.map(() => 0) }
}

/** Puts `axis` on rows (or columns); the other side takes the axis it leaves when they would collide. */
export function assignAxis(a: PlaneAxes, side: 'row' | 'col', axis: number): PlaneAxes {
  const [mine, other] = side === 'row' ? [a.rowAxis, a.colAxis] : [a.colAxis, a.rowAxis]
  if (mine === null || axis === mine) return a
  const nextOther = axis === other ? mine : other
  const index = a.index.slice()
  index[axis] = 0
  return side === 'row' ? { rowAxis: axis, colAxis: nextOther, index } : { rowAxis: nextOther, colAxis: axis, index }
}

/** Sets the fixed index of a non-plane axis, clamped to the axis. */
export function setAxisIndex(a: PlaneAxes, axis: number, value: number, shape: readonly number[]): PlaneAxes {
  if (axis === a.rowAxis || axis === a.colAxis) return a
  const v = Math.max(0, Math.min(shape[axis] - 1, Math.round(Number.isFinite(value) ? value : 0)))
  if (v === a.index[axis]) return a
  const index = a.index.slice()
  index[axis] = v
  return { ...a, index }
}

/** Extent of the plane. */
export function planeSize(shape: readonly number[], a: PlaneAxes): { rows: number; cols: number } {
  return { rows: a.rowAxis === null ? 1 : shape[a.rowAxis], cols: a.colAxis === null ? 1 : shape[a.colAxis] }
}

/** The axes that get an index slider. */
export function fixedAxes(shape: readonly number[], a: PlaneAxes): number[] {
  return shape.map((_, i) => i).filter((i) => i !== a.rowAxis && i !== a.colAxis)
}

/** The plane as numpy index text: `3, :, :`; rows before columns is not expressible, so `.T` marks a transpose. */
export function axesText(shape: readonly number[], a: PlaneAxes): string {
  const picks: AxisPick[] = shape.map((n, i) => (i === a.rowAxis || i === a.colAxis ? { kind: 'range', start: 0, step: 1, length: n } : { kind: 'index', index: a.index[i] }))
  const text = formatIndex(picks, shape)
  return a.rowAxis !== null && a.colAxis !== null && a.rowAxis > a.colAxis ? `${text} .T` : text
}

/**
 * Index text back to a plane: integers fix axes; the free axes (as many as the plane has) become rows and
 * columns in order (`.T` at the end swaps them); where a free axis starts other than at 0, that is the cell to
 * bring into view.
 */
export function parseAxesText(text: string, shape: readonly number[]): { axes: PlaneAxes; focus: { row: number; col: number } } | { error: string } {
  const transposed = /\.T\s*$/.test(text)
  let picks: AxisPick[]
  try {
    picks = resolveIndex(parseIndexText(text.replace(/\.T\s*$/, '')), shape)
  } catch (e) {
    return { error: (e as Error).message }
  }
  const free = picks.map((p, i) => (p.kind === 'range' ? i : -1)).filter((i) => i >= 0)
  const want = Math.min(2, shape.length)
  if (free.length !== want) return { error: `give ${want === 2 ? 'two axes' : want === 1 ? 'one axis' : 'no axis'} as ':' and an integer for every other axis` }
  const index = picks.map((p) => (p.kind === 'index' ? p.index : 0))
  const start = (axis: number | undefined) => (axis === undefined ? 0 : (picks[axis] as Extract<AxisPick, { kind: 'range' }>).start)
  let [rowAxis, colAxis]: (number | null)[] = want === 2 ? [free[0], free[1]] : [null, free[0] ?? null]
  if (transposed && want === 2) [rowAxis, colAxis] = [colAxis, rowAxis]
  return {
    axes: { rowAxis, colAxis, index },
    focus: { row: rowAxis === null ? 0 : start(rowAxis), col: colAxis === null ? 0 : start(colAxis) },
  }
}

/** The plane fields of a slice2d / overview request (the engine's defaults apply to rank < 2). */
export function planeRequest(a: PlaneAxes): { rowAxis?: number; colAxis?: number; index?: number[] } {
  if (a.rowAxis === null || a.colAxis === null) return {}
  return { rowAxis: a.rowAxis, colAxis: a.colAxis, index: a.index }
}

/** Stable identity of a plane, for caches. */
export function planeKey(key: string, a: PlaneAxes): string {
  return `${key}\u0000${a.rowAxis},${a.colAxis}\u0000${a.index.join(',')}`
}
