import { describe, expect, it, vi } from 'vitest'
import type { ProgressEvent } from '@shared/api'
import { isCancelled, startTask } from './task'

/** The two API members a task uses, with a way to emit progress events. */
function fakeApi() {
  const listeners = new Set<(e: ProgressEvent) => void>()
  return {
    listeners,
    emit: (e: ProgressEvent) => listeners.forEach((l) => l(e)),
    onProgress: (l: (e: ProgressEvent) => void) => (listeners.add(l), () => void listeners.delete(l)),
    cancel: vi.fn(async () => null),
  }
}

describe('startTask', () => {
  it('passes on only its own progress, stops listening when done, cancels by its taskId', async () => {
    const api = fakeApi()
    let finish!: (v: string) => void
    const seen: number[] = []
    const t = startTask(api, (taskId) => new Promise<string>((res) => (finish = (v) => res(`${taskId}:${v}`))), (p) => seen.push(p.done))
    api.emit({ taskId: 'other', phase: 'stats', done: 1, total: 9 })
    api.emit({ taskId: t.taskId, phase: 'stats', done: 2, total: 9 })
    t.cancel()
    expect(api.cancel).toHaveBeenCalledWith({ taskId: t.taskId })
    finish('ok')
    await expect(t.promise).resolves.toBe(`${t.taskId}:ok`)
    api.emit({ taskId: t.taskId, phase: 'stats', done: 3, total: 9 })
    expect(seen).toEqual([2])
    expect(api.listeners.size).toBe(0)
    t.cancel() // after the end: nothing to cancel
    expect(api.cancel).toHaveBeenCalledTimes(1)
  })

  it('recognises the cancelled error', () => {
    expect(isCancelled({ name: 'CheckpointError', code: 'cancelled', message: 'x' })).toBe(true)
    expect(isCancelled(new Error('x'))).toBe(false)
    expect(isCancelled(null)).toBe(false)
  })
})
