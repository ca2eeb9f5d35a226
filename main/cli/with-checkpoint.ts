import { resolve } from 'node:path'
import type { CheckpointSummary } from '@shared/model'
import { unpackSummary } from '@shared/summary-wire'
import type { CliIo } from './io'
import { LocalApi } from './local-api'

/** Opens PATH (relative to the CLI's cwd) through the contract, runs `body`, and always releases it. */
export async function withCheckpoint<T>(io: CliIo, path: string, body: (api: LocalApi, s: CheckpointSummary) => Promise<T>): Promise<T> {
  const api = new LocalApi()
  try {
    return await body(api, unpackSummary(await api.call('open', { path: resolve(io.cwd, path) })))
  } finally {
    await api.dispose()
  }
}
