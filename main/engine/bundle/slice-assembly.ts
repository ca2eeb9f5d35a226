import { CheckpointError } from '@shared/errors'
import type { SliceExtent } from '@shared/model'
import { numElements } from '../dtypes/dtype'

/** A slice's extents made concrete against the full shape (a full dimension becomes 0..dim). */
export function concreteExtents(extents: readonly SliceExtent[], fullShape: readonly number[]): { start: number; length: number }[] {
  return fullShape.map((dim, d) => {
    const e = extents[d]
    return !e || e.length === -1 ? { start: 0, length: dim } : { start: e.start, length: e.length }
  })
}

/**
 * Copies one slice's row-major bytes into the full tensor's buffer: contiguous runs along the last dimension,
 * walked with an odometer over the leading dimensions.
 */
export function placeSlice(full: Uint8Array, fullShape: readonly number[], elemSize: number, extents: { start: number; length: number }[], data: Uint8Array): void {
  const rank = fullShape.length
  if (rank === 0) {
    full.set(data.subarray(0, elemSize))
    return
  }
  const strides = new Array<number>(rank)
  strides[rank - 1] = 1
  for (let d = rank - 2; d >= 0; d--) strides[d] = strides[d + 1] * fullShape[d + 1]
  const runLen = extents[rank - 1].length * elemSize
  const idx = new Array<number>(rank - 1).fill(0)
  let src = 0
  const rows = numElements(extents.slice(0, rank - 1).map((e) => e.length))
  for (let r = 0; r < rows; r++) {
    let dst = extents[rank - 1].start
    for (let d = 0; d < rank - 1; d++) dst += (extents[d].start + idx[d]) * strides[d]
    full.set(data.subarray(src, src + runLen), dst * elemSize)
    src += runLen
    for (let d = rank - 2; d >= 0; d--) {
      if (++idx[d] < extents[d].length) break
      idx[d] = 0
    }
  }
}

export function checkCoverage(covered: number, total: number, key: string, file: string): void {
  if (covered < total) {
    throw new CheckpointError('bad-entry', `Does not have sufficient slices for partitioned tensor ${key}: ${covered} of ${total} elements saved`, { file, key })
  }
}
