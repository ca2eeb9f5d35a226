import { variableValue } from './model-description'
import { scopedTensorNotFound, scopeOnly, tensorNotFound, variableShapeMismatch } from './tf-messages'
import type { MappedAssignment, Mapping, MappingError, MappingResult, ModelDescription, ModelObject } from '@shared/restore'

const VALUE_SUFFIX = '/.ATTRIBUTES/VARIABLE_VALUE'

/** `--map` syntax: `from=to` (split at the first `=`). */
export function parseMappingArg(arg: string): Mapping {
  const at = arg.indexOf('=')
  if (at < 0) throw new Error(`A mapping is written from=to (got ${JSON.stringify(arg)})`)
  return { from: arg.slice(0, at), to: arg.slice(at + 1) }
}

export function formatMappingArg(m: Mapping): string {
  return `${m.from}=${m.to}`
}

/**
 * An explicit kind wins. Otherwise names contain `/` and object paths are dotted; between name-addressed sides
 * (a TF1 checkpoint or model) everything is a name, since TF1 names need not contain `/` (`global_step`).
 */
export function mappingKind(m: Mapping, source?: ModelDescription, target?: ModelDescription): 'name' | 'object' {
  if (m.kind) return m.kind
  if (m.from.includes('/') || m.to.includes('/')) return 'name'
  return source?.addressing === 'name' || target?.addressing === 'name' ? 'name' : 'object'
}

/**
 * The names init_from_checkpoint sees on one side. A TF1 checkpoint has its keys. A TF2 one is seen through TF1
 * eyes when the other side is TF1 (its variables' `full_name`, which is how TF's Saver reads an object-based
 * checkpoint); between two TF2 sides, variables are named by their key without `/.ATTRIBUTES/VARIABLE_VALUE`
 * (`model/dense/kernel`), which is unique where full names are not.
 */
export function nameSpace(desc: ModelDescription, other: ModelDescription): Map<string, number> {
  const names = new Map<string, number>()
  for (const obj of desc.objects) {
    const value = variableValue(obj)
    if (!value || obj.synthetic) continue
    const name = desc.addressing === 'name' ? value.key : other.addressing === 'name' ? value.fullName : keyPath(value.key)
    if (name && !names.has(name)) names.set(name, obj.id)
  }
  return names
}

function keyPath(key: string): string {
  return key.endsWith(VALUE_SUFFIX) ? key.slice(0, -VALUE_SUFFIX.length) : key
}

/**
 * Expands a mapping into explicit assignments, checking it as TF does. Name entries follow init_from_checkpoint
 * (spec §6.8), processed sorted by checkpoint name; every ValueError TF would raise is reported (TF stops at the
 * first). Object entries bind a checkpoint object to a model object, and the restore then walks both subtrees.
 */
export function applyMapping(source: ModelDescription, target: ModelDescription, mapping: readonly Mapping[], checkpointPath = ''): MappingResult {
  const assignments: MappedAssignment[] = []
  const errors: MappingError[] = []
  const sorted = [...mapping].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  const names = { source: nameSpace(source, target), target: nameSpace(target, source) }
  for (const m of sorted) {
    if (mappingKind(m, source, target) === 'object') expandObjectMapping(source, target, m, assignments, errors)
    else expandNameMapping(source, target, names, m, checkpointPath, assignments, errors)
  }
  return { assignments, errors }
}

function expandObjectMapping(source: ModelDescription, target: ModelDescription, m: Mapping, out: MappedAssignment[], errors: MappingError[]): void {
  const from = resolveObjectPath(source, m.from)
  const to = resolveObjectPath(target, m.to)
  if (from === null) errors.push({ mapping: m, message: `No object at ${m.from} in the checkpoint.` })
  if (to === null) errors.push({ mapping: m, message: `No object at ${m.to} in the model.` })
  if (from === null || to === null) return
  out.push({ mapping: m, sourceNode: from, targetObject: to, sourceName: source.objects[from].path, targetName: target.objects[to].path })
}

