/// <reference types="vite/client" />
import type { CheckpointApi } from '@shared/api'
import type { HostApi as SharedHostApi } from '@shared/host'

declare global {
  /** Desktop-only helpers exposed by the preload beside `window.api` (absent in browser mode). */
  type HostApi = SharedHostApi

  interface Window {
    api?: CheckpointApi
    host?: HostApi
  }
}

export {}
