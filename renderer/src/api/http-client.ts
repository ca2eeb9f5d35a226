/**
 * Browser-mode twin of Electron's `window.api`: every method is `POST /api/<method>` with the session token,
 * the JSON body is the request, the response is a `Result<T>` envelope. Progress arrives through one
 * EventSource opened while someone listens.
 */
import { API_METHODS, HTTP_API_PREFIX, HTTP_NPY_PATH, HTTP_TOKEN_HEADER, type CheckpointApi, type NpyDownload, type NpyRequest, type ProgressEvent, type Result } from '@shared/api'
import { CheckpointError, type SerializedError } from '@shared/errors'

export interface HttpClientOptions {
  token: string
  /** Origin or path prefix the API lives under; '' for the page's own origin. */
  baseUrl?: string
  fetch?: typeof fetch
  /** Factory for the progress stream (tests pass a fake). */
  eventSource?: (url: string) => EventSourceLike
}

/** The part of EventSource we use. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (e: { data: string }) => void): void
  close(): void
  onerror: ((e: unknown) => void) | null
}

export const PROGRESS_EVENTS_PATH = `${HTTP_API_PREFIX}events`

function isSerializedError(e: unknown): e is SerializedError {
  return !!e && typeof e === 'object' && typeof (e as SerializedError).message === 'string' && typeof (e as SerializedError).code === 'string'
}

/** Turn a parsed response body (and HTTP status) into the value, or throw a CheckpointError. */
export function unwrapEnvelope<T>(body: unknown, status = 200): T {
  if (body && typeof body === 'object' && 'ok' in body) {
    const r = body as Result<T>
    if (r.ok === true) return r.value
    if (r.ok === false) {
      if (isSerializedError(r.error)) throw CheckpointError.fromJSON({ ...r.error, name: 'CheckpointError' })
      throw new CheckpointError('io', 'The server reported an error without details')
    }
  }
  if (status === 401 || status === 403) {
    throw new CheckpointError('forbidden', `The server refused the request (HTTP ${status})`, {
      hint: 'Open the URL printed by `ckpt serve`, including its ?token=… part',
    })
  }
  throw new CheckpointError('io', `Unexpected response from the server (HTTP ${status})`)
}

/** Browser mode only: the server prepares a tensor's .npy and answers a single-use download URL (see shared/api.ts). */
export interface NpyPreparer {
  prepareNpy(req: NpyRequest): Promise<NpyDownload>
}

export function createHttpClient(opts: HttpClientOptions): CheckpointApi & NpyPreparer {
  const base = (opts.baseUrl ?? '').replace(/\/$/, '')
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a))
  const makeSource = opts.eventSource ?? ((url: string) => new EventSource(url) as unknown as EventSourceLike)

  async function call(path: string, req: unknown): Promise<unknown> {
    let res: Response
    try {
      res = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: opts.token },
        body: JSON.stringify(req ?? {}),
      })
    } catch (e) {
      throw new CheckpointError('io', `Cannot reach the Checkpoint Explorer server: ${e instanceof Error ? e.message : String(e)}`, {
        hint: 'Is `ckpt serve` still running?',
      })
    }
    let body: unknown = undefined
    try {
      body = await res.json()
    } catch {
      body = undefined
    }
    return unwrapEnvelope(body, res.status)
  }

  const listeners = new Set<(e: ProgressEvent) => void>()
  let source: EventSourceLike | null = null

  function onMessage(ev: { data: string }) {
    let parsed: unknown
    try {
      parsed = JSON.parse(ev.data)
    } catch {
      return
    }
    if (!parsed || typeof parsed !== 'object' || typeof (parsed as ProgressEvent).taskId !== 'string') return
    for (const l of [...listeners]) l(parsed as ProgressEvent)
  }

  function ensureSource() {
    if (source) return
    source = makeSource(`${base}${PROGRESS_EVENTS_PATH}?token=${encodeURIComponent(opts.token)}`)
    source.addEventListener('message', onMessage)
    source.addEventListener('progress', onMessage)
  }

  const api = {
    onProgress(listener: (e: ProgressEvent) => void): () => void {
      listeners.add(listener)
      ensureSource()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && source) {
          source.close()
          source = null
        }
      }
    },
  } as Record<string, unknown>
  for (const m of API_METHODS) api[m] = (req: unknown) => call(HTTP_API_PREFIX + m, req)
  api.prepareNpy = (req: NpyRequest) => call(HTTP_NPY_PATH, req)
  return api as unknown as CheckpointApi & NpyPreparer
}
