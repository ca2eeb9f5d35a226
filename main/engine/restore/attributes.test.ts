/**
 * Attribute matching (spec §6.3) for objects that are not plain variables, e.g. a lookup table that saves `-keys`
 * and `-values`. Our writer only writes variables, so these graphs are given as decoded nodes directly.
 */
import type { TensorInfo, TensorRole } from '@shared/model'
import { describe, expect, it } from 'vitest'
import type { RawGraphNode } from '../graph/object-graph'
import { describeCheckpoint, matchCheckpoints, type CheckpointLike } from './index'
import { UNRESTORED_VALUES_HEADER } from './tf-messages'

const node = (children: [string, number][], attributes: [string, string][] = []): RawGraphNode => ({
  children: children.map(([localName, nodeId]) => ({ localName, nodeId })),
  attributes: attributes.map(([name, checkpointKey]) => ({ name, fullName: '', checkpointKey })),
  slotVariables: [],
  hasCheckpointValues: null,
  registeredSaver: null,
})

const tensor = (key: string, dtype: string, shape: number[], role: TensorRole): TensorInfo => ({ key, dtype, dtypeEnum: 0, shape, numElements: 0, shard: 0, offset: 0, size: 0, crc32c: null, role })

/** (root) → model.w, and optionally a table whose attributes are given. */
function graph(table: [string, string][] | null): CheckpointLike {
  const nodes = [node(table ? [['model', 1], ['table', 2]] : [['model', 1]]), node([['w', table ? 3 : 2]])]
  if (table) nodes.push(node([], table))
  nodes.push(node([], [['VARIABLE_VALUE', 'model/w/.ATTRIBUTES/VARIABLE_VALUE']]))
  const tensors = [tensor('model/w/.ATTRIBUTES/VARIABLE_VALUE', 'float32', [2], 'variable'), ...(table ?? []).map(([, key]) => tensor(key, 'string', [3], 'other'))]
  return { format: 'tf2', tensors, rawGraph: nodes }
}

const TABLE: [string, string][] = [
  ['-keys', 'table/.ATTRIBUTES/-keys'],
  ['-values', 'table/.ATTRIBUTES/-values'],
]

describe('attributes of non-variable objects', () => {
  it('a lookup table missing from the model is a non-variable miss', () => {
    const r = matchCheckpoints(graph(TABLE), describeCheckpoint(graph(null)), { api: 'read' })
    expect(r.checkpointOnly).toEqual([expect.objectContaining({ path: '(root).table', keys: ['table/.ATTRIBUTES/-keys', 'table/.ATTRIBUTES/-values'], reason: 'non-variable', safeForInference: false })])
    // Node 2 has attributes and no object; full_name is empty and has_checkpoint_values absent, so neither prints.
    expect(r.verdicts.assertConsumed.message).toBe(
      'Unresolved object in checkpoint (root).table: attributes {\n  name: "-keys"\n  checkpoint_key: "table/.ATTRIBUTES/-keys"\n}\nattributes {\n  name: "-values"\n  checkpoint_key: "table/.ATTRIBUTES/-values"\n}\n',
    )
    expect(r.verdicts.assertExistingObjectsMatched.ok).toBe(true)
  })

  it('an attribute the model object does not have is unused: assert_consumed names it', () => {
    const r = matchCheckpoints(graph(TABLE), describeCheckpoint(graph([TABLE[0]])), { api: 'read' })
    expect(r.checkpointOnly).toEqual([expect.objectContaining({ path: '(root).table', keys: ['table/.ATTRIBUTES/-values'], reason: 'unused-attribute' })])
    expect(r.verdicts.assertConsumed.message).toBe("Unused attributes in these objects (the attributes exist in the checkpoint but were not restored):\n(root).table (<object at (root).table>): ['-values']")
    expect(r.verdicts.expectPartialSilences).toEqual([UNRESTORED_VALUES_HEADER, "An attribute in the restored object could not be found in the checkpoint. Object: (root).table, attribute: ['-values']"])
  })

  it('the model object lacks nothing but the checkpoint lacks an attribute: attribute-missing, not checked by TF', () => {
    const r = matchCheckpoints(graph([TABLE[0]]), describeCheckpoint(graph(TABLE)), { api: 'read' })
    expect(r.modelOnly).toEqual([expect.objectContaining({ path: '(root).table', keys: ['table/.ATTRIBUTES/-values'], reason: 'attribute-missing' })])
    expect(r.verdicts.assertConsumed.ok).toBe(true)
  })

  it('forward compatibility: a saveable whose name prefixes the attributes takes the first and consumes the rest', () => {
    const r = matchCheckpoints(graph([['table-keys', 'table/.ATTRIBUTES/table-keys'], ['table-values', 'table/.ATTRIBUTES/table-values']]), describeCheckpoint(graph([['table', 'table/.ATTRIBUTES/table']])), { api: 'read' })
    expect(r.matched.filter((m) => m.sourcePath === '(root).table').map((m) => [m.checkpointKey, m.attribute])).toEqual([['table/.ATTRIBUTES/table-keys', 'table']])
    expect(r.verdicts.assertConsumed.ok).toBe(true)
    expect(r.checkpointOnly).toEqual([])
    expect(r.sourceStatus['table/.ATTRIBUTES/table-values']).toBe('matched')
  })
})
