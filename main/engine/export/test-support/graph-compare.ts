/** Test support: expected graphs built with buildCheckpointGraph, and node-by-node comparison. */
import { expect } from 'vitest'
import { bfsTree, VARIABLE_VALUE, type RawGraphNode } from '../../graph/object-graph'
import type { TrackableObject } from '../../proto'
import { buildCheckpointGraph, type SlotSpec, type TrackableSpec } from '../../write/object-graph-builder'

const NO_DATA = { dtype: 1, shape: [], data: new Uint8Array(0) }

/**
 * What TF's saver would write for the source program restricted to `keepNode` (and the slot references
 * `keepSlot` allows): specs rebuilt from the source graph, then laid out by buildCheckpointGraph.
 */
export function expectedSubgraph(raw: readonly RawGraphNode[], keepNode: (id: number) => boolean, keepSlot: (optimizer: number, variable: number) => boolean = () => true) {
  const specs = raw.map((): TrackableSpec => ({}))
  raw.forEach((n, id) => {
    const spec = specs[id]
    spec.children = n.children.filter((c) => keepNode(c.nodeId)).map((c): [string, TrackableSpec] => [c.localName, specs[c.nodeId]])
    const value = n.attributes.find((a) => a.name === VARIABLE_VALUE)
    if (value) spec.variable = { ...NO_DATA, fullName: value.fullName }
  })
  const { parent, edgeName } = bfsTree(raw)
  const pathOf = (id: number): string[] => (id === 0 ? [] : [...pathOf(parent[id]), edgeName[id]])
  const slots: SlotSpec[] = []
  raw.forEach((n, opt) => {
    if (!keepNode(opt)) return
    for (const r of n.slotVariables) {
      if (keepNode(r.originalVariableNodeId) && keepSlot(opt, r.originalVariableNodeId)) {
        slots.push({ optimizer: pathOf(opt), variable: pathOf(r.originalVariableNodeId), slotName: r.slotName, value: NO_DATA })
      }
    }
  })
  return buildCheckpointGraph(specs[0], slots).graph
}

/** Node by node: children, attributes (full names of non-slot nodes), slot references, has_checkpoint_values. */
export function expectSameGraph(actual: readonly TrackableObject[], expected: readonly TrackableObject[], compareFlags: boolean): void {
  expect(actual.length).toBe(expected.length)
  const slotNodes = new Set(expected.flatMap((n) => n.slotVariables.map((s) => s.slotVariableNodeId)))
  actual.forEach((n, i) => {
    const e = expected[i]
    expect({ i, children: n.children }).toEqual({ i, children: e.children })
    const attrs = (x: TrackableObject) => x.attributes.map((a) => ({ name: a.name, key: a.checkpointKey, fullName: slotNodes.has(i) ? '' : a.fullName }))
    expect({ i, attributes: attrs(n) }).toEqual({ i, attributes: attrs(e) })
    expect({ i, slots: n.slotVariables }).toEqual({ i, slots: e.slotVariables })
    if (compareFlags) expect({ i, has: n.hasCheckpointValues }).toEqual({ i, has: e.hasCheckpointValues })
  })
}
