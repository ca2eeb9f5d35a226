import { bfsTree, type RawGraphNode } from '../graph/object-graph'

/** What pruning needs of a node; both the decoded proto (TrackableObject) and RawGraphNode fit. */
export interface PrunableNode {
  children: { nodeId: number; localName: string }[]
  attributes: { checkpointKey: string }[]
  slotVariables: { originalVariableNodeId: number; slotName: string; slotVariableNodeId: number }[]
  /** Truthy when the object is saved by a registered saver. */
  registeredSaver: unknown
  hasCheckpointValues: boolean | null
}

export interface PruneOptions {
  /**
   * Drop objects that hold no value at all (Keras input layers, functions, empty containers) too, keeping only
   * the root and the nodes holding or leading to a kept value. By default they are kept when their parent is,
   * which is what TF writes for the same program without the dropped objects, so
   * `assert_existing_objects_matched()` still passes on the model the checkpoint came from.
   */
  pruneEmptyObjects?: boolean
}

export type OrphanReason = 'slot-without-variable' | 'slot-without-optimizer' | 'unreachable'

export interface PruneResult<N extends PrunableNode> {
  /** The pruned graph, renumbered in TF's save order. */
  nodes: N[]
  /** Old node id → new id, -1 for dropped nodes. */
  newId: Int32Array
  /** Nothing was dropped and the numbering is the identity: the original bytes can be kept. */
  unchanged: boolean
  /** Checkpoint keys the pruned graph references. */
  keys: Set<string>
  /** Keys that were to be kept but that the pruned graph cannot reference. */
  orphaned: Map<string, OrphanReason>
}

/**
 * Prunes a TrackableObjectGraph to the values kept and renumbers it the way TF's saver numbers a graph (spec
 * §5.3): BFS from the root over children in order, then slot variables appended per optimizer (BFS order), per
 * slot name (first-appearance order), per original variable (BFS order). Children edges to dropped nodes and slot
 * references whose slot value, variable or optimizer is gone are removed; has_checkpoint_values is recomputed.
 *
 * Dropping nodes never changes the BFS-first path of a kept node (every kept node keeps its BFS parent), so the
 * kept checkpoint keys stay valid.
 */
