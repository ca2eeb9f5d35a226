import { API_METHODS, IPC_CHANNEL_PREFIX, IPC_PROGRESS_CHANNEL, type CheckpointApi, type NpyRequest, type NpySaved, type ProgressEvent } from '@shared/api'
import { CheckpointError, type SerializedError } from '@shared/errors'
import { HOST_CHANNELS, type HostApi, type SaveDialogOptions } from '@shared/host'

/** The slice of ipcRenderer the bridge uses (injected so it can be tested without Electron). */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

/**
 * The error a rejected call carries into the page. It is plain data on purpose: contextBridge copies an Error
 * as a bare `Error(message)` and drops its name and fields, while plain objects cross intact. It has exactly
 * the SerializedError shape, so `serializeError(e)` / `describeError` / `CheckpointError.fromJSON` read it.
 */
export function rendererError(e: SerializedError): SerializedError {
  return CheckpointError.fromJSON(e).toJSON()
}

/** Returns the value of a Result envelope, or throws its error as `rendererError`. */
export function unwrap<T>(result: unknown): T {
  if (result && typeof result === 'object' && 'ok' in result) {
    const r = result as { ok: boolean; value?: unknown; error?: SerializedError }
    if (r.ok === true) return r.value as T
    if (r.ok === false && r.error && typeof r.error.message === 'string') throw rendererError(r.error)
  }
  throw rendererError({ name: 'CheckpointError', code: 'io', message: 'Malformed reply from the main process' })
}

/** `window.api`: one fixed method per contract method, nothing generic (no channel can be chosen by the page). */
export function createCheckpointApi(ipc: RendererIpc): CheckpointApi {
  const api: Record<string, unknown> = {}
  for (const method of API_METHODS) {
    api[method] = async (req: unknown) => unwrap(await ipc.invoke(IPC_CHANNEL_PREFIX + method, req))
  }
  api.onProgress = (listener: (e: ProgressEvent) => void) => {
    // the IPC event object is not passed on: it would hand the page a reference to ipcRenderer
    const wrapped = (_event: unknown, e: unknown) => listener(e as ProgressEvent)
    ipc.on(IPC_PROGRESS_CHANNEL, wrapped)
    return () => {
      ipc.removeListener(IPC_PROGRESS_CHANNEL, wrapped)
    }
  }
  return Object.freeze(api) as CheckpointApi
}

/** `window.host`. The dropped file's path is read here, from a real File, so the page cannot name any path. */
export function createHostApi(ipc: RendererIpc, getPathForFile: (file: never) => string): HostApi {
  return Object.freeze({
    async openDialog(kind: 'file' | 'directory') {
      if (kind !== 'file' && kind !== 'directory') throw rendererError({ name: 'CheckpointError', code: 'invalid-argument', message: 'kind must be file or directory' })
      return unwrap<string[]>(await ipc.invoke(HOST_CHANNELS.openDialog, kind))
    },
    async openDropped(file: unknown) {
      let path = ''
      try {
        path = getPathForFile(file as never)
      } catch {
        return null // not a File at all
      }
      if (!path) return null // a File made in JavaScript has no path
      return unwrap<string | null>(await ipc.invoke(HOST_CHANNELS.grantDropped, path))
    },
    onOpenRequest(listener: (path: string) => void) {
      const wrapped = (_event: unknown, path: unknown) => {
        if (typeof path === 'string') listener(path)
      }
      ipc.on(HOST_CHANNELS.openRequest, wrapped)
      return () => {
        ipc.removeListener(HOST_CHANNELS.openRequest, wrapped)
      }
    },
    async saveDialog(options: SaveDialogOptions) {
      // checked again in the main process; failing here gives the page a clear error without a round trip
      if (!options || typeof options !== 'object') throw rendererError({ name: 'CheckpointError', code: 'invalid-argument', message: 'saveDialog takes an options object' })
      return unwrap<string | null>(await ipc.invoke(HOST_CHANNELS.saveDialog, options))
    },
    async saveTensorNpy(req: NpyRequest) {
      return unwrap<NpySaved | null>(await ipc.invoke(HOST_CHANNELS.saveTensorNpy, req))
    },
  })
}
