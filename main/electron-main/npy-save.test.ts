import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import type { NpyRequest } from '@shared/api'
import { HOST_CHANNELS } from '@shared/host'
import { createHostApi } from '../preload/api-bridge'
import { registerHost, type MainIpc } from './ipc'

vi.mock('electron', () => {
  throw new Error('ipc.ts and api-bridge.ts must only import types from electron')
})

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>
const APP_URL = 'file:///opt/app/out/renderer/index.html'
const event = (url: string) => ({ senderFrame: { url }, sender: { isDestroyed: () => false, send: () => {} } }) as unknown as IpcMainInvokeEvent

function host(saveTensorNpy: (e: IpcMainInvokeEvent, req: NpyRequest) => Promise<unknown>) {
  const handlers = new Map<string, Listener>()
  const ipc: MainIpc = { handle: (ch, l) => void handlers.set(ch, l), removeHandler: (ch) => void handlers.delete(ch) }
  const off = registerHost(ipc, {
    isTrusted: (e) => e.senderFrame?.url === APP_URL,
    openDialog: async () => [],
    saveDialog: async () => null,
    saveTensorNpy: saveTensorNpy as never,
    grant: () => {},
  })
  return { save: handlers.get(HOST_CHANNELS.saveTensorNpy)!, off, handlers }
}

describe('host:save-tensor-npy (Electron "save this tensor as .npy")', () => {
  it('passes a checked {id, key, taskId} to the main process, which chooses the path', async () => {
    const saved = { path: '/home/u/kernel.npy', bytes: 4224, dtype: '<f4', notes: [] }
    const save = vi.fn(async () => saved)
    const h = host(save)
    await expect(h.save(event(APP_URL), { id: 'c1', key: 'dense/kernel', taskId: 't' })).resolves.toEqual({ ok: true, value: saved })
    expect(save).toHaveBeenCalledWith(expect.anything(), { id: 'c1', key: 'dense/kernel', taskId: 't' })
    h.off()
    expect(h.handlers.size).toBe(0)
  })

  it('refuses a path from the page, malformed requests and foreign pages before any dialog', async () => {
    const save = vi.fn(async () => null)
    const h = host(save)
    for (const bad of [{ id: 'c1', key: 'k', out: '/etc/passwd' }, { id: 'c1' }, { id: 1, key: 'k' }, 'c1', null]) {
      await expect(h.save(event(APP_URL), bad)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
    await expect(h.save(event('https://evil.example/'), { id: 'c1', key: 'k' })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(save).not.toHaveBeenCalled()
  })

  it('the preload forwards the request on its fixed channel and unwraps the reply', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: null }))
    const api = createHostApi({ invoke, on: () => {}, removeListener: () => {} }, () => '')
    await expect(api.saveTensorNpy({ id: 'c1', key: 'k' })).resolves.toBeNull()
    expect(invoke).toHaveBeenCalledWith(HOST_CHANNELS.saveTensorNpy, { id: 'c1', key: 'k' })
  })
})
