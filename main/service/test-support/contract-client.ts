/** Test support: calls through dispatch (validation and the Result envelope), as every surface does. */
import type { ApiHandlers, ProgressEvent } from '@shared/api'
import type { PackedSummary } from '@shared/summary-wire'
import { dispatch } from '../dispatch'

export function contractClient(handlers: ApiHandlers) {
  const call = (method: string, req: unknown, progress?: (e: ProgressEvent) => void) => dispatch(handlers, method, req, { progress })
  /** The value, or a thrown Error naming the method and the error message. */
  const ok = async <T>(method: string, req: unknown, progress?: (e: ProgressEvent) => void): Promise<T> => {
    const r = await call(method, req, progress)
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    return r.value as T
  }
  const openId = async (path: string) => (await ok<PackedSummary>('open', { path })).id
  return { call, ok, openId }
}
