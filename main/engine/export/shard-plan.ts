import { CheckpointError } from '@shared/errors'

export interface ShardItem {
  /** Bytes the item adds to its data file. */
  size: number
  /** Shard of the item in the source (for `layout: 'source'`). */
  sourceShard: number
  /** The object graph: always in shard 0, the one item allowed to push a shard over the maximum. */
  isGraph: boolean
}

export interface ShardPlanOptions {
  /**
   * Like TF's MaxShardSizePolicy: a new shard starts before an item that would take the current one past this
   * many bytes. A shard exceeds it only when a single tensor is bigger (tensors are never split), or because
   * of the object graph.
   */
  maxShardSize?: number
  /** 'single' (default): one data file. 'source': every item stays in its source shard (same shard count). */
  layout?: 'single' | 'source'
  /** Shard count of the source, for 'source'. */
  sourceShards?: number
}

export interface ShardPlan {
  numShards: number
  /** Per item, in the order given. */
  shardOf: number[]
}

/** Items are taken in write order; with a maximum the object graph is expected first. */
export function planShards(items: readonly ShardItem[], opts: ShardPlanOptions = {}): ShardPlan {
  const max = opts.maxShardSize
  if (max !== undefined) {
    if (!Number.isSafeInteger(max) || max < 1) throw new CheckpointError('invalid-argument', `The maximum shard size must be a positive number of bytes, got ${max}`)
    if (opts.layout === 'source') throw new CheckpointError('invalid-argument', 'A maximum shard size cannot be combined with keeping the source shard layout')
    let shard = 0
    let used = 0
    const shardOf = items.map((it) => {
      if (it.isGraph) {
        used += it.size
        return 0
      }
      if (used > 0 && used + it.size > max) {
        shard++
        used = 0
      }
      used += it.size
      return shard
    })
    return { numShards: shard + 1, shardOf }
  }
  if (opts.layout === 'source') {
    const n = items.reduce((m, it) => Math.max(m, it.sourceShard + 1), Math.max(1, opts.sourceShards ?? 1))
    return { numShards: n, shardOf: items.map((it) => it.sourceShard) }
  }
  return { numShards: 1, shardOf: items.map(() => 0) }
}
