import type { CheckpointFormat, ObjectGraph, TensorInfo, TensorRole } from '@shared/model'
import { bfsTree, findOptimizers, isSimpleVariable, prettyNames, type RawGraphNode } from '../graph/object-graph'
import { OBJECT_GRAPH_KEY } from '../graph/tree-builder'
import type { ModelDescription, ModelObject, ModelObjectKind, ModelSaveable, SlotSupport } from '@shared/restore'

/**
 * What matching needs from an opened checkpoint. `Checkpoint` satisfies it, and so does a `CheckpointSummary` from the
 * renderer (its `objectGraph` nodes carry the same fields as the raw graph), so matching can run on either side.
 */
export interface CheckpointLike {
  format: CheckpointFormat
  tensors: readonly TensorInfo[]
  rawGraph?: readonly RawGraphNode[] | null
  objectGraph?: ObjectGraph | null
}

export function graphOf(ckpt: CheckpointLike): readonly RawGraphNode[] | null {
  return ckpt.rawGraph ?? ckpt.objectGraph?.nodes ?? null
}

/**
 * Describes a checkpoint as the live objects a program would have: for TF2 checkpoints and SavedModels the object
 * graph (object ids = node ids), for TF1/V1 one variable per key. Used for the model a checkpoint is restored into
 * and for the checkpoint being restored.
 */
export function describeCheckpoint(ckpt: CheckpointLike): ModelDescription {
  const nodes = graphOf(ckpt)
  return nodes ? describeGraph(ckpt.format, nodes, ckpt.tensors) : describeNames(ckpt.format, ckpt.tensors)
}

function describeGraph(format: CheckpointFormat, nodes: readonly RawGraphNode[], tensors: readonly TensorInfo[]): ModelDescription {
  const byKey = new Map(tensors.map((t) => [t.key, t]))
  const names = prettyNames(nodes)
  const { order, parent, edgeName } = bfsTree(nodes)
  const optimizers = findOptimizers(nodes)
  const inBfs = new Set(order)

  const slotOf = new Map<number, { optimizer: number; variable: number; slotName: string }>()
  nodes.forEach((n, id) => n.slotVariables.forEach((s) => slotOf.set(s.slotVariableNodeId, { optimizer: id, variable: s.originalVariableNodeId, slotName: s.slotName })))

  // Everything below an optimizer in the BFS tree is its state (iterations, hyper-parameters, `_variables/N`).
  const ownerOf = new Map<number, number>()
  for (const id of order) {
    const p = parent[id]
    if (optimizers.has(id)) ownerOf.set(id, id)
    else if (p >= 0 && ownerOf.has(p)) ownerOf.set(id, ownerOf.get(p)!)
  }
  for (const [id, s] of slotOf) ownerOf.set(id, s.optimizer)

  const kindOf = (id: number): ModelObjectKind => {
    const n = nodes[id]
    if (id === 0) return 'root'
    if (slotOf.has(id)) return 'slot'
    if (optimizers.has(id)) return 'optimizer'
    if (!isSimpleVariable(n)) return 'object'
    const role = byKey.get(n.attributes[0].checkpointKey)?.role
    if (parent[id] === 0 && edgeName[id] === 'save_counter') return 'save_counter'
    if (role === 'global_step' || (parent[id] === 0 && edgeName[id] === 'global_step')) return 'global_step'
    return 'variable'
  }

  const slotSupportOf = (id: number): SlotSupport => {
    if (!optimizers.has(id)) return 'none'
    return nodes[id].children.some((c) => c.localName === '_variables') ? 'raises' : 'creates'
  }

  const objects: ModelObject[] = nodes.map((n, id) => {
    const kind = kindOf(id)
    const slot = slotOf.get(id)
    const saveables: ModelSaveable[] = n.attributes.map((a) => {
      const t = byKey.get(a.checkpointKey)
      return { name: a.name, key: a.checkpointKey, fullName: a.fullName, dtype: t?.dtype ?? 'unknown', shape: t ? [...t.shape] : null, role: roleOf(t, kind, a.name) }
    })
    return {
      id,
      path: names[id] ?? `node ${id}`,
      kind,
      children: n.children.filter((c) => c.nodeId >= 0 && c.nodeId < nodes.length).map((c) => ({ name: c.localName, id: c.nodeId })),
      saveables,
      optimizerState: ownerOf.has(id),
      ...(ownerOf.has(id) ? { optimizer: ownerOf.get(id) } : {}),
      ...(slot ? { slotOf: slot } : {}),
      slots: n.slotVariables.map((s) => ({ variable: s.originalVariableNodeId, slotName: s.slotName, slot: s.slotVariableNodeId })),
      slotSupport: slotSupportOf(id),
      // list_objects: BFS from the root, plus slots whose optimizer and variable are both reachable.
      reachable: inBfs.has(id) || (slot !== undefined && inBfs.has(slot.optimizer) && inBfs.has(slot.variable)),
      registeredSaver: n.registeredSaver,
      hasCheckpointValues: n.hasCheckpointValues,
    }
  })
  return { format, addressing: 'object', objects }
}

function roleOf(t: TensorInfo | undefined, kind: ModelObjectKind, attrName: string): TensorRole {
  if (t && t.role !== 'object_graph') return t.role
  if (kind === 'slot') return 'slot'
  if (kind === 'save_counter') return 'save_counter'
  return attrName === 'VARIABLE_VALUE' ? 'variable' : 'other'
}

/** TF1/V1: no objects, only names. A bare root, then one variable per key in key order. */
function describeNames(format: CheckpointFormat, tensors: readonly TensorInfo[]): ModelDescription {
  const root: ModelObject = { id: 0, path: '', kind: 'root', children: [], saveables: [], optimizerState: false, slots: [], slotSupport: 'none', reachable: true, registeredSaver: null }
  const objects: ModelObject[] = [root]
  const idOfKey = new Map<string, number>()
  for (const t of tensors) {
    if (t.key === OBJECT_GRAPH_KEY) continue
    const id = objects.length
    idOfKey.set(t.key, id)
    const kind: ModelObjectKind = t.role === 'slot' ? 'slot' : t.role === 'global_step' ? 'global_step' : 'variable'
    objects.push({
      id,
      path: t.key,
      kind,
      children: [],
      saveables: [{ name: 'VARIABLE_VALUE', key: t.key, fullName: t.key, dtype: t.dtype, shape: [...t.shape], role: t.role }],
      optimizerState: t.role === 'slot' || t.role === 'optimizer',
      slots: [],
      slotSupport: 'none',
      reachable: true,
      registeredSaver: null,
    })
  }
  // TF1 slots (`dense/kernel/Adam`) belong to a variable but to no optimizer object.
  for (const t of tensors) {
    const id = idOfKey.get(t.key)
    const variable = t.slotOfKey !== undefined ? idOfKey.get(t.slotOfKey) : undefined
    if (id !== undefined && t.role === 'slot' && variable !== undefined) objects[id].slotOf = { optimizer: -1, variable, slotName: t.slotName ?? '' }
  }
  return { format, addressing: 'name', objects }
}

/** The one VARIABLE_VALUE saveable of a plain variable, or null. */
export function variableValue(obj: ModelObject): ModelSaveable | null {
  return obj.saveables.length === 1 && obj.saveables[0].name === 'VARIABLE_VALUE' ? obj.saveables[0] : null
}
