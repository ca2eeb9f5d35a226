import { CheckpointError } from '@shared/errors'
import type { ObjectGraph, ObjectGraphNode } from '@shared/model'

/** The decoded TrackableObjectGraph, before names are attached. */
export interface RawGraphNode {
  children: { nodeId: number; localName: string }[]
  attributes: { name: string; fullName: string; checkpointKey: string }[]
  slotVariables: { originalVariableNodeId: number; slotName: string; slotVariableNodeId: number }[]
  hasCheckpointValues: boolean | null
  registeredSaver: string | null
}

export const VARIABLE_VALUE = 'VARIABLE_VALUE'

/** Refuses a graph whose references point outside it (a damaged or hand-made file), before anything walks it. */
export function checkGraphReferences(nodes: readonly RawGraphNode[], file: string): void {
  const bad = (what: string, id: number) =>
    new CheckpointError('bad-proto', `The object graph is inconsistent: node ${id} ${what} (the graph has ${nodes.length} nodes)`, {
      file,
      key: '_CHECKPOINTABLE_OBJECT_GRAPH',
    })
  const inRange = (n: number) => Number.isInteger(n) && n >= 0 && n < nodes.length
  if (nodes.length === 0) throw bad('is missing: there is no root', 0)
  nodes.forEach((n, id) => {
    for (const c of n.children) if (!inRange(c.nodeId)) throw bad(`has a child ${c.nodeId} outside it`, id)
    for (const s of n.slotVariables) {
      if (!inRange(s.originalVariableNodeId) || !inRange(s.slotVariableNodeId)) throw bad(`has a slot reference outside it`, id)
    }
  })
}

/**
 * TF's pretty names (ObjectGraphProtoPrettyPrinter): BFS from node 0 over children in order, the first path
 * found joined with '.'; then every slot variable is renamed `<optimizer>'s state '<slot>' for <variable>`.
 */
export function prettyNames(nodes: readonly RawGraphNode[]): (string | null)[] {
  const names: (string | null)[] = new Array(nodes.length).fill(null)
  if (nodes.length === 0) return names
  names[0] = '(root)'
  for (const id of bfsOrder(nodes)) {
    for (const c of nodes[id].children) {
      if (c.nodeId >= 0 && c.nodeId < nodes.length && names[c.nodeId] === null) names[c.nodeId] = `${names[id]}.${c.localName}`
    }
  }
  const bfsNames = [...names]
  nodes.forEach((node, id) => {
    for (const s of node.slotVariables) {
      if (s.slotVariableNodeId < 0 || s.slotVariableNodeId >= nodes.length) continue
      const opt = bfsNames[id]
      const orig = bfsNames[s.originalVariableNodeId] ?? null
      if (opt !== null && orig !== null) names[s.slotVariableNodeId] = `${opt}'s state '${s.slotName}' for ${orig}`
    }
  })
  return names
}

/** Node ids in BFS order from the root (each once); the parent of each in the BFS spanning tree. */
export function bfsOrder(nodes: readonly RawGraphNode[]): number[] {
  return bfsTree(nodes).order
}

export function bfsTree(nodes: readonly RawGraphNode[]): { order: number[]; parent: Int32Array; edgeName: string[] } {
  const parent = new Int32Array(nodes.length).fill(-2)
  const edgeName: string[] = new Array(nodes.length).fill('')
  const order: number[] = []
  if (nodes.length === 0) return { order, parent, edgeName }
  parent[0] = -1
  const queue = [0]
  for (let qi = 0; qi < queue.length; qi++) {
    const id = queue[qi]
    order.push(id)
    for (const c of nodes[id].children) {
      if (c.nodeId < 0 || c.nodeId >= nodes.length || parent[c.nodeId] !== -2) continue
      parent[c.nodeId] = id
      edgeName[c.nodeId] = c.localName
      queue.push(c.nodeId)
    }
  }
  return { order, parent, edgeName }
}

export function isSimpleVariable(node: RawGraphNode): boolean {
  return node.attributes.length === 1 && node.attributes[0].name === VARIABLE_VALUE
}

/**
 * Optimizer nodes, decided from the graph's structure rather than key text (an optimizer may be called `opt`):
 * a node that owns slot references; a Keras >= 2.11 optimizer (children `_variables` + `_iterations`/`iteration`),
 * which has no slot references; or a legacy Keras optimizer without slots (children `iter` + `learning_rate`).
 */
export function findOptimizers(nodes: readonly RawGraphNode[]): Set<number> {
  const out = new Set<number>()
  nodes.forEach((n, id) => {
    const names = new Set(n.children.map((c) => c.localName))
    if (n.slotVariables.length > 0) out.add(id)
    else if (names.has('_variables') && (names.has('_iterations') || names.has('iteration') || names.has('iterations'))) out.add(id)
    else if (names.has('iter') && (names.has('learning_rate') || names.has('lr'))) out.add(id)
  })
  return out
}

export function toSharedGraph(nodes: readonly RawGraphNode[], names: readonly (string | null)[]): ObjectGraph {
  return {
    nodes: nodes.map(
      (n, id): ObjectGraphNode => ({
        id,
        path: names[id],
        children: n.children.map((c) => ({ nodeId: c.nodeId, localName: c.localName })),
        attributes: n.attributes.map((a) => ({ name: a.name, fullName: a.fullName, checkpointKey: a.checkpointKey })),
        slotVariables: n.slotVariables.map((s) => ({ ...s })),
        hasCheckpointValues: n.hasCheckpointValues,
        registeredSaver: n.registeredSaver,
      }),
    ),
  }
}
