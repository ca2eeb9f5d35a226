import { existsSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import type { IpcMainInvokeEvent } from 'electron'
import { API_METHODS, IPC_CHANNEL_PREFIX, IPC_PROGRESS_CHANNEL, type ApiHandlers, type Result } from '@shared/api'
import { serializeError } from '@shared/errors'
import { HOST_CHANNELS } from '@shared/host'
import { dispatch } from '../service/dispatch'

/** The slice of ipcMain used here (the real one in the app, a fake in tests). */
export interface MainIpc {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

/** Decides whether an invoke comes from our page; see trusted-frame.ts. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

const FOREIGN: Result<never> = {
  ok: false,
  error: { name: 'CheckpointError', code: 'forbidden', message: 'IPC from a page that is not Checkpoint Explorer' },
}

/**
 * Registers `ckpt:<method>` for every contract method. Each goes through dispatch (validation + Result
 * envelope), so errors arrive as data instead of Electron's "Error invoking remote method" text.
 * Returns a function that unregisters them.
 */
export function registerApi(ipc: MainIpc, handlers: ApiHandlers, isTrusted: SenderCheck): () => void {
  for (const method of API_METHODS) {
    ipc.handle(IPC_CHANNEL_PREFIX + method, async (event, req) => {
      if (!isTrusted(event)) return FOREIGN
      const sender = event.sender
      return dispatch(handlers, method, req, {
        progress: (e) => {
          if (!sender.isDestroyed()) sender.send(IPC_PROGRESS_CHANNEL, e)
        },
      })
    })
  }
  return () => API_METHODS.forEach((m) => ipc.removeHandler(IPC_CHANNEL_PREFIX + m))
}

export interface HostDeps {
  isTrusted: SenderCheck
  /** Shows the native dialog for the window of this event; resolves to the chosen paths (granted). */
  openDialog(event: IpcMainInvokeEvent, kind: 'file' | 'directory'): Promise<string[]>
  grant(path: string): void
}

/** The desktop-only channels behind `window.host`, enveloped like the API. */
export function registerHost(ipc: MainIpc, deps: HostDeps): () => void {
  const handle = (channel: string, fn: (event: IpcMainInvokeEvent, arg: unknown) => Promise<unknown>) =>
    ipc.handle(channel, async (event, arg) => {
      if (!deps.isTrusted(event)) return FOREIGN
      try {
        return { ok: true, value: await fn(event, arg) }
      } catch (e) {
        return { ok: false, error: serializeError(e) }
      }
    })

  handle(HOST_CHANNELS.openDialog, async (event, kind) => {
    if (kind !== 'file' && kind !== 'directory') return []
    return deps.openDialog(event, kind)
  })
  // The preload read this path from a real dropped File (webUtils.getPathForFile); a sandboxed page has no
  // other way to send on this channel. Still accept only an existing absolute path.
  handle(HOST_CHANNELS.grantDropped, async (_event, path) => {
    if (typeof path !== 'string' || !isAbsolute(path) || path.includes('\0') || !existsSync(path)) return null
    deps.grant(path)
    return path
  })
  return () => {
    ipc.removeHandler(HOST_CHANNELS.openDialog)
    ipc.removeHandler(HOST_CHANNELS.grantDropped)
  }
}
