/// <reference types="vite/client" />
import type { CheckpointApi } from '@shared/api'

declare global {
  /** Desktop-only helpers exposed by the preload beside `window.api` (absent in browser mode). */
  interface HostApi {
    /** Native open dialog; resolves to the chosen paths (empty when cancelled). */
    openDialog(kind: 'file' | 'directory'): Promise<string[]>
    /** The filesystem path of a dropped File, or null when it has none. */
    openDropped(file: File): Promise<string | null>
  }

  interface Window {
    api?: CheckpointApi
    host?: HostApi
  }
}

export {}
