import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IpcMainInvokeEvent } from 'electron'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { API_METHODS, IPC_PROGRESS_CHANNEL, type ApiHandlers } from '@shared/api'
import { CheckpointError } from '@shared/errors'
import { HOST_CHANNELS } from '@shared/host'
import { pathsFromArgv } from './argv'
import { registerApi, registerHost, type MainIpc } from './ipc'
import { makeFrameCheck } from './trusted-frame'

vi.mock('electron', () => {
  throw new Error('ipc.ts must only import types from electron')
})

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>

function fakeIpc(): MainIpc & { handlers: Map<string, Listener> } {
  const handlers = new Map<string, Listener>()
  return {
    handlers,
    handle: (ch, l) => {
      if (handlers.has(ch)) throw new Error(`second handler for ${ch}`)
      handlers.set(ch, l)
    },
    removeHandler: (ch) => handlers.delete(ch),
  }
}

const APP_URL = 'file:///opt/app/resources/app.asar/out/renderer/index.html'

function event(frameUrl: string | null, sent: unknown[][] = []): IpcMainInvokeEvent {
  return {
    senderFrame: frameUrl === null ? null : { url: frameUrl },
    sender: { isDestroyed: () => false, send: (...a: unknown[]) => sent.push(a) },
  } as unknown as IpcMainInvokeEvent
}

/** The methods these tests call; the contract may grow without touching this file. */
function fakeHandlers(): ApiHandlers {
  const handlers: Partial<ApiHandlers> = {
    appInfo: async () => ({ version: '1', surface: 'electron', initialPaths: [] }),
    open: async () => {
      throw new CheckpointError('missing-shard', 'Shard 1 of 2 is missing', { file: '/x/ckpt.data-00001-of-00002' })
    },
    close: async () => null,
    readTensor: async () => {
      throw new Error('unexpected')
    },
    verify: async (req, ctx) => {
      ctx.progress?.({ taskId: req.taskId ?? '', phase: 'verify', done: 1, total: 1 })
      return { ok: true, tensorsChecked: 1, blocksChecked: 1, bytesChecked: 4, problems: [] }
    },
    recentFiles: async () => [],
    cancel: async () => null,
  }
  return handlers as ApiHandlers
}

