/**
 * The values of a plane in a grid virtualized both ways, read block by block as they scroll into view. A vector
 * (rank 1) is shown as one column. Clicking a cell shows its full value; "Copy" puts the visible window on the
 * clipboard as TSV at full precision.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { TensorInfo, WireNumber } from '@shared/model'
import { useApp } from '../../state/AppContext'
import { formatInt } from '../../lib/format'
import { planeKey, planeRequest, type PlaneAxes } from './axis-state'
import { BlockCache, blocksCovering, blockWindow, type BlockId } from './grid-pages'
import { toTsv } from './tsv'
import { exactText, formatWire } from './wire'

const ROW_H = 22
const HEAD_H = 24
const INDEX_W = 64
/** Blocks requested at once; more wait for these. */
const PARALLEL = 4

interface Props {
  checkpointId: string
  tensor: TensorInfo
  axes: PlaneAxes
  rows: number
  cols: number
  /** Bring this plane cell into view and mark it (a heatmap click, index text). */
  focus: { row: number; col: number; seq: number } | null
}

function columnWidth(dtype: string): number {
  if (dtype === 'string') return 180
  if (dtype === 'bool') return 60
  if (dtype.startsWith('complex')) return 200
  return /int/.test(dtype) ? 76 : 92
}

export function ValueGrid({ checkpointId, tensor, axes, rows, cols, focus }: Props) {
  const { api, actions } = useApp()
  // a vector reads better down the page: display rows are its elements
  const vertical = tensor.shape.length === 1
  const [dRows, dCols] = vertical ? [cols, 1] : [rows, cols]
  const toPlane = (r: number, c: number): [number, number] => (vertical ? [c, r] : [r, c])
  const id = planeKey(`${checkpointId}\u0000${tensor.key}`, axes)
  const cache = useMemo(() => new BlockCache(), [id]) // eslint-disable-line react-hooks/exhaustive-deps
  const inFlight = useRef(new Set<string>())
  const [, setLoaded] = useState(0)
  const [selected, setSelected] = useState<{ row: number; col: number } | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const colW = columnWidth(tensor.dtype)

  const rowV = useVirtualizer({ count: dRows, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 8 })
  const colV = useVirtualizer({ horizontal: true, count: dCols, getScrollElement: () => scrollRef.current, estimateSize: () => colW, overscan: 3 })
  const vr = rowV.getVirtualItems()
  const vc = colV.getVirtualItems()

  // the plane blocks under the rendered cells (in plane coordinates)
  const r0 = vr[0]?.index ?? 0
  const r1 = vr[vr.length - 1]?.index ?? -1
  const c0 = vc[0]?.index ?? 0
  const c1 = vc[vc.length - 1]?.index ?? -1
  const [pr0, pc0] = toPlane(r0, c0)
  const [pr1, pc1] = toPlane(r1, c1)
  const needed = blocksCovering(pr0, pr1, pc0, pc1, rows, cols)
  const neededKey = needed.map((b) => `${b.br},${b.bc}`).join(';')

  useEffect(() => {
    let alive = true
    const missing = needed.filter((b) => !cache.has(b) && !inFlight.current.has(`${id}|${b.br},${b.bc}`))
    const fetchOne = async (b: BlockId) => {
      const tag = `${id}|${b.br},${b.bc}`
      inFlight.current.add(tag)
      try {
        const s = await api.slice2d({ id: checkpointId, key: tensor.key, ...planeRequest(axes), ...blockWindow(b, rows, cols) })
        cache.put(b, s)
        if (alive) setLoaded((n) => n + 1)
      } catch (e) {
        if (alive) actions.showError(e)
      } finally {
        inFlight.current.delete(tag)
      }
    }
    void (async () => {
      for (let i = 0; i < missing.length && alive; i += PARALLEL) await Promise.all(missing.slice(i, i + PARALLEL).map(fetchOne))
    })()
    return () => {
      alive = false
    }
  }, [id, neededKey]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => setSelected(null), [id])
  useLayoutEffect(() => {
    if (!focus) return
    const [r, c] = vertical ? [focus.col, focus.row] : [focus.row, focus.col]
    rowV.scrollToIndex(Math.min(r, dRows - 1), { align: 'center' })
    colV.scrollToIndex(Math.min(c, dCols - 1), { align: 'center' })
    setSelected({ row: focus.row, col: focus.col })
  }, [focus?.seq]) // eslint-disable-line react-hooks/exhaustive-deps

  /** The rows and columns fully inside the viewport (not the overscan). */
  const visibleWindow = () => {
    const el = scrollRef.current!
    const inside = (items: typeof vr, from: number, size: number) => items.filter((it) => it.start >= from && it.end <= from + size).map((it) => it.index)
    const rs = inside(vr, el.scrollTop, el.clientHeight - HEAD_H)
    const cs = inside(vc, el.scrollLeft, el.clientWidth - INDEX_W)
    return { rows: rs.length ? rs : vr.map((x) => x.index), cols: cs.length ? cs : vc.map((x) => x.index) }
  }

  const copy = async () => {
    const w = visibleWindow()
    if (!w.rows.length || !w.cols.length) return
    const [a0, b0] = toPlane(w.rows[0], w.cols[0])
    const [a1, b1] = toPlane(w.rows[w.rows.length - 1], w.cols[w.cols.length - 1])
    try {
      // read the window fresh: blocks still loading must not leave holes in the copy
      const s = await api.slice2d({ id: checkpointId, key: tensor.key, ...planeRequest(axes), rowOffset: a0, rowLimit: a1 - a0 + 1, colOffset: b0, colLimit: b1 - b0 + 1 })
      const at = (pr: number, pc: number): WireNumber | undefined => {
        const i = (pr - s.rowOffset) * s.colCount + (pc - s.colOffset)
        return s.text ? s.text[i] : s.values[i]
      }
      const text = toTsv(w.rows.length, w.cols.length, (r, c) => {
        const [pr, pc] = toPlane(w.rows[r], w.cols[c])
        return exactText(at(pr, pc), tensor.dtype)
      })
      await navigator.clipboard.writeText(text)
      actions.toast(`Copied ${formatInt(w.rows.length)} × ${formatInt(w.cols.length)} values as TSV`)
    } catch (e) {
      actions.showError(e)
    }
  }

  const totalW = INDEX_W + colV.getTotalSize()
  const sel = selected ? cache.cell(selected.row, selected.col) : undefined
  const rowTitle = vertical ? `axis 0` : axes.rowAxis === null ? '' : `axis ${axes.rowAxis}`
  const colTitle = vertical ? '' : axes.colAxis === null ? '' : `axis ${axes.colAxis}`

  return (
    <div className="value-grid" data-testid="value-grid">
      <div className="grid-toolbar">
        <span className="small muted" data-testid="grid-position">
          {vertical ? `elements ${formatInt(r0)}–${formatInt(Math.max(r0, r1))} of ${formatInt(dRows)}` : `${formatInt(rows)} × ${formatInt(cols)}`}
        </span>
        <span className="grow" />
        {selected && (
          <span className="small mono grid-selected" data-testid="grid-selected">
            [{selected.row}, {selected.col}] = {sel === undefined ? '…' : exactText(sel, tensor.dtype)}
          </span>
        )}
        <button className="btn btn-small" onClick={() => void copy()} title="Copy the values in view as tab-separated text" data-testid="copy-values">
          Copy values
        </button>
      </div>
      <div className="grid-scroll" ref={scrollRef} tabIndex={0} role="grid" aria-rowcount={dRows} aria-colcount={dCols}>
        <div className="grid-canvas" style={{ width: totalW, height: HEAD_H + rowV.getTotalSize() }}>
          <div className="grid-head" style={{ width: totalW, height: HEAD_H }}>
            <div className="grid-corner" style={{ width: INDEX_W }} title={`rows: ${rowTitle || '—'}, columns: ${colTitle || '—'}`}>
              {rowTitle && colTitle ? `${rowTitle.slice(5)}╲${colTitle.slice(5)}` : ''}
            </div>
            {vc.map((c) => (
              <div key={c.index} className="grid-ch" style={{ left: INDEX_W + c.start, width: c.size }}>
                {vertical ? 'value' : c.index}
              </div>
            ))}
          </div>
          {vr.map((r) => (
            <div key={r.index} className="grid-row" style={{ top: HEAD_H + r.start, width: totalW }}>
              <div className="grid-rh" style={{ width: INDEX_W }}>
                {r.index}
              </div>
              {vc.map((c) => {
                const [pr, pc] = toPlane(r.index, c.index)
                const v = cache.cell(pr, pc)
                const isSel = selected?.row === pr && selected?.col === pc
                return (
                  <div
                    key={c.index}
                    className={`grid-cell${cellClass(v)}${isSel ? ' selected' : ''}`}
                    style={{ left: INDEX_W + c.start, width: c.size }}
                    onClick={() => setSelected({ row: pr, col: pc })}
                    data-row={pr}
                    data-col={pc}
                  >
                    {v === undefined ? '' : formatWire(v)}
                  </div>
                )
              })}
            </div>
          ))}
        </div>
      </div>
    </div>
  )
}

function cellClass(v: WireNumber | undefined): string {
  if (v === undefined) return ' loading'
  if (v === 'nan') return ' nan'
  if (v === 'inf' || v === '-inf') return ' inf'
  if (v === 0) return ' zero'
  return ''
}
