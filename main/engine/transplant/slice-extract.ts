import { numElements } from '../dtypes/dtype'

/**
 * The row-major bytes of one slice cut out of a full tensor's bytes (the inverse of placing a slice): contiguous
 * runs along the last dimension, walked with an odometer over the leading dimensions.
 */
export function extractSlice(full: Uint8Array, fullShape: readonly number[], elemSize: number, extents: readonly { start: number; length: number }[]): Uint8Array {
  const rank = fullShape.length
  if (rank === 0) return full.slice(0, elemSize)
  const out = new Uint8Array(numElements(extents.map((e) => e.length)) * elemSize)
  if (out.length === 0) return out
  const strides = new Array<number>(rank)
  strides[rank - 1] = 1
  for (let d = rank - 2; d >= 0; d--) strides[d] = strides[d + 1] * fullShape[d + 1]
  const runLen = extents[rank - 1].length * elemSize
  const idx = new Array<number>(rank - 1).fill(0)
  const rows = numElements(extents.slice(0, rank - 1).map((e) => e.length))
  let dst = 0
  for (let r = 0; r < rows; r++) {
    let src = extents[rank - 1].start
    for (let d = 0; d < rank - 1; d++) src += (extents[d].start + idx[d]) * strides[d]
    out.set(full.subarray(src * elemSize, src * elemSize + runLen), dst)
    dst += runLen
    for (let d = rank - 2; d >= 0; d--) {
      if (++idx[d] < extents[d].length) break
      idx[d] = 0
    }
  }
  return out
}
