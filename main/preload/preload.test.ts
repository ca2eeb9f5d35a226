import { beforeEach, describe, expect, it, vi } from 'vitest'
import { API_METHODS, IPC_PROGRESS_CHANNEL } from '@shared/api'
import { HOST_CHANNELS } from '@shared/host'

const exposed = new Map<string, unknown>()
const invoke = vi.fn()
const listeners = new Map<string, Set<(...a: unknown[]) => void>>()
const getPathForFile = vi.fn()

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (...a: unknown[]) => invoke(...a),
    on: (ch: string, l: (...a: unknown[]) => void) => {
      if (!listeners.has(ch)) listeners.set(ch, new Set())
      listeners.get(ch)!.add(l)
    },
    removeListener: (ch: string, l: (...a: unknown[]) => void) => listeners.get(ch)?.delete(l),
  },
  webUtils: { getPathForFile: (f: unknown) => getPathForFile(f) },
}))

await import('./index')
const api = exposed.get('api') as Record<string, (...a: unknown[]) => Promise<unknown>> & { onProgress(l: (e: unknown) => void): () => void }
const host = exposed.get('host') as { openDialog(k: string): Promise<string[]>; openDropped(f: unknown): Promise<string | null>; saveDialog(o: unknown): Promise<string | null> }

describe('preload', () => {
  beforeEach(() => {
    invoke.mockReset()
    getPathForFile.mockReset()
  })

  it('exposes exactly window.api and window.host', () => {
    expect([...exposed.keys()].sort()).toEqual(['api', 'host'])
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'onProgress'].sort())
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.keys(host).sort()).toEqual(['onOpenRequest', 'openDialog', 'openDropped', 'saveDialog', 'saveTensorNpy'])
  })

  it('invokes ckpt:<method> and unwraps the value', async () => {
    invoke.mockResolvedValue({ ok: true, value: { version: '1', surface: 'electron', initialPaths: [] } })
    await expect(api.appInfo({})).resolves.toEqual({ version: '1', surface: 'electron', initialPaths: [] })
    expect(invoke).toHaveBeenCalledWith('ckpt:appInfo', {})
  })

  it('rejects with the error fields intact (plain data survives contextBridge)', async () => {
    const error = { name: 'CheckpointError', code: 'missing-shard', message: 'Shard missing', file: '/x/ckpt.data-00001-of-00002', hint: 'Copy it' }
    invoke.mockResolvedValue({ ok: false, error })
    await expect(api.open({ path: '/x/ckpt' })).rejects.toEqual(error)
    invoke.mockResolvedValue('garbage')
    await expect(api.open({ path: '/x' })).rejects.toMatchObject({ name: 'CheckpointError', code: 'io' })
  })

  it('forwards progress without the IPC event and unsubscribes', () => {
    const seen: unknown[] = []
    const off = api.onProgress((e) => seen.push(e))
    const [l] = listeners.get(IPC_PROGRESS_CHANNEL)!
    const e = { taskId: 't', phase: 'verify', done: 1, total: 2 }
    l({ sender: 'ipcRenderer!' }, e)
    expect(seen).toEqual([e])
    off()
    expect(listeners.get(IPC_PROGRESS_CHANNEL)!.size).toBe(0)
  })

  it('takes dropped paths from real files only', async () => {
    getPathForFile.mockReturnValue('')
    await expect(host.openDropped({})).resolves.toBeNull()
    expect(invoke).not.toHaveBeenCalled()
    getPathForFile.mockReturnValue('/data/run1')
    invoke.mockResolvedValue({ ok: true, value: '/data/run1' })
    await expect(host.openDropped({})).resolves.toBe('/data/run1')
    expect(invoke).toHaveBeenCalledWith(HOST_CHANNELS.grantDropped, '/data/run1')
  })

  it('validates the dialog kind', async () => {
    await expect(host.openDialog('anything')).rejects.toMatchObject({ code: 'invalid-argument' })
    invoke.mockResolvedValue({ ok: true, value: ['/a'] })
    await expect(host.openDialog('directory')).resolves.toEqual(['/a'])
    expect(invoke).toHaveBeenCalledWith(HOST_CHANNELS.openDialog, 'directory')
  })

  it('asks the main process for a save destination', async () => {
    await expect(host.saveDialog(null)).rejects.toMatchObject({ code: 'invalid-argument' })
    expect(invoke).not.toHaveBeenCalled()
    invoke.mockResolvedValue({ ok: true, value: '/data/out.safetensors' })
    await expect(host.saveDialog({ title: 'Export' })).resolves.toBe('/data/out.safetensors')
    expect(invoke).toHaveBeenCalledWith(HOST_CHANNELS.saveDialog, { title: 'Export' })
    invoke.mockResolvedValue({ ok: true, value: null })
    await expect(host.saveDialog({})).resolves.toBeNull()
  })
})
