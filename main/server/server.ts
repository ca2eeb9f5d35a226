import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HTTP_API_PREFIX, HTTP_NPY_PATH, HTTP_TOKEN_HEADER, type ApiHandlers, type Result } from '@shared/api'
import { CheckpointError, serializeError, type CheckpointErrorCode } from '@shared/errors'
import type { NpySaver } from '../service/api-handlers'
import { dispatch } from '../service/dispatch'
import { NpyDownloads } from './npy-download'
import { ProgressStream } from './progress-stream'
import { hostAllowed, newToken, originAllowed, SECURITY_HEADERS, tokenMatches } from './security-policy'
import { resolveStatic, sendFile } from './static-files'

export interface ServerOptions {
  handlers: ApiHandlers
  /** The built renderer (out/renderer). */
  staticDir: string
  /** Loopback only: browser mode must never be reachable from another machine. */
  host?: '127.0.0.1'
  /** 0 or absent: any free port. */
  port?: number
  /** Fixed token (tests); a fresh random one otherwise. */
  token?: string
  /** Enables "save as .npy" downloads (POST /api/npy, then GET the single-use URL it returns). */
  npy?: NpySaver
}

export interface RunningServer {
  /** The page URL with its token, as printed for the user: http://127.0.0.1:PORT/?token=… */
  url: string
  origin: string
  port: number
  token: string
  close(): Promise<void>
}

export const MAX_BODY_BYTES = 1024 * 1024
const EVENTS_PATH = `${HTTP_API_PREFIX}events`

/**
 * Browser mode: the renderer and the contract over HTTP on 127.0.0.1. `POST /api/<method>` with a JSON body
 * answers a `Result` envelope (200 once dispatched; 400/401/403/404/405/413 with an error envelope when the
 * request never reached dispatch). `GET /api/events?token=` streams ProgressEvents. Everything else is a file
 * of the built renderer.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken()
  const progress = new ProgressStream()
  const downloads = opts.npy ? new NpyDownloads(opts.npy) : null
  let port = 0

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: serializeError(e) })
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v)
    if (!hostAllowed(req.headers.host, port)) return fail(res, 403, 'forbidden', 'This server only answers to 127.0.0.1 and localhost')
    const { path, query } = splitUrl(req.url ?? '/')
    if (path === HTTP_API_PREFIX.slice(0, -1) || path.startsWith(HTTP_API_PREFIX)) return api(req, res, path, query)
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD')
    const found = await resolveStatic(opts.staticDir, path)
    if (found.status !== 200) {
      res.writeHead(found.status, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end(found.status === 404 ? 'Not found' : 'Refused')
      return
    }
    sendFile(res, found, req.method === 'HEAD')
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    res.setHeader('Cache-Control', 'no-store')
    if (!originAllowed(req.headers.origin, port)) return fail(res, 403, 'forbidden', 'Cross-origin requests are refused')
    if (path === EVENTS_PATH) {
      // EventSource cannot set headers, so the stream takes its token from the query string
      if (!tokenMatches(query.get('token'), token)) return fail(res, 401, 'forbidden', 'Missing or wrong token')
      if (req.method !== 'GET') return methodNotAllowed(res, 'GET')
      progress.attach(res)
      return
    }
    // a download link cannot carry the token header; its single-use random URL stands in for it
    if (downloads && path.startsWith(`${HTTP_NPY_PATH}/`)) {
      if (req.method !== 'GET') return methodNotAllowed(res, 'GET')
      if (!downloads.send(path.slice(HTTP_NPY_PATH.length + 1), res)) return fail(res, 404, 'not-found', 'This download link was used already or has expired')
      return
    }
    const header = req.headers[HTTP_TOKEN_HEADER]
    if (!tokenMatches(typeof header === 'string' ? header : null, token)) return fail(res, 401, 'forbidden', 'Missing or wrong token')
    if (req.method !== 'POST') return methodNotAllowed(res, 'POST')
    const body = await readBody(req, MAX_BODY_BYTES)
    if (body === null) {
      res.setHeader('Connection', 'close')
      return fail(res, 413, 'invalid-argument', `Request body over ${MAX_BODY_BYTES} bytes`)
    }
    let parsed: unknown
    try {
      parsed = body.length ? JSON.parse(body.toString('utf8')) : undefined
    } catch {
      return fail(res, 400, 'invalid-argument', 'The request body is not valid JSON')
    }
    const ctx = { progress: (e: Parameters<ProgressStream['publish']>[0]) => progress.publish(e) }
    if (downloads && path === HTTP_NPY_PATH) {
      // the page went away: stop writing a file nobody will fetch
      const gone = new AbortController()
      res.on('close', () => res.writableEnded || gone.abort())
      const prepared = await downloads.prepare(parsed, { ...ctx, signal: gone.signal }).then(
        (value) => ({ ok: true as const, value }),
        (e: unknown) => ({ ok: false as const, error: serializeError(e) }),
      )
      return sendJson(res, 200, prepared)
    }
    const method = path.slice(HTTP_API_PREFIX.length)
    const result = await dispatch(opts.handlers, method, parsed, ctx)
    sendJson(res, 200, result)
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new CheckpointError('io', `Cannot listen on 127.0.0.1:${opts.port ?? 0}: ${e.code ?? e.message}`, {
          hint: e.code === 'EADDRINUSE' ? 'Choose another port with --port, or 0 for any free port' : undefined,
        }),
      ),
    )
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolveListen())
  })
  port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((done) => {
        progress.close()
        void downloads?.close()
        server.close(() => done())
        server.closeAllConnections()
      }),
  }
}

function splitUrl(raw: string): { path: string; query: URLSearchParams } {
  const q = raw.indexOf('?')
  return q < 0 ? { path: raw, query: new URLSearchParams() } : { path: raw.slice(0, q), query: new URLSearchParams(raw.slice(q + 1)) }
}

/** The body, or null once it passes `limit` bytes (the rest is not buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    req.resume()
    return Promise.resolve(null)
  }
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) over = true
      if (!over) chunks.push(c)
    })
    req.on('end', () => resolveBody(over ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function fail(res: ServerResponse, status: number, code: CheckpointErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { name: 'CheckpointError', code, message } })
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow)
  fail(res, 405, 'invalid-argument', `Method not allowed; use ${allow}`)
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}