export function pruneObjectGraph<N extends PrunableNode>(nodes: readonly N[], keep: (key: string) => boolean, opts: PruneOptions = {}): PruneResult<N> {
  const n = nodes.length
  const valid = (id: number) => Number.isInteger(id) && id >= 0 && id < n
  // bfsTree reads only `children`.
  const { order, parent } = bfsTree(nodes as unknown as readonly RawGraphNode[])
  const reachable = new Uint8Array(n)
  for (const id of order) reachable[id] = 1

  const keptAttrs = nodes.map((x) => x.attributes.filter((a) => keep(a.checkpointKey)))
  const had = closeOverChildren(
    nodes,
    order,
    nodes.map((x) => x.attributes.length > 0 || x.slotVariables.length > 0),
  )

  const decide = (own: boolean[]): Uint8Array => {
    const has = closeOverChildren(nodes, order, own)
    const kept = new Uint8Array(n)
    for (const id of order) {
      const p = parent[id]
      kept[id] = id === 0 || has[id] || (!opts.pruneEmptyObjects && !had[id] && p >= 0 && kept[p] === 1) ? 1 : 0
    }
    return kept
  }
  // Variables first (slot references live on optimizers and cannot change whether a variable is kept), then the
  // optimizers holding a kept slot reference, and their ancestors.
  const keptA = decide(keptAttrs.map((a) => a.length > 0))
  const keptRefs = nodes.map((x, id) =>
    reachable[id]
      ? x.slotVariables.filter((r) => valid(r.slotVariableNodeId) && valid(r.originalVariableNodeId) && keptA[r.originalVariableNodeId] && keptAttrs[r.slotVariableNodeId].length > 0)
      : [],
  )
  const kept = decide(keptAttrs.map((a, id) => a.length > 0 || keptRefs[id].length > 0))

  const newId = new Int32Array(n).fill(-1)
  let next = 0
  if (n > 0) {
    newId[0] = next++
    const queue = [0]
    for (let qi = 0; qi < queue.length; qi++) {
      for (const c of nodes[queue[qi]].children) {
        if (!valid(c.nodeId) || !kept[c.nodeId] || newId[c.nodeId] !== -1) continue
        newId[c.nodeId] = next++
        queue.push(c.nodeId)
      }
    }
  }
  const orderedRefs = new Map<number, N['slotVariables']>()
  const optimizers = order.filter((id) => kept[id] && keptRefs[id].length > 0).sort((a, b) => newId[a] - newId[b])
  for (const opt of optimizers) {
    const refs = keptRefs[opt]
    const slotNames = [...new Set(refs.map((r) => r.slotName))]
    const ordered = slotNames.flatMap((name) => refs.filter((r) => r.slotName === name).sort((a, b) => newId[a.originalVariableNodeId] - newId[b.originalVariableNodeId]))
    for (const r of ordered) if (newId[r.slotVariableNodeId] === -1) newId[r.slotVariableNodeId] = next++
    orderedRefs.set(opt, ordered)
  }

  const anyFlag = nodes.some((x) => x.hasCheckpointValues !== null)
  const out: N[] = new Array(next)
  for (let id = 0; id < n; id++) {
    if (newId[id] < 0) continue
    const x = nodes[id]
    out[newId[id]] = {
      ...x,
      children: x.children.filter((c) => valid(c.nodeId) && newId[c.nodeId] >= 0).map((c) => ({ ...c, nodeId: newId[c.nodeId] })),
      attributes: keptAttrs[id],
      slotVariables: (orderedRefs.get(id) ?? []).map((r) => ({ ...r, originalVariableNodeId: newId[r.originalVariableNodeId], slotVariableNodeId: newId[r.slotVariableNodeId] })),
    }
  }
  // Rule 5 of §5.3; a graph from a writer that never set the flag stays without it.
  const flags = closeOverChildren(out, out.map((_, i) => i).reverse(), out.map((x) => x.attributes.length > 0 || x.slotVariables.length > 0 || !!x.registeredSaver))
  out.forEach((x, i) => (x.hasCheckpointValues = anyFlag ? flags[i] : null))

  const keys = new Set(out.flatMap((x) => x.attributes.map((a) => a.checkpointKey)))
  const orphaned = new Map<string, OrphanReason>()
  const slotOwner = new Map<number, { opt: number; variable: number }>()
  nodes.forEach((x, id) => x.slotVariables.forEach((r) => slotOwner.set(r.slotVariableNodeId, { opt: id, variable: r.originalVariableNodeId })))
  keptAttrs.forEach((attrs, id) => {
    if (newId[id] >= 0) return
    const owner = slotOwner.get(id)
    const reason: OrphanReason = !owner ? 'unreachable' : !reachable[owner.opt] ? 'slot-without-optimizer' : 'slot-without-variable'
    for (const a of attrs) if (!keys.has(a.checkpointKey)) orphaned.set(a.checkpointKey, reason)
  })

  const unchanged =
    next === n &&
    newId.every((v, i) => v === i) &&
    nodes.every((x, id) => keptAttrs[id].length === x.attributes.length && (orderedRefs.get(id)?.length ?? 0) === x.slotVariables.length)
  return { nodes: out, newId, unchanged, keys, orphaned }
}

/** A node "has" something when it does itself or any node reachable through its children does. */
function closeOverChildren(nodes: readonly PrunableNode[], order: readonly number[], own: boolean[]): boolean[] {
  const has = [...own]
  // Children are mostly visited after their parents, so a reverse BFS sweep settles nearly everything at once;
  // repeat until stable for edges that point backwards.
  const inOrder = new Uint8Array(nodes.length)
  for (const id of order) inOrder[id] = 1
  const sweep = [...order].reverse()
  for (let i = 0; i < nodes.length; i++) if (!inOrder[i]) sweep.push(i)
  for (let changed = true; changed; ) {
    changed = false
    for (const id of sweep) {
      if (has[id]) continue
      if (nodes[id].children.some((c) => has[c.nodeId])) {
        has[id] = true
        changed = true
      }
    }
  }
  return has
}
