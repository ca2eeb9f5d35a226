/**
 * numpy's basic indexing written as text (`0:4, :, 3`, `-1`, `::2, ...`): parsed, resolved against a shape with
 * Python's `slice.indices` rules (negative bounds count from the end, out-of-range bounds clamp, an integer
 * index must be in range and drops its axis), and printed back. Used by `ckpt cat --slice` and the renderer's
 * axis picker, so both speak the same syntax. Pure TypeScript.
 */

export type IndexPart =
  | { kind: 'index'; index: number }
  | { kind: 'slice'; start: number | null; stop: number | null; step: number | null }
  | { kind: 'ellipsis' }

/** One axis after resolution: a fixed index (the axis is dropped), or `length` positions start, start+step, … */
export type AxisPick = { kind: 'index'; index: number } | { kind: 'range'; start: number; step: number; length: number }

export class SliceSyntaxError extends Error {
  override readonly name = 'SliceSyntaxError'
}

const INT = /^[+-]?\d+$/

/** `"0:4, :, 3"` → parts. Brackets around the whole are allowed; an empty text selects everything. */
export function parseIndexText(text: string): IndexPart[] {
  let s = text.trim()
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1).trim()
  if (s === '') return []
  const parts = s.split(',').map((p) => p.trim())
  // numpy allows a trailing comma (`3,` is a tuple of one index)
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop()
  const out = parts.map(parsePart)
  if (out.filter((p) => p.kind === 'ellipsis').length > 1) throw new SliceSyntaxError("an index can only have a single ellipsis ('...')")
  return out
}

function parsePart(p: string): IndexPart {
  if (p === '...' || p === '…') return { kind: 'ellipsis' }
  if (p === '') throw new SliceSyntaxError('empty index between commas')
  if (!p.includes(':')) {
    if (!INT.test(p)) throw new SliceSyntaxError(`'${p}' is not an integer index or a start:stop:step slice`)
    return { kind: 'index', index: Number(p) }
  }
  const fields = p.split(':').map((f) => f.trim())
  if (fields.length > 3) throw new SliceSyntaxError(`'${p}' has too many ':' (start:stop:step at most)`)
  const num = (f: string | undefined): number | null => {
    if (f === undefined || f === '') return null
    if (!INT.test(f)) throw new SliceSyntaxError(`'${f}' in '${p}' is not an integer`)
    return Number(f)
  }
  const [start, stop, step] = [num(fields[0]), num(fields[1]), num(fields[2])]
  if (step === 0) throw new SliceSyntaxError('slice step cannot be zero')
  return { kind: 'slice', start, stop, step }
}

/** One pick per axis of `shape`; axes not named (after the parts, or where `...` stands) take everything. */
export function resolveIndex(parts: readonly IndexPart[], shape: readonly number[]): AxisPick[] {
  const named = parts.filter((p) => p.kind !== 'ellipsis').length
  if (named > shape.length) {
    throw new SliceSyntaxError(`too many indices: the tensor has ${shape.length} ${shape.length === 1 ? 'axis' : 'axes'}, ${named} were given`)
  }
  const full: IndexPart = { kind: 'slice', start: null, stop: null, step: null }
  const expanded: IndexPart[] = []
  for (const p of parts) {
    if (p.kind === 'ellipsis') for (let i = 0; i < shape.length - named; i++) expanded.push(full)
    else expanded.push(p)
  }
  while (expanded.length < shape.length) expanded.push(full)
  return expanded.map((p, axis) => resolvePart(p as Exclude<IndexPart, { kind: 'ellipsis' }>, shape[axis], axis))
}

function resolvePart(p: Exclude<IndexPart, { kind: 'ellipsis' }>, size: number, axis: number): AxisPick {
  if (p.kind === 'index') {
    const i = p.index < 0 ? p.index + size : p.index
    if (i < 0 || i >= size) throw new SliceSyntaxError(`index ${p.index} is out of bounds for axis ${axis} with size ${size}`)
    return { kind: 'index', index: i }
  }
  const step = p.step ?? 1
  // Python's slice.indices(size)
  const bound = (v: number | null, dflt: number, lo: number, hi: number) => {
    if (v === null) return dflt
    const x = v < 0 ? v + size : v
    return Math.min(hi, Math.max(lo, x))
  }
  const start = step > 0 ? bound(p.start, 0, 0, size) : bound(p.start, size - 1, -1, size - 1)
  const stop = step > 0 ? bound(p.stop, size, 0, size) : bound(p.stop, -1, -1, size - 1)
  const length = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step))
  return { kind: 'range', start, step, length }
}

/** Shape of the selected array: the lengths of the range axes. */
export function pickedShape(picks: readonly AxisPick[]): number[] {
  return picks.flatMap((p) => (p.kind === 'range' ? [p.length] : []))
}

/** Position along the source axis of the k-th selected element of a range pick (or the fixed index). */
export function sourceIndex(p: AxisPick, k: number): number {
  return p.kind === 'index' ? p.index : p.start + k * p.step
}

/** Back to text, shortest form: `3, :, 1:8:2`. */
export function formatIndex(picks: readonly AxisPick[], shape: readonly number[]): string {
  return picks
    .map((p, axis) => {
      if (p.kind === 'index') return String(p.index)
      if (p.step === 1 && p.start === 0 && p.length === shape[axis]) return ':'
      const stop = p.start + p.length * p.step
      const stopText = p.step < 0 && stop < 0 ? '' : String(stop)
      return `${p.start}:${stopText}${p.step === 1 ? '' : `:${p.step}`}`
    })
    .join(', ')
}
