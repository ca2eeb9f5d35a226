/** The one API the UI uses: Electron's preload `window.api`, else the HTTP client of browser mode. */
import type { CheckpointApi } from '@shared/api'
import { createHttpClient } from './http-client'
import { takeToken } from './token'

let cached: CheckpointApi | null = null

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
  cached = createHttpClient({ token })
  return cached
}

/** True when running inside Electron (a preload bridge is present). */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && !!window.api
}

export function getHost(): HostApi | null {
  return (typeof window !== 'undefined' && window.host) || null
}
