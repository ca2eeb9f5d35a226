import { CheckpointError } from '@shared/errors'
import type { CheckpointSummary, TensorInfo } from '@shared/model'
import { formatNumpy, neededRanges, type NumpyValue } from '@shared/numpy-format'
import type { LocalApi } from '../local-api'

const VARIABLE_VALUE_SUFFIX = '/.ATTRIBUTES/VARIABLE_VALUE'

/**
 * Finds the tensor a user means: the exact key, the key without TF2's `/.ATTRIBUTES/VARIABLE_VALUE` tail, or
 * the TF pretty name of its object (`(root).model.dense.kernel`).
 */
export function findTensor(s: CheckpointSummary, wanted: string): TensorInfo {
  const exact = s.tensors.find((t) => t.key === wanted) ?? s.tensors.find((t) => t.key === wanted + VARIABLE_VALUE_SUFFIX)
  if (exact) return exact
  const byPath = s.tensors.filter((t) => t.objectPath === wanted)
  if (byPath.length) return byPath.find((t) => t.key.endsWith(VARIABLE_VALUE_SUFFIX)) ?? byPath[0]
  const lower = wanted.toLowerCase()
  const near = s.tensors.filter((t) => t.key.toLowerCase().includes(lower)).slice(0, 3)
  throw new CheckpointError('no-such-tensor', `No tensor '${wanted}' in this checkpoint`, {
    file: s.prefix,
    hint: near.length ? `Did you mean ${near.map((t) => `'${t.key}'`).join(' or ')}?` : 'List the keys with `ckpt inspect`',
  })
}

/** Reads only the elements numpy would print (the edges when summarised), then formats them like numpy. */
export async function tensorText(api: LocalApi, id: string, tensor: TensorInfo, threshold: number): Promise<string> {
  const values = new Map<number, NumpyValue>()
  let dtype = tensor.dtype
  let shape = tensor.shape
  for (const [start, count] of neededRanges(shape, { threshold })) {
    let offset = start
    while (offset < start + count) {
      const r = await api.call('readTensor', { id, key: tensor.key, offset, limit: start + count - offset })
      dtype = r.dtype
      shape = r.shape
      if (r.values.length === 0) throw new CheckpointError('io', `Reading '${tensor.key}' returned no values at element ${offset}`, { key: tensor.key })
      r.values.forEach((v, i) => values.set(offset + i, v))
      offset += r.values.length
    }
  }
  return formatNumpy({ dtype, shape, valueAt: (i) => values.get(i) ?? null }, { threshold }) + '\n'
}
