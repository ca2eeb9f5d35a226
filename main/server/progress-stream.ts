import type { ServerResponse } from 'node:http'
import type { ProgressEvent } from '@shared/api'

/**
 * Server-sent events for progress (EventSource is one-way and reconnects by itself, enough for progress).
 * Every connected page gets every event; events carry the caller's taskId to pick its own.
 */
export class ProgressStream {
  private readonly clients = new Set<ServerResponse>()
  private readonly heartbeat: NodeJS.Timeout

  constructor(heartbeatMs = 15_000) {
    // comments keep idle connections from being closed by proxies or the browser
    this.heartbeat = setInterval(() => this.write(': ping\n\n'), heartbeatMs)
    this.heartbeat.unref()
  }

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    this.clients.add(res)
    res.on('close', () => this.clients.delete(res))
  }

  publish(e: ProgressEvent): void {
    this.write(`data: ${JSON.stringify(e)}\n\n`)
  }

  close(): void {
    clearInterval(this.heartbeat)
    for (const res of this.clients) res.end()
    this.clients.clear()
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk)
  }
}
