import { describe, expect, it } from 'vitest'
import { formatMappingArg, mappingKind, parseMappingArg, pathSimilarity, resolveObjectPath, type ModelDescription, type ModelObject } from './index'
import { cppDtypeName, nodeProtoText, pyStr, pyStrList, shapeDebugString, shapeTuple } from './python-repr'

describe('Python and TF value formatting', () => {
  it('prints shapes as TensorShape does: tuples, (n,) for rank 1, () for scalars', () => {
    expect(shapeTuple([1, 1, 256, 128])).toBe('(1, 1, 256, 128)')
    expect(shapeTuple([3])).toBe('(3,)')
    expect(shapeTuple([])).toBe('()')
    expect(shapeTuple([-1, 4])).toBe('(None, 4)')
    expect(shapeTuple(null)).toBe('<unknown>')
    expect(shapeDebugString([3, 4])).toBe('[3,4]')
    expect(shapeDebugString([])).toBe('[]')
  })

  it('prints strings and lists as repr() does', () => {
    expect(pyStr('dense/kernel:0')).toBe("'dense/kernel:0'")
    expect(pyStr("opt's state")).toBe('"opt\'s state"')
    expect(pyStr('a\'b"c')).toBe("'a\\'b\"c'")
    expect(pyStrList(['VARIABLE_VALUE', 'OBJECT_CONFIG_JSON'])).toBe("['VARIABLE_VALUE', 'OBJECT_CONFIG_JSON']")
  })

  it('names dtypes as TF C++ does in RestoreV2 errors', () => {
    expect(cppDtypeName('float32')).toBe('float')
    expect(cppDtypeName('float64')).toBe('double')
    expect(cppDtypeName('float16')).toBe('half')
    expect(cppDtypeName('int64')).toBe('int64')
  })

  it('prints a node in protobuf text format: field-number order, defaults omitted, C escapes', () => {
    const text = nodeProtoText({
      children: [{ nodeId: 0, localName: 'loop' }],
      attributes: [{ name: 'VARIABLE_VALUE', fullName: '', checkpointKey: 'caf\u00e9/.ATTRIBUTES/VARIABLE_VALUE' }],
      slotVariables: [{ originalVariableNodeId: 3, slotName: 'm', slotVariableNodeId: 7 }],
      hasCheckpointValues: false,
      registeredSaver: null,
    })
    expect(text).toBe(
      'children {\n  local_name: "loop"\n}\n' +
        'attributes {\n  name: "VARIABLE_VALUE"\n  checkpoint_key: "caf\\303\\251/.ATTRIBUTES/VARIABLE_VALUE"\n}\n' +
        'slot_variables {\n  original_variable_node_id: 3\n  slot_name: "m"\n  slot_variable_node_id: 7\n}\n' +
        'has_checkpoint_values {\n}\n',
    )
  })
})

describe('mapping syntax', () => {
  const obj = (id: number, path: string, children: [string, number][]): ModelObject => ({
    id,
    path,
    kind: id === 0 ? 'root' : 'object',
    children: children.map(([name, c]) => ({ name, id: c })),
    saveables: [],
    optimizerState: false,
    slots: [],
    slotSupport: 'none',
    reachable: true,
    registeredSaver: null,
  })
  // A local name with a dot (`v1.2`) makes the pretty path ambiguous; resolution tries every split.
  const desc: ModelDescription = {
    format: 'tf2',
    addressing: 'object',
    objects: [obj(0, '(root)', [['model', 1]]), obj(1, '(root).model', [['v1.2', 2], ['v1', 3]]), obj(2, '(root).model.v1.2', []), obj(3, '(root).model.v1', [['2x', 4]]), obj(4, '(root).model.v1.2x', [])],
  }

  it('parses and prints --map arguments', () => {
    expect(parseMappingArg('a/=b/')).toEqual({ from: 'a/', to: 'b/' })
    expect(parseMappingArg('/=new/')).toEqual({ from: '/', to: 'new/' })
    expect(formatMappingArg({ from: 'model.encoder', to: 'net.enc' })).toBe('model.encoder=net.enc')
    expect(() => parseMappingArg('nothing')).toThrow(/from=to/)
  })

  it('infers the kind: names have "/", object paths are dotted, TF1 sides are names', () => {
    expect(mappingKind({ from: 'a/', to: 'b/' })).toBe('name')
    expect(mappingKind({ from: 'model.encoder', to: 'net.enc' })).toBe('object')
    expect(mappingKind({ from: 'w', to: 'weights' }, { ...desc, addressing: 'name' })).toBe('name')
    expect(mappingKind({ from: 'w', to: 'weights', kind: 'object' }, { ...desc, addressing: 'name' })).toBe('object')
  })

  it('resolves dotted object paths, with or without (root)', () => {
    expect(resolveObjectPath(desc, '(root)')).toBe(0)
    expect(resolveObjectPath(desc, '')).toBe(0)
    expect(resolveObjectPath(desc, 'model')).toBe(1)
    expect(resolveObjectPath(desc, '(root).model.v1.2')).toBe(2)
    expect(resolveObjectPath(desc, 'model.v1.2x')).toBe(4)
    expect(resolveObjectPath(desc, 'model.nothing')).toBeNull()
  })

  it('scores path similarity by tokens: same leaf and shared words score high', () => {
    const renamed = pathSimilarity('(root).model.dense.kernel', '(root).model.dense_renamed.kernel')
    const moved = pathSimilarity('(root).opt.iter', '(root).net.optimizer.iter')
    const unrelated = pathSimilarity('(root).model.dense.kernel', '(root).step')
    expect(renamed).toBeGreaterThan(moved)
    expect(moved).toBeGreaterThan(0.4)
    expect(unrelated).toBeLessThan(0.4)
  })
})
