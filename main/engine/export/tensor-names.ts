import type { TensorInfo } from '@shared/model'
import { VARIABLE_VALUE } from '../graph/object-graph'
import { stripRoot } from './glob'
import { unescapeLocalName } from './object-paths'

/** What exported arrays are called: the checkpoint keys, or the objects' paths (`model.dense.kernel`). */
export type NameMode = 'keys' | 'object-paths'

const ATTRIBUTES = '/.ATTRIBUTES/'

/**
 * One unique name per tensor. Object paths drop TF's `(root).` and add the attribute name when it is not the
 * variable value (`table.table-keys`); a tensor without an object path, or whose path another tensor already
 * took, keeps its key (and a note says so).
 */
export function exportNames(tensors: readonly TensorInfo[], mode: NameMode = 'keys'): { names: Map<string, string>; notes: string[] } {
  const names = new Map<string, string>()
  if (mode === 'keys') {
    for (const t of tensors) names.set(t.key, t.key)
    return { names, notes: [] }
  }
  const taken = new Set<string>()
  const fallbacks: string[] = []
  for (const t of tensors) {
    let name = t.objectPath === undefined || t.objectPath === t.key ? t.key : stripRoot(t.objectPath)
    const at = t.key.lastIndexOf(ATTRIBUTES)
    if (name !== t.key && at >= 0) {
      const attr = unescapeLocalName(t.key.slice(at + ATTRIBUTES.length))
      if (attr !== VARIABLE_VALUE) name = name === '' ? attr : `${name}.${attr}`
    }
    if (name === '' || taken.has(name)) {
      fallbacks.push(t.key)
      name = t.key
    }
    taken.add(name)
    names.set(t.key, name)
  }
  const notes = fallbacks.length ? [`${fallbacks.length} tensor(s) have no unique object path and keep their checkpoint key as name (${fallbacks[0]}${fallbacks.length > 1 ? ', …' : ''}).`] : []
  return { names, notes }
}
