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

type FieldSpec = 'string' | 'string?' | 'int?'
const SCHEMAS: { [M in ApiMethod]: Record<string, FieldSpec> } = {
  appInfo: {},
  open: { path: 'string', checkpoint: 'string?' },
  close: { id: 'string' },
  readTensor: { id: 'string', key: 'string', offset: 'int?', limit: 'int?' },
  verify: { id: 'string', taskId: 'string?' },
  recentFiles: {},
  cancel: { taskId: 'string' },
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
    const optional = spec.endsWith('?')
    if (v === undefined) {
      if (!optional) throw new CheckpointError('invalid-argument', `${method}: missing field '${k}'`)
      continue
    }
    if (spec.startsWith('string')) {
      if (typeof v !== 'string' || v.length > MAX_STRING) {
        throw new CheckpointError('invalid-argument', `${method}: field '${k}' must be a string`)
      }
    } else if (!Number.isSafeInteger(v) || (v as number) < 0) {
      throw new CheckpointError('invalid-argument', `${method}: field '${k}' must be a non-negative integer`)
    }
  }
  return rec as ApiRequest<M>
}
