/**
 * What the desktop shell offers the renderer beyond the checkpoint contract: native dialogs, dropped files and
 * menu commands. Exposed as `window.host` by the Electron preload only; in browser mode it is absent and the
 * renderer falls back to its path field. Paths only ever come from the user's own acts in the main process
 * (dialog, a real dropped file, the menu), and each one is granted there before the renderer can open it.
 */
import type { NpyRequest, NpySaved } from './api'

export interface HostApi {
  /** Shows the native open dialog; resolves to the chosen paths (granted), or [] when cancelled. */
  openDialog(kind: 'file' | 'directory'): Promise<string[]>
  /**
   * Grants and returns the path of a file or folder the user dropped on the window (a DOM `File` from a drop
   * event; typed `unknown` to keep shared/ DOM-free), or null when it is not backed by a file on disk.
   */
  openDropped(file: unknown): Promise<string | null>
  /** The menu (Open…, Open Recent, a second launch with a path) asks to open a path; returns an unsubscribe. */
  onOpenRequest(listener: (path: string) => void): () => void
  /**
   * Shows the native save dialog for an export or restore destination and grants the chosen path for writing
   * (with its folder, where staging and backups go); resolves to the path, or null when cancelled. The dialog asks
   * before replacing a file; pass `overwrite: true` to export/restore then (the old files are backed up).
   */
  saveDialog(options: SaveDialogOptions): Promise<string | null>
  /**
   * "Save this tensor as .npy": the main process shows the save dialog and writes the file there itself, so the
   * page never names a path; progress comes on the API's progress channel under `req.taskId` (cancel with
   * `api.cancel`). Resolves to what was written, or null when the dialog was cancelled.
   */
  saveTensorNpy(req: NpyRequest): Promise<NpySaved | null>
}

export interface SaveDialogOptions {
  title?: string
  /** Suggested file or prefix (a name, or a full path); the user confirms or changes it. */
  defaultPath?: string
  /** e.g. [{ name: 'safetensors', extensions: ['safetensors'] }] */
  filters?: { name: string; extensions: string[] }[]
}

export const HOST_CHANNELS = {
  openDialog: 'host:open-dialog',
  grantDropped: 'host:grant-dropped',
  saveDialog: 'host:save-dialog',
  saveTensorNpy: 'host:save-tensor-npy',
  /** main → renderer */
  openRequest: 'host:open-request',
} as const
