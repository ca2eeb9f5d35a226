import { describe, expect, it, vi } from 'vitest'
import { menuTemplate } from './menu'

const created: { options: Record<string, unknown>; win: Record<string, unknown> }[] = []

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = fakeWebContents()
    handlers = new Map<string, () => void>()
    constructor(public options: Record<string, unknown>) {
      created.push({ options, win: this as unknown as Record<string, unknown> })
    }
    once(ev: string, fn: () => void) {
      this.handlers.set(ev, fn)
    }
    show = vi.fn()
    loadURL = vi.fn(async () => {})
  }
  return { BrowserWindow }
})

function fakeWebContents() {
  const on = new Map<string, (...a: unknown[]) => void>()
  let openHandler: ((d: unknown) => unknown) | undefined
  return {
    on: (ev: string, fn: (...a: unknown[]) => void) => on.set(ev, fn),
    setWindowOpenHandler: (fn: (d: unknown) => unknown) => (openHandler = fn),
    emit: (ev: string, ...a: unknown[]) => on.get(ev)?.(...a),
    openHandler: (d: unknown) => openHandler?.(d),
  }
}

const { createMainWindow, installSessionPolicy, mainWindowOptions, PRELOAD_PATH } = await import('./window')
const APP = 'file:///app/out/renderer/index.html'

describe('main window', () => {
  it('has the security flags and the CommonJS preload', () => {
    const prefs = mainWindowOptions().webPreferences!
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false })
    expect(prefs.preload).toBe(PRELOAD_PATH)
    expect(PRELOAD_PATH.replace(/\\/g, '/')).toMatch(/\/preload\/index\.cjs$/)
  })

  it('denies popups and navigation away, shows on ready-to-show', () => {
    createMainWindow(APP, (u) => u === APP)
    const { win } = created.at(-1)!
    const wc = win.webContents as ReturnType<typeof fakeWebContents>
    expect(wc.openHandler({ url: 'https://example.com' })).toEqual({ action: 'deny' })
    const away = { preventDefault: vi.fn() }
    wc.emit('will-navigate', away, 'https://example.com')
    expect(away.preventDefault).toHaveBeenCalled()
    const home = { preventDefault: vi.fn() }
    wc.emit('will-navigate', home, APP)
    expect(home.preventDefault).not.toHaveBeenCalled()
    const webview = { preventDefault: vi.fn() }
    wc.emit('will-attach-webview', webview)
    expect(webview.preventDefault).toHaveBeenCalled()
    expect(win.loadURL).toHaveBeenCalledWith(APP)
    expect(win.show).not.toHaveBeenCalled()
    ;(win.handlers as Map<string, () => void>).get('ready-to-show')!()
    expect(win.show).toHaveBeenCalled()
  })

  it('adds the CSP header and refuses permissions', () => {
    let onHeaders: ((d: unknown, cb: (r: unknown) => void) => void) | undefined
    let onPermission: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined
    const session = {
      webRequest: { onHeadersReceived: (fn: typeof onHeaders) => (onHeaders = fn) },
      setPermissionRequestHandler: (fn: typeof onPermission) => (onPermission = fn),
      setPermissionCheckHandler: vi.fn(),
    }
    installSessionPolicy(session as never)
    let headers: Record<string, string[]> = {}
    onHeaders!({ responseHeaders: { 'X-A': ['1'] } }, (r) => (headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders))
    expect(headers['X-A']).toEqual(['1'])
    expect(headers['Content-Security-Policy'][0]).toContain("default-src 'self'; script-src 'self'")
    let granted = true
    onPermission!(null, 'media', (ok) => (granted = ok))
    expect(granted).toBe(false)
  })
})

describe('menu', () => {
  it('has File (Open…, Open Folder…, Open Recent, Quit), View and Help; devtools only in dev', () => {
    const actions = { open: vi.fn(), openRecent: vi.fn(), about: vi.fn() }
    const prod = menuTemplate({ recent: ['/runs/a/ckpt-3'], isDev: false, isMac: false }, actions)
    const file = prod.find((m) => m.label === 'File')!.submenu as { label?: string; role?: string; click?: () => void; submenu?: unknown[] }[]
    expect(file.map((i) => i.label ?? i.role)).toEqual(['Open…', 'Open Folder…', 'Open Recent', undefined, 'quit'])
    ;(file[2].submenu as { click: () => void }[])[0].click()
    expect(actions.openRecent).toHaveBeenCalledWith('/runs/a/ckpt-3')
    file[1].click!()
    expect(actions.open).toHaveBeenCalledWith('directory')
    const roles = (t: typeof prod) => JSON.stringify(t.find((m) => m.label === 'View')!.submenu)
    expect(roles(prod)).not.toContain('toggleDevTools')
    expect(roles(menuTemplate({ recent: [], isDev: true, isMac: false }, actions))).toContain('toggleDevTools')
    expect(prod.some((m) => m.role === 'help')).toBe(true)
  })
})
