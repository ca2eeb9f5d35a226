import { CheckpointError } from '@shared/errors'

/** Cancellable long calls, addressed by the caller's taskId. */
export class TaskRegistry {
  private readonly running = new Map<string, AbortController>()

  async run<T>(taskId: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const ctl = new AbortController()
    if (taskId) {
      if (this.running.has(taskId)) throw new CheckpointError('invalid-argument', `Task '${taskId}' is already running`)
      this.running.set(taskId, ctl)
    }
    try {
      return await work(ctl.signal)
    } finally {
      if (taskId) this.running.delete(taskId)
    }
  }

  cancel(taskId: string): void {
    this.running.get(taskId)?.abort()
  }

  cancelAll(): void {
    for (const c of this.running.values()) c.abort()
  }
}
