import type { ApiMethod, ApiRequest, ApiResponse, ProgressEvent } from '@shared/api'
import { CheckpointError } from '@shared/errors'
import { createApiHandlers } from '../service/api-handlers'
import { dispatch } from '../service/dispatch'
import { PathAccess } from '../service/path-access'
import { version } from './version'

/**
 * The CLI as a client of the shared contract, in-process: the same validation and envelope as IPC and HTTP,
 * with every path allowed (the user typed it). Errors come back as CheckpointError.
 */
export class LocalApi {
  private readonly handlers = createApiHandlers({ access: new PathAccess('any'), surface: 'cli', version })

  async call<M extends ApiMethod>(method: M, req: ApiRequest<M>, progress?: (e: ProgressEvent) => void): Promise<ApiResponse<M>> {
    const r = await dispatch(this.handlers, method, req, { progress })
    if (!r.ok) throw CheckpointError.fromJSON(r.error)
    return r.value as ApiResponse<M>
  }

  dispose(): Promise<void> {
    return this.handlers.dispose()
  }
}
