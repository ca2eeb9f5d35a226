/**
 * The browser-mode session token: taken from `?token=` on first load, kept in sessionStorage (so reloads work),
 * and removed from the visible URL so it is not copied around or kept in history.
 */
export const TOKEN_STORAGE_KEY = 'ckpt-token'

export interface LocationLike {
  href: string
}
export interface HistoryLike {
  replaceState(data: unknown, unused: string, url?: string | URL | null): void
  state: unknown
}
export interface StorageLike {
  getItem(k: string): string | null
  setItem(k: string, v: string): void
}

export function takeToken(loc: LocationLike, history: HistoryLike, storage: StorageLike | null): string | null {
  const url = new URL(loc.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    try {
      storage?.setItem(TOKEN_STORAGE_KEY, fromUrl)
    } catch {
      // storage may be disabled; the token still works for this page
    }
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url.pathname + (url.search ? url.search : '') + url.hash)
    return fromUrl
  }
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) ?? null
  } catch {
    return null
  }
}
