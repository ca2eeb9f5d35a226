import { API_METHODS, type ApiHandlers, type ApiMethod, type ApiRequest, type CallContext, type Result } from '@shared/api'
import { CheckpointError, serializeError } from '@shared/errors'

/**
 * The single entry point every transport (IPC, HTTP, CLI) goes through: checks the method name and the shape
 * of its argument, runs the handler, and wraps the outcome in the Result envelope.
 */
export async function dispatch(handlers: ApiHandlers, method: unknown, raw: unknown, ctx: CallContext = {}): Promise<Result<unknown>> {
  try {
    if (typeof method !== 'string' || !(API_METHODS as readonly string[]).includes(method)) {
      throw new CheckpointError('invalid-argument', `Unknown method: ${String(method)}`)
    }
    const m = method as ApiMethod
    const req = validateRequest(m, raw)
    const value = await (handlers[m] as (r: unknown, c: CallContext) => Promise<unknown>)(req, ctx)
    return { ok: true, value }
  } catch (e) {
    return { ok: false, error: serializeError(e) }
  }
}

/** A field's type; `?` marks it optional. Integers are non-negative safe integers unless a range is given. */
type FieldSpec = 'string' | 'string?' | 'int?' | 'string[]?' | 'int[]?' | IntRange
interface IntRange {
  int: [min: number, max: number]
  optional?: boolean
}

/** Longest list a request may carry (keys of a checkpoint with 100k+ tensors; an index per axis). */
const MAX_KEYS = 1_000_000
const MAX_RANK = 256
const MAX_EXTENT = 2 ** 31

const SCHEMAS: { [M in ApiMethod]: Record<string, FieldSpec> } = {
  appInfo: {},
  open: { path: 'string', checkpoint: 'string?' },
  close: { id: 'string' },
  readTensor: { id: 'string', key: 'string', offset: 'int?', limit: 'int?' },
  verify: { id: 'string', taskId: 'string?' },
  recentFiles: {},
  cancel: { taskId: 'string' },
  stats: { id: 'string', keys: 'string[]?', bins: { int: [0, 4096], optional: true }, taskId: 'string?' },
  scan: { id: 'string', bins: { int: [0, 4096], optional: true }, taskId: 'string?' },
  // axes and indices are checked against the tensor's shape by the engine
  slice2d: {
    id: 'string',
    key: 'string',
    rowAxis: { int: [0, MAX_RANK - 1], optional: true },
    colAxis: { int: [0, MAX_RANK - 1], optional: true },
    index: 'int[]?',
    rowOffset: 'int?',
    rowLimit: { int: [1, MAX_EXTENT], optional: true },
    colOffset: 'int?',
    colLimit: { int: [1, MAX_EXTENT], optional: true },
  },
  overview: {
    id: 'string',
    key: 'string',
    rowAxis: { int: [0, MAX_RANK - 1], optional: true },
    colAxis: { int: [0, MAX_RANK - 1], optional: true },
    index: 'int[]?',
    cells: { int: [1, 1024], optional: true },
    taskId: 'string?',
  },
}

const MAX_STRING = 64 * 1024

/** Rejects anything but a plain object with exactly the declared fields of the declared types. */
export function validateRequest<M extends ApiMethod>(method: M, raw: unknown): ApiRequest<M> {
  const schema = SCHEMAS[method]
  const obj = raw === undefined || raw === null ? {} : raw
  if (typeof obj !== 'object' || Array.isArray(obj)) {
    throw new CheckpointError('invalid-argument', `${method}: the request must be an object`)
  }
  const rec = obj as Record<string, unknown>
  for (const k of Object.keys(rec)) {
    if (!(k in schema)) throw new CheckpointError('invalid-argument', `${method}: unexpected field '${k}'`)
  }
  for (const [k, spec] of Object.entries(schema)) {
    const v = rec[k]
    const optional = typeof spec === 'string' ? spec.endsWith('?') : spec.optional === true
    if (v === undefined) {
      if (!optional) throw new CheckpointError('invalid-argument', `${method}: missing field '${k}'`)
      continue
    }
    checkField(method, k, spec, v)
  }
  return rec as ApiRequest<M>
}

function checkField(method: string, k: string, spec: FieldSpec, v: unknown): void {
  const bad = (what: string) => new CheckpointError('invalid-argument', `${method}: field '${k}' must be ${what}`)
  const isString = (x: unknown) => typeof x === 'string' && x.length <= MAX_STRING
  const isCount = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0
  if (typeof spec === 'object') {
    const [lo, hi] = spec.int
    if (!Number.isSafeInteger(v) || (v as number) < lo || (v as number) > hi) throw bad(`an integer from ${lo} to ${hi}`)
  } else if (spec === 'string[]?') {
    if (!Array.isArray(v) || v.length > MAX_KEYS || !v.every(isString)) throw bad('an array of strings')
  } else if (spec === 'int[]?') {
    if (!Array.isArray(v) || v.length > MAX_RANK || !v.every(isCount)) throw bad('an array of non-negative integers')
  } else if (spec.startsWith('string')) {
    if (!isString(v)) throw bad('a string')
  } else if (!isCount(v)) {
    throw bad('a non-negative integer')
  }
}
