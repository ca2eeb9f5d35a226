import type { RawGraphNode } from '../graph/object-graph'
import { stripRoot } from './glob'

/**
 * Finds the node an object path names. Accepted spellings: TF's pretty form (`(root).model.dense`, the `(root).`
 * optional, `(root)` or `` for the root) and the key form (`model/dense`, each segment escaped as in keys, so
 * `a..b` is the local name `a.b`). Children are matched by local name along any edge; a local name may itself
 * contain dots, the longest match wins.
 */
export function resolveObjectPath(nodes: readonly RawGraphNode[], path: string): number | null {
  if (nodes.length === 0) return null
  const text = stripRoot(path.trim())
  if (text === '' || text === '/') return 0
  if (text.includes('/')) return walk(nodes, text.split('/').filter(Boolean).map(unescapeLocalName))
  let id = 0
  let rest = text
  while (rest !== '') {
    let best: { nodeId: number; localName: string } | null = null
    for (const c of nodes[id].children) {
      if (rest !== c.localName && !rest.startsWith(`${c.localName}.`)) continue
      if (!best || c.localName.length > best.localName.length) best = c
    }
    if (!best || best.nodeId < 0 || best.nodeId >= nodes.length) return null
    id = best.nodeId
    rest = rest.slice(best.localName.length + 1)
  }
  return id
}

function walk(nodes: readonly RawGraphNode[], names: string[]): number | null {
  let id = 0
  for (const name of names) {
    const c = nodes[id].children.find((x) => x.localName === name)
    if (!c || c.nodeId < 0 || c.nodeId >= nodes.length) return null
    id = c.nodeId
  }
  return id
}

/** Inverse of TF's key escaping: `..` → `.`, `.S` → `/`. */
export function unescapeLocalName(s: string): string {
  return s.replace(/\.([.S])/g, (_, c: string) => (c === '.' ? '.' : '/'))
}

/** Node ids whose BFS-first path passes through `root` (the node included), the BFS spanning tree of TF's naming. */
export function bfsSubtree(parent: Int32Array, order: readonly number[], root: number): Set<number> {
  const out = new Set<number>([root])
  for (const id of order) if (id !== root && parent[id] >= 0 && out.has(parent[id])) out.add(id)
  return out
}
