import { existsSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import type { IpcMainInvokeEvent } from 'electron'
import { API_METHODS, IPC_CHANNEL_PREFIX, IPC_PROGRESS_CHANNEL, type ApiHandlers, type NpyRequest, type NpySaved, type Result } from '@shared/api'
import { CheckpointError, serializeError } from '@shared/errors'
import { HOST_CHANNELS, type SaveDialogOptions } from '@shared/host'
import { dispatch, validateNpyRequest } from '../service/dispatch'

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
  /** Shows the native save dialog for the window of this event; resolves to the chosen path (granted) or null. */
  saveDialog(event: IpcMainInvokeEvent, options: SaveDialogOptions): Promise<string | null>
  /** Asks where with the native save dialog, then writes the tensor there (null: the dialog was cancelled). */
  saveTensorNpy?(event: IpcMainInvokeEvent, req: NpyRequest): Promise<NpySaved | null>
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
  handle(HOST_CHANNELS.saveDialog, async (event, raw) => deps.saveDialog(event, saveDialogOptions(raw)))
  const saveNpy = deps.saveTensorNpy
  if (saveNpy) handle(HOST_CHANNELS.saveTensorNpy, async (event, raw) => saveNpy(event, validateNpyRequest(raw)))
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
    ipc.removeHandler(HOST_CHANNELS.saveDialog)
    if (saveNpy) ipc.removeHandler(HOST_CHANNELS.saveTensorNpy)
  }
}

const MAX_TEXT = 4096

/**
 * The page's dialog options, reduced to the fields we pass on, each checked (the page is untrusted; the dialog
 * only suggests, the user chooses). Anything malformed is an invalid-argument error.
 */
export function saveDialogOptions(raw: unknown): SaveDialogOptions {
  const bad = (what: string) => new CheckpointError('invalid-argument', `saveDialog: ${what}`)
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad('options must be an object')
  const o = raw as Record<string, unknown>
  const text = (v: unknown) => typeof v === 'string' && v.length <= MAX_TEXT && !v.includes('\0')
  const out: SaveDialogOptions = {}
  for (const k of Object.keys(o)) if (!['title', 'defaultPath', 'filters'].includes(k)) throw bad(`unexpected field '${k}'`)
  if (o.title !== undefined) {
    if (!text(o.title)) throw bad('title must be a string')
    out.title = o.title as string
  }
  if (o.defaultPath !== undefined) {
    if (!text(o.defaultPath)) throw bad('defaultPath must be a string')
    out.defaultPath = o.defaultPath as string
  }
  if (o.filters !== undefined) {
    const ok = (f: unknown) => {
      const x = f as { name?: unknown; extensions?: unknown }
      return typeof f === 'object' && f !== null && text(x.name) && Array.isArray(x.extensions) && x.extensions.length <= 32 && x.extensions.every(text) && Object.keys(f).length === 2
    }
    if (!Array.isArray(o.filters) || o.filters.length > 32 || !o.filters.every(ok)) throw bad('filters must be a list of {name, extensions}')
    out.filters = (o.filters as { name: string; extensions: string[] }[]).map((f) => ({ name: f.name, extensions: [...f.extensions] }))
  }
  return out
}
