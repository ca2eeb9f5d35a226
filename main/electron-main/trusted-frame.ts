/**
 * Whether an IPC message comes from our own page. The renderer is loaded from one URL (a file:// index.html,
 * or the dev server in development); a frame that navigated elsewhere, or a subframe from another origin,
 * must not reach the API even though it lives in our window.
 */
export function makeFrameCheck(rendererUrl: string): (frameUrl: string | undefined | null) => boolean {
  const expected = new URL(rendererUrl)
  return (frameUrl) => {
    if (!frameUrl) return false
    let url: URL
    try {
      url = new URL(frameUrl)
    } catch {
      return false
    }
    if (expected.protocol === 'file:') return url.protocol === 'file:' && url.pathname === expected.pathname
    return url.origin === expected.origin
  }
}
