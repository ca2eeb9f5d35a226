/**
 * Statistics known for the open checkpoint, from any source (the tensor panel's calls, a scan's streamed
 * batches), shared by the tree, the table and the panels. Mutable with a version counter rather than reducer
 * state: a scan of 100k tensors delivers ~10 batches a second, and copying a 100k-entry map on each would cost
 * more than rendering. Components subscribe with useSyncExternalStore.
 */
import type { TensorStats } from '@shared/model'

export class StatsStore {
  private readonly byKey = new Map<string, TensorStats>()
  private readonly listeners = new Set<() => void>()
  private readonly tasks = new Set<string>()
  /** Keys of optimizer slots a finished scan found suspicious (negative second moments, huge values). */
  private suspicious = new Set<string>()
  version = 0

  constructor(readonly checkpointId: string) {}

  get(key: string): TensorStats | undefined {
    return this.byKey.get(key)
  }

  get size(): number {
    return this.byKey.size
  }

  values(): IterableIterator<TensorStats> {
    return this.byKey.values()
  }

  add(stats: readonly TensorStats[]): void {
    if (!stats.length) return
    for (const s of stats) this.byKey.set(s.key, s)
    this.bump()
  }

  isSuspicious(key: string): boolean {
    return this.suspicious.has(key)
  }

  setSuspicious(keys: Iterable<string>): void {
    this.suspicious = new Set(keys)
    this.bump()
  }

  /** Progress payloads are accepted only from tasks started for this checkpoint (a scan of the previous one may still report). */
  own(taskId: string): void {
    this.tasks.add(taskId)
  }

  disown(taskId: string): void {
    this.tasks.delete(taskId)
  }

  owns(taskId: string): boolean {
    return this.tasks.has(taskId)
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getVersion = (): number => this.version

  private bump(): void {
    this.version++
    for (const l of [...this.listeners]) l()
  }
}