function expandNameMapping(
  source: ModelDescription,
  target: ModelDescription,
  names: { source: Map<string, number>; target: Map<string, number> },
  m: Mapping,
  checkpointPath: string,
  out: MappedAssignment[],
  errors: MappingError[],
): void {
  const inCheckpoint = (name: string): number | undefined => names.source.get(name) ?? names.source.get(keyPath(name))
  const variableMap = (): [string, number[]][] => [...names.source].map(([n, id]) => [n, variableValue(source.objects[id])?.shape ?? []])
  const assign = (sourceName: string, targetName: string, sourceNode: number, targetObject: number) =>
    out.push({ mapping: m, sourceNode, targetObject, sourceName, targetName })

  const current = m.to
  const variable = names.target.get(current)
  if (variable !== undefined) {
    // One to one: the name must be in the checkpoint and the shapes compatible.
    const node = inCheckpoint(m.from)
    if (node === undefined) {
      errors.push({ mapping: m, message: tensorNotFound(m.from, checkpointPath, variableMap()) })
      return
    }
    const varValue = variableValue(target.objects[variable])!
    const ckptShape = variableValue(source.objects[node])?.shape ?? []
    if (!shapesCompatible(varValue.shape, ckptShape)) {
      errors.push({ mapping: m, message: variableShapeMismatch(`${varValue.fullName || current}:0`, varValue.shape, m.from, ckptShape) })
      return
    }
    assign(m.from, current, node, variable)
    return
  }
  // Anything that does not name a variable is a scope: 'ckpt_scope/': 'scope/'.
  const scopes = current.includes('/') ? current.slice(0, current.lastIndexOf('/')) : ''
  if (!m.from.endsWith('/')) {
    errors.push({ mapping: m, message: scopeOnly(scopes, m.from) })
    return
  }
  const scopeVariables = new Set<string>()
  for (const name of names.target.keys()) {
    if (scopes && !name.startsWith(`${scopes}/`)) continue
    scopeVariables.add(name.includes('/part_') ? name.slice(0, name.indexOf('/part_')) : name)
  }
  for (const varName of [...scopeVariables].sort()) {
    let full = varName.slice(scopes.length)
    if (current !== '/') full = full.slice(1)
    if (m.from !== '/') full = m.from + full
    if (full.endsWith('/')) full = full.slice(0, -1)
    const node = inCheckpoint(full)
    if (node === undefined) {
      errors.push({ mapping: m, message: scopedTensorNotFound(full, varName.slice(scopes.length + 1), m.from, checkpointPath) })
      continue
    }
    assign(full, varName, node, names.target.get(varName)!)
  }
}

function shapesCompatible(a: readonly number[] | null, b: readonly number[]): boolean {
  if (a === null) return true
  return a.length === b.length && a.every((d, i) => d < 0 || b[i] < 0 || d === b[i])
}

/**
 * An object from a dotted path (`model.encoder`, `(root).model.encoder`, `(root)` or '' for the root), or a full
 * pretty name (slots: `(root).opt's state 'm' for (root).model.kernel`). Local names may themselves contain dots,
 * so every way of splitting the path over the children's names is tried, shortest path first.
 */
export function resolveObjectPath(desc: ModelDescription, path: string): number | null {
  if (desc.addressing === 'name') {
    const byName = desc.objects.find((o) => o.id > 0 && o.path === path)
    return byName ? byName.id : null
  }
  const trimmed = path.trim()
  const rest = trimmed === '(root)' || trimmed === '' ? '' : trimmed.startsWith('(root).') ? trimmed.slice('(root).'.length) : trimmed
  const pretty = rest === '' ? '(root)' : `(root).${rest}`
  const exact = desc.objects.find((o) => o.path === pretty)
  if (exact) return exact.id
  return walk(desc.objects, 0, rest, new Set())
}

function walk(objects: readonly ModelObject[], id: number, rest: string, seen: Set<number>): number | null {
  if (rest === '') return id
  if (seen.has(id)) return null
  seen.add(id)
  for (const c of objects[id].children) {
    if (rest === c.name) return c.id
    if (rest.startsWith(`${c.name}.`)) {
      const found = walk(objects, c.id, rest.slice(c.name.length + 1), seen)
      if (found !== null) return found
    }
  }
  seen.delete(id)
  return null
}
