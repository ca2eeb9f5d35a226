import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

export type StaticResult = { status: 200; file: string; size: number; type: string } | { status: 400 | 403 | 404 }

/**
 * Maps a URL path to a file inside `root` (the built renderer). The decoded path is resolved and must stay
 * inside the root both lexically and after symlinks, so `..`, `%2e%2e`, `%2f` and absolute tricks all fail.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<StaticResult> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return { status: 400 }
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400 }
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const realRoot = await realpath(root).catch(() => resolve(root))
  const target = resolve(realRoot, rel)
  if (!inside(target, realRoot)) return { status: 403 }
  try {
    const real = await realpath(target)
    if (!inside(real, realRoot)) return { status: 403 }
    const st = await stat(real)
    if (!st.isFile()) return { status: 404 }
    return { status: 200, file: real, size: st.size, type: TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream' }
  } catch {
    return { status: 404 }
  }
}

export function sendFile(res: ServerResponse, found: Extract<StaticResult, { status: 200 }>, headOnly: boolean): void {
  res.writeHead(200, {
    'Content-Type': found.type,
    'Content-Length': found.size,
    // hashed asset names change on every build; the page itself must not be cached
    'Cache-Control': found.file.endsWith('.html') ? 'no-store' : 'public, max-age=3600',
  })
  if (headOnly) {
    res.end()
    return
  }
  createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res)
}

function inside(path: string, root: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel))
}
