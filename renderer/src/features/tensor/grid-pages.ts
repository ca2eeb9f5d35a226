/**
 * The value grid reads a plane in blocks of BLOCK_ROWS × BLOCK_COLS cells (one slice2d call each), fetched as
 * they scroll into view and kept in a small LRU, so a 100k × 100k matrix costs what is on screen.
 */
import type { Slice2D, WireNumber } from '@shared/model'

export const BLOCK_ROWS = 64
export const BLOCK_COLS = 32
/** Blocks kept per plane (about 500k cells). */
export const MAX_BLOCKS = 256

export interface BlockId {
  br: number
  bc: number
}

/** Blocks covering rows r0..r1 and columns c0..c1 (inclusive), clipped to the plane. */
export function blocksCovering(r0: number, r1: number, c0: number, c1: number, rows: number, cols: number): BlockId[] {
  const out: BlockId[] = []
  if (rows <= 0 || cols <= 0 || r1 < r0 || c1 < c0) return out
  const clampR = (r: number) => Math.max(0, Math.min(rows - 1, r))
  const clampC = (c: number) => Math.max(0, Math.min(cols - 1, c))
  for (let br = Math.floor(clampR(r0) / BLOCK_ROWS); br <= Math.floor(clampR(r1) / BLOCK_ROWS); br++) {
    for (let bc = Math.floor(clampC(c0) / BLOCK_COLS); bc <= Math.floor(clampC(c1) / BLOCK_COLS); bc++) out.push({ br, bc })
  }
  return out
}

/** The window of one block, as slice2d offsets and limits. */
export function blockWindow(b: BlockId, rows: number, cols: number): { rowOffset: number; rowLimit: number; colOffset: number; colLimit: number } {
  const rowOffset = b.br * BLOCK_ROWS
  const colOffset = b.bc * BLOCK_COLS
  return { rowOffset, rowLimit: Math.min(BLOCK_ROWS, rows - rowOffset), colOffset, colLimit: Math.min(BLOCK_COLS, cols - colOffset) }
}

const idOf = (b: BlockId) => `${b.br},${b.bc}`

/** Fetched blocks of one plane, least recently used dropped first. */
export class BlockCache {
  private readonly blocks = new Map<string, Slice2D>()

  constructor(private readonly max = MAX_BLOCKS) {}

  has(b: BlockId): boolean {
    return this.blocks.has(idOf(b))
  }

  put(b: BlockId, s: Slice2D): void {
    const id = idOf(b)
    this.blocks.delete(id)
    this.blocks.set(id, s)
    while (this.blocks.size > this.max) this.blocks.delete(this.blocks.keys().next().value!)
  }

  /** The cell at plane row r, column c: its value (strings for string tensors), or undefined when not loaded. */
  cell(r: number, c: number): WireNumber | undefined {
    const s = this.blocks.get(`${Math.floor(r / BLOCK_ROWS)},${Math.floor(c / BLOCK_COLS)}`)
    if (!s) return undefined
    const i = (r - s.rowOffset) * s.colCount + (c - s.colOffset)
    return s.text ? s.text[i] : s.imag ? complexText(s.values[i], s.imag[i]) : s.values[i]
  }

  get size(): number {
    return this.blocks.size
  }
}

function complexText(re: WireNumber, im: WireNumber): string {
  const i = String(im)
  return `${re}${i.startsWith('-') ? '' : '+'}${i}j`
}

/**
 * Indices of the virtual items wholly inside the viewport (not the overscan): `offset` is the scroll position,
 * `size` the viewport's extent, `hidden` what sticky headers cover at its start.
 */
export function fullyVisible(items: readonly { index: number; start: number; end: number }[], offset: number, size: number, hidden: number): number[] {
  const inside = items.filter((it) => it.start >= offset + hidden && it.end <= offset + size).map((it) => it.index)
  // a viewport smaller than one item still shows that item
  return inside.length ? inside : items.filter((it) => it.end > offset + hidden && it.start < offset + size).map((it) => it.index)
}
