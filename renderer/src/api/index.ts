/** The one API the UI uses: Electron's preload `window.api`, else the HTTP client of browser mode. */
import type { CheckpointApi, NpyRequest } from '@shared/api'
import { createHttpClient, type NpyPreparer } from './http-client'
import { takeToken } from './token'

let cached: CheckpointApi | null = null
let http: NpyPreparer | null = null

export function getApi(): CheckpointApi {
  if (cached) return cached
  if (typeof window !== 'undefined' && window.api) {
    cached = window.api
    return cached
  }
  let storage: Storage | null = null
  try {
    storage = window.sessionStorage
  } catch {
    storage = null
  }
  const token = takeToken(window.location, window.history, storage) ?? ''
  const client = createHttpClient({ token })
  http = client
  cached = client
  return cached
}

/**
 * "Save this tensor as .npy": Electron asks where with a native dialog and writes it from the main process;
 * browser mode has the server prepare the file and downloads it. Resolves to what happened, in words, or null
 * when the user cancelled the dialog. Progress and cancel go by `req.taskId`.
 */
export async function saveNpy(req: NpyRequest): Promise<string | null> {
  const host = getHost()
  if (host?.saveTensorNpy) {
    const saved = await host.saveTensorNpy(req)
    return saved && `Saved ${saved.path}`
  }
  getApi()
  if (!http) throw new Error('Saving files needs the desktop app or the browser-mode server')
  const d = await http.prepareNpy(req)
  const a = document.createElement('a')
  a.href = d.url
  a.download = d.fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  return `Downloading ${d.fileName}${d.notes.length ? ` (${d.notes.join(' ')})` : ''}`
}

/** True when running inside Electron (a preload bridge is present). */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && !!window.api
}

export function getHost(): HostApi | null {
  return (typeof window !== 'undefined' && window.host) || null
}
