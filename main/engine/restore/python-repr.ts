/**
 * How Python and TF's C++ print the values that appear inside TF's messages, so our messages read exactly like the
 * ones users paste into issues: TensorShape as a tuple, lists of strings, the text format of an object-graph node.
 */
import type { RawGraphNode } from '../graph/object-graph'
import { cEscape } from '../proto/text-format'

/** `str(tf.TensorShape)`: `(1, 1, 256, 128)`, `(3,)` for rank 1, `()` for a scalar, `<unknown>` when unknown. */
export function shapeTuple(shape: readonly number[] | null): string {
  if (shape === null) return '<unknown>'
  const dims = shape.map((d) => (d < 0 ? 'None' : String(d)))
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`
}

/** `str(list)` of ints, as `reader.get_variable_to_shape_map()` values print: `[2, 3]`, `[]`. */
export function intList(values: readonly number[]): string {
  return `[${values.join(', ')}]`
}

/** C++ `TensorShape::DebugString()`, used by TF1's Assign errors: `[13]`, `[3,4]`, `[]`. */
export function shapeDebugString(shape: readonly number[] | null): string {
  return shape === null ? '<unknown>' : `[${shape.join(',')}]`
}

/** Python's `repr(str)`: single quotes unless the text holds a single quote and no double quote. */
export function pyStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'"
  let out = quote
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '\\') out += '\\\\'
    else if (ch === quote) out += `\\${quote}`
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`
    else out += ch
  }
  return out + quote
}

/** `repr(list_of_str)`: `['VARIABLE_VALUE', 'OBJECT_CONFIG_JSON']`. */
export function pyStrList(items: readonly string[]): string {
  return `[${items.map(pyStr).join(', ')}]`
}

/** TF's C++ `DataTypeString` for the Python dtype names the engine uses (RestoreV2 errors print these). */
export function cppDtypeName(dtype: string): string {
  switch (dtype) {
    case 'float32':
      return 'float'
    case 'float64':
      return 'double'
    case 'float16':
      return 'half'
    default:
      return dtype
  }
}

/**
 * Python's `str(proto)` for a TrackableObjectGraph node: protobuf text format, fields in field-number order, proto3
 * defaults omitted, strings C-escaped as `text_format` does (non-ASCII bytes as octal escapes).
 */
export function nodeProtoText(node: RawGraphNode): string {
  const lines: string[] = []
  /** A nested message: its fields one indent in, default values omitted (the braces stay, as in Python). */
  const message = (name: string, fields: [string, string | number | boolean][]) => {
    lines.push(`${name} {`)
    for (const [field, value] of fields) {
      if (value === '' || value === 0 || value === false) continue
      lines.push(`  ${field}: ${typeof value === 'string' ? `"${cEscape(value)}"` : String(value)}`)
    }
    lines.push('}')
  }
  for (const c of node.children) message('children', [['node_id', c.nodeId], ['local_name', c.localName]])
  for (const a of node.attributes) message('attributes', [['name', a.name], ['full_name', a.fullName], ['checkpoint_key', a.checkpointKey]])
  for (const s of node.slotVariables) {
    message('slot_variables', [['original_variable_node_id', s.originalVariableNodeId], ['slot_name', s.slotName], ['slot_variable_node_id', s.slotVariableNodeId]])
  }
  if (node.registeredSaver) message('registered_saver', [['name', node.registeredSaver]])
  if (node.hasCheckpointValues !== null) message('has_checkpoint_values', [['value', node.hasCheckpointValues]])
  return lines.map((l) => `${l}\n`).join('')
}