describe('registerApi', () => {
  const isOurs = makeFrameCheck(APP_URL)
  const trusted = (e: IpcMainInvokeEvent) => isOurs(e.senderFrame?.url)

  it('registers one ckpt:<method> handler per contract method, and removes them', () => {
    const ipc = fakeIpc()
    const off = registerApi(ipc, fakeHandlers(), trusted)
    expect([...ipc.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `ckpt:${m}`).sort())
    off()
    expect(ipc.handlers.size).toBe(0)
  })

  it('wraps values and errors in the Result envelope', async () => {
    const ipc = fakeIpc()
    registerApi(ipc, fakeHandlers(), trusted)
    await expect(ipc.handlers.get('ckpt:appInfo')!(event(APP_URL), {})).resolves.toEqual({
      ok: true,
      value: { version: '1', surface: 'electron', initialPaths: [] },
    })
    await expect(ipc.handlers.get('ckpt:open')!(event(APP_URL), { path: '/x/ckpt' })).resolves.toEqual({
      ok: false,
      error: { name: 'CheckpointError', code: 'missing-shard', message: 'Shard 1 of 2 is missing', file: '/x/ckpt.data-00001-of-00002' },
    })
    // validation happens in dispatch, before the handler
    await expect(ipc.handlers.get('ckpt:open')!(event(APP_URL), { path: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    await expect(ipc.handlers.get('ckpt:readTensor')!(event(APP_URL), { id: 'c1', key: 'k' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'io', message: 'unexpected' },
    })
  })

  it('forwards progress to the calling page', async () => {
    const ipc = fakeIpc()
    registerApi(ipc, fakeHandlers(), trusted)
    const sent: unknown[][] = []
    await ipc.handlers.get('ckpt:verify')!(event(APP_URL, sent), { id: 'c1', taskId: 't9' })
    expect(sent).toEqual([[IPC_PROGRESS_CHANNEL, { taskId: 't9', phase: 'verify', done: 1, total: 1 }]])
  })

  it('refuses a foreign or missing sender frame without calling the handler', async () => {
    const ipc = fakeIpc()
    const handlers = fakeHandlers()
    const spy = vi.spyOn(handlers, 'appInfo')
    registerApi(ipc, handlers, trusted)
    for (const url of ['https://evil.example/', 'file:///tmp/evil.html', null]) {
      await expect(ipc.handlers.get('ckpt:appInfo')!(event(url), {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(spy).not.toHaveBeenCalled()
  })
})

describe('registerHost', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ckpt-host-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('grants an existing dropped path and refuses anything else', async () => {
    const ipc = fakeIpc()
    const granted: string[] = []
    registerHost(ipc, { isTrusted: () => true, openDialog: async () => [], saveDialog: async () => null, grant: (p) => granted.push(p) })
    const drop = ipc.handlers.get(HOST_CHANNELS.grantDropped)!
    await expect(drop(event(APP_URL), dir)).resolves.toEqual({ ok: true, value: dir })
    await expect(drop(event(APP_URL), 'relative/path')).resolves.toEqual({ ok: true, value: null })
    await expect(drop(event(APP_URL), join(dir, 'missing'))).resolves.toEqual({ ok: true, value: null })
    await expect(drop(event(APP_URL), 42)).resolves.toEqual({ ok: true, value: null })
    expect(granted).toEqual([dir])
  })

  it('opens the dialog only for a valid kind from a trusted page', async () => {
    const ipc = fakeIpc()
    const openDialog = vi.fn(async () => ['/data/run'])
    registerHost(ipc, { isTrusted: (e) => e.senderFrame?.url === APP_URL, openDialog, saveDialog: async () => null, grant: () => {} })
    const open = ipc.handlers.get(HOST_CHANNELS.openDialog)!
    await expect(open(event(APP_URL), 'directory')).resolves.toEqual({ ok: true, value: ['/data/run'] })
    await expect(open(event(APP_URL), 'everything')).resolves.toEqual({ ok: true, value: [] })
    await expect(open(event('https://evil.example'), 'file')).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(openDialog).toHaveBeenCalledTimes(1)
  })
})

describe('host:save-dialog', () => {
  it('passes checked options to the dialog and returns its (granted) path; refuses malformed options and foreign pages', async () => {
    const ipc = fakeIpc()
    const saveDialog = vi.fn(async () => '/data/out/model')
    const off = registerHost(ipc, { isTrusted: (e) => e.senderFrame?.url === APP_URL, openDialog: async () => [], saveDialog, grant: () => {} })
    const save = ipc.handlers.get(HOST_CHANNELS.saveDialog)!
    const options = { title: 'Export', defaultPath: '/data/out/model', filters: [{ name: 'safetensors', extensions: ['safetensors'] }] }
    await expect(save(event(APP_URL), options)).resolves.toEqual({ ok: true, value: '/data/out/model' })
    expect(saveDialog).toHaveBeenCalledWith(expect.anything(), options)
    for (const bad of [null, 'x', { title: 3 }, { filters: [{ name: 'a' }] }, { filters: [{ name: 'a', extensions: ['b'], extra: 1 }] }, { defaultPath: 'a\0b' }, { properties: ['openFile'] }]) {
      await expect(save(event(APP_URL), bad)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
    await expect(save(event('https://evil.example'), options)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(saveDialog).toHaveBeenCalledTimes(1)
    off()
    expect(ipc.handlers.size).toBe(0)
  })
})

describe('makeFrameCheck', () => {
  it('accepts only our index.html for file:// and our origin for the dev server', () => {
    const file = makeFrameCheck(APP_URL)
    expect(file(APP_URL + '#/tree')).toBe(true)
    expect(file('file:///opt/app/resources/app.asar/out/renderer/other.html')).toBe(false)
    expect(file('not a url')).toBe(false)
    const dev = makeFrameCheck('http://localhost:5173/')
    expect(dev('http://localhost:5173/index.html')).toBe(true)
    expect(dev('http://localhost:5174/')).toBe(false)
  })
})

describe('pathsFromArgv', () => {
  it('skips the executable, the app path under `electron .`, and switches', () => {
    expect(pathsFromArgv(['/usr/bin/ckpt-explorer', 'runs/ckpt-3', '--no-sandbox'], false, '/home/u')).toEqual(['/home/u/runs/ckpt-3'])
    expect(pathsFromArgv(['electron', '.', '/abs/model'], true, '/home/u')).toEqual(['/abs/model'])
  })
})
