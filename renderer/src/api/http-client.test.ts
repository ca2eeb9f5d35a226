import { describe, expect, it, vi } from 'vitest'
import { CheckpointError } from '@shared/errors'
import type { ProgressEvent } from '@shared/api'
import { createHttpClient, unwrapEnvelope, type EventSourceLike } from './http-client'
import { takeToken, TOKEN_STORAGE_KEY } from './token'

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

describe('unwrapEnvelope', () => {
  it('returns the value of an ok envelope', () => {
    expect(unwrapEnvelope({ ok: true, value: { a: 1 } })).toEqual({ a: 1 })
    expect(unwrapEnvelope({ ok: true, value: null })).toBeNull()
  })

  it('throws a CheckpointError rebuilt from the error envelope', () => {
    const err = { name: 'CheckpointError', code: 'missing-shard', message: 'shard 1 of 2 is missing', file: '/x/ckpt.data-00001-of-00002', key: 'k', offset: 7, hint: 'copy it back' }
    try {
      unwrapEnvelope({ ok: false, error: err })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(CheckpointError)
      const ce = e as CheckpointError
      expect(ce.code).toBe('missing-shard')
      expect(ce.message).toBe('shard 1 of 2 is missing')
      expect(ce.file).toBe('/x/ckpt.data-00001-of-00002')
      expect(ce.key).toBe('k')
      expect(ce.offset).toBe(7)
      expect(ce.hint).toBe('copy it back')
    }
  })

  it('explains a refused request without an envelope', () => {
    expect(() => unwrapEnvelope(undefined, 401)).toThrowError(/refused/)
    expect(() => unwrapEnvelope('<html>', 500)).toThrowError(/HTTP 500/)
  })
})

describe('createHttpClient', () => {
  it('POSTs /api/<method> with the token header and JSON body, and unwraps the value', async () => {
    const fetchMock = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => jsonResponse({ ok: true, value: { id: 'c1', format: 'tf2' } }))
    const api = createHttpClient({ token: 'tok123', fetch: fetchMock as unknown as typeof fetch })
    const r = await api.open({ path: '/data/ckpt', checkpoint: '/data/ckpt/ckpt-3' })
    expect(r).toEqual({ id: 'c1', format: 'tf2' })
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/open')
    expect(init!.method).toBe('POST')
    expect((init!.headers as Record<string, string>)['x-ckpt-token']).toBe('tok123')
    expect(JSON.parse(init!.body as string)).toEqual({ path: '/data/ckpt', checkpoint: '/data/ckpt/ckpt-3' })
  })

  it('exposes every API method', () => {
    const api = createHttpClient({ token: 't', fetch: vi.fn() as unknown as typeof fetch, eventSource: () => fakeSource() })
    for (const m of ['appInfo', 'open', 'close', 'readTensor', 'verify', 'recentFiles', 'cancel', 'onProgress'] as const) expect(typeof api[m]).toBe('function')
  })

  it('throws the server error as a CheckpointError, also with a non-200 status', async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ ok: false, error: { name: 'CheckpointError', code: 'forbidden', message: 'Missing or wrong token' } }, 401))
    const api = createHttpClient({ token: 'bad', fetch: fetchMock as unknown as typeof fetch })
    await expect(api.recentFiles({})).rejects.toMatchObject({ name: 'CheckpointError', code: 'forbidden', message: 'Missing or wrong token' })
  })

  it('turns a network failure into an io CheckpointError with a hint', async () => {
    const api = createHttpClient({
      token: 't',
      fetch: (async () => {
        throw new TypeError('fetch failed')
      }) as unknown as typeof fetch,
    })
    const e = await api.appInfo({}).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(CheckpointError)
    expect((e as CheckpointError).code).toBe('io')
    expect((e as CheckpointError).hint).toMatch(/ckpt serve/)
  })

  it('streams progress from one EventSource while someone listens', () => {
    const sources: FakeSource[] = []
    const api = createHttpClient({
      token: 'a b',
      fetch: vi.fn() as unknown as typeof fetch,
      eventSource: (url) => {
        const s = fakeSource(url)
        sources.push(s)
        return s
      },
    })
    const got1: ProgressEvent[] = []
    const got2: ProgressEvent[] = []
    const off1 = api.onProgress((e) => got1.push(e))
    const off2 = api.onProgress((e) => got2.push(e))
    expect(sources).toHaveLength(1)
    expect(sources[0].url).toBe('/api/events?token=a%20b')
    sources[0].emit('message', JSON.stringify({ taskId: 't1', phase: 'verify', done: 1, total: 4 }))
    sources[0].emit('message', 'not json')
    sources[0].emit('message', JSON.stringify({ nope: 1 }))
    expect(got1).toEqual([{ taskId: 't1', phase: 'verify', done: 1, total: 4 }])
    expect(got2).toHaveLength(1)
    off1()
    expect(sources[0].closed).toBe(false)
    off2()
    expect(sources[0].closed).toBe(true)
    api.onProgress(() => {})
    expect(sources).toHaveLength(2)
  })
})

interface FakeSource extends EventSourceLike {
  url: string
  closed: boolean
  emit(type: string, data: string): void
}

function fakeSource(url = ''): FakeSource {
  const ls = new Map<string, ((e: { data: string }) => void)[]>()
  return {
    url,
    closed: false,
    onerror: null,
    addEventListener(type, l) {
      ls.set(type, [...(ls.get(type) ?? []), l])
    },
    close() {
      this.closed = true
    },
    emit(type, data) {
      for (const l of ls.get(type) ?? []) l({ data })
    },
  }
}

describe('takeToken', () => {
  function env(href: string, stored: string | null = null) {
    const store = new Map<string, string>()
    if (stored) store.set(TOKEN_STORAGE_KEY, stored)
    const calls: string[] = []
    return {
      loc: { href },
      history: { state: null, replaceState: (_d: unknown, _u: string, url?: string | URL | null) => calls.push(String(url)) },
      storage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
      store,
      calls,
    }
  }

  it('takes the token from the URL, stores it and removes it from the address bar', () => {
    const e = env('http://127.0.0.1:5000/?token=abc&x=1#frag')
    expect(takeToken(e.loc, e.history, e.storage)).toBe('abc')
    expect(e.store.get(TOKEN_STORAGE_KEY)).toBe('abc')
    expect(e.calls).toEqual(['/?x=1#frag'])
  })

  it('falls back to the stored token after a reload', () => {
    const e = env('http://127.0.0.1:5000/', 'stored')
    expect(takeToken(e.loc, e.history, e.storage)).toBe('stored')
    expect(e.calls).toEqual([])
  })

  it('returns null with no token anywhere', () => {
    const e = env('http://127.0.0.1:5000/')
    expect(takeToken(e.loc, e.history, null)).toBeNull()
  })
})
