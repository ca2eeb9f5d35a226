/**
 * The values preview: what `repr(tensor.numpy())` prints (numpy's summarisation with `...`), reading only the
 * elements numpy would show. When that would take too many reads (a high-rank tensor's many edge rows), the
 * first elements instead, printed flat.
 */
import type { TensorInfo, TensorValues } from '@shared/model'
import { formatNumpy, neededRanges, type NumpyValue } from '@shared/numpy-format'
import { formatValues } from '../../lib/format'

export const PREVIEW_LIMIT = 100
/** Above this many separate reads, fall back to the first elements. */
export const MAX_RANGE_READS = 48
/** Above this many elements in all, fall back too (numpy's summary needs at most a few thousand). */
export const MAX_PREVIEW_ELEMENTS = 20_000

export type ReadFn = (offset: number, limit: number) => Promise<TensorValues>

export interface Preview {
  text: string
  /** 'numpy': the full repr as numpy prints it; 'head': the first `shown` elements. */
  mode: 'numpy' | 'head'
  shown: number
  total: number
}

export async function loadPreview(t: Pick<TensorInfo, 'dtype' | 'shape' | 'numElements'>, read: ReadFn): Promise<Preview> {
  const ranges = neededRanges(t.shape)
  const elements = ranges.reduce((s, [, c]) => s + c, 0)
  if (ranges.length <= MAX_RANGE_READS && elements <= MAX_PREVIEW_ELEMENTS) {
    const values = new Map<number, NumpyValue>()
    let dtype = t.dtype
    let shape = t.shape
    const reads = ranges.map(async ([start, count]) => {
      let offset = start
      while (offset < start + count) {
        const r = await read(offset, start + count - offset)
        dtype = r.dtype
        shape = r.shape
        if (r.values.length === 0) break
        r.values.forEach((v, i) => values.set(offset + i, v))
        offset += r.values.length
      }
    })
    await Promise.all(reads)
    return { text: formatNumpy({ dtype, shape, valueAt: (i) => values.get(i) ?? null }), mode: 'numpy', shown: values.size, total: t.numElements }
  }
  const r = await read(0, PREVIEW_LIMIT)
  return { text: r.text ?? formatValues(r.values, r.shape, r.total, r.dtype), mode: 'head', shown: r.values.length, total: r.total }
}
