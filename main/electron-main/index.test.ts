import { describe, expect, it, vi } from 'vitest'
import { API_METHODS } from '@shared/api'
import { HOST_CHANNELS } from '@shared/host'

// The whole main-process wiring against a mocked electron: lock, IPC channels, menu, window.
const state = vi.hoisted(() => ({
  channels: new Set<string>(),
  appEvents: new Map<string, (...a: unknown[]) => void>(),
  windows: [] as { url?: string; options: { webPreferences: Record<string, unknown> } }[],
  menu: null as unknown,
  ready: null as null | (() => void),
}))

vi.mock('electron', () => {
  const wc = () => ({ on: vi.fn(), once: vi.fn(), setWindowOpenHandler: vi.fn(), isLoading: () => false, send: vi.fn() })
  class BrowserWindow {
    webContents = wc()
    url?: string
    constructor(public options: { webPreferences: Record<string, unknown> }) {
      state.windows.push(this)
    }
    once = vi.fn()
    on = vi.fn()
    loadURL = async (url: string) => {
      this.url = url
    }
    static getAllWindows = () => state.windows
    static fromWebContents = () => null
  }
  return {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      exit: vi.fn(),
      on: (ev: string, fn: (...a: unknown[]) => void) => state.appEvents.set(ev, fn),
      whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
      getPath: () => '/nonexistent-user-data',
      getVersion: () => '9.9.9',
    },
    BrowserWindow,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn() },
    ipcMain: { handle: (ch: string) => state.channels.add(ch), removeHandler: vi.fn() },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (state.menu = m) },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
  }
})

describe('electron main wiring', () => {
  it('registers every channel, sets the menu and opens one hardened window on ready', async () => {
    delete process.env.ELECTRON_RENDERER_URL
    await import('./index')
    expect([...state.appEvents.keys()]).toEqual(expect.arrayContaining(['second-instance', 'open-file', 'window-all-closed', 'web-contents-created']))
    state.ready!()
    await vi.waitFor(() => expect(state.windows.length).toBe(1))
    for (const m of API_METHODS) expect(state.channels).toContain(`ckpt:${m}`)
    expect(state.channels).toContain(HOST_CHANNELS.openDialog)
    expect(state.channels).toContain(HOST_CHANNELS.grantDropped)
    expect(state.channels).toContain(HOST_CHANNELS.saveDialog)
    expect(state.menu).toBeTruthy()
    const win = state.windows[0]
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    await vi.waitFor(() => expect(win.url).toMatch(/^file:\/\/.*\/renderer\/index\.html$/))
  })
})
