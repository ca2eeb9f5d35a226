import type { ApiHandlers } from '@shared/api'
import { CheckpointError } from '@shared/errors'
import { openCheckpoint, type Checkpoint } from '../engine/checkpoint'
import type { PathAccess } from './path-access'
import type { RecentFiles } from './recent-files'
import { TaskRegistry } from './tasks'

export interface ServiceOptions {
  access: PathAccess
  surface: 'electron' | 'browser' | 'cli'
  version: string
  initialPaths?: string[]
  recent?: RecentFiles
}

/**
 * The engine behind the shared contract: one instance per app/server/CLI run. Holds opened checkpoints by
 * handle id; every path goes through PathAccess first.
 */
export function createApiHandlers(opts: ServiceOptions): ApiHandlers & { dispose(): Promise<void> } {
  const open = new Map<string, Checkpoint>()
  const tasks = new TaskRegistry()
  let nextId = 1

  const get = (id: string): Checkpoint => {
    const c = open.get(id)
    if (!c) throw new CheckpointError('invalid-argument', `No open checkpoint with id '${id}'`, { hint: 'Open it again' })
    return c
  }

  return {
    async appInfo() {
      return { version: opts.version, surface: opts.surface, initialPaths: opts.initialPaths ?? [] }
    },
    async open(req) {
      const path = opts.access.check(req.path)
      const ckpt = await openCheckpoint(path, { checkpoint: req.checkpoint, access: (p) => opts.access.check(p) })
      const id = `c${nextId++}`
      open.set(id, ckpt)
      await opts.recent?.add(req.path)
      return ckpt.summary(id, req.path)
    },
    async close(req) {
      const c = open.get(req.id)
      open.delete(req.id)
      await c?.close()
      return null
    },
    async readTensor(req) {
      return get(req.id).readValues(req.key, req.offset ?? 0, req.limit ?? 1000)
    },
    async verify(req, ctx) {
      const c = get(req.id)
      return tasks.run(req.taskId, (signal) =>
        c.verify({ signal, onProgress: (done, total) => ctx.progress?.({ taskId: req.taskId ?? '', phase: 'verify', done, total }) }),
      )
    },
    async recentFiles() {
      return opts.recent ? opts.recent.list() : []
    },
    async cancel(req) {
      tasks.cancel(req.taskId)
      return null
    },
    async dispose() {
      tasks.cancelAll()
      await Promise.all([...open.values()].map((c) => c.close()))
      open.clear()
    },
  }
}
