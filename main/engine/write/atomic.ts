import { randomBytes } from 'node:crypto'
import { rename, rm } from 'node:fs/promises'

/** TF's temp naming (`<final>.tempstate<random>`): a crash leaves only temp files, never a half-written final one. */
export function tempPathFor(finalPath: string): string {
  return `${finalPath}.tempstate${randomBytes(8).readBigUInt64LE().toString()}`
}

export async function commitTemp(temp: string, finalPath: string): Promise<void> {
  await rename(temp, finalPath)
}

export async function removeQuietly(paths: Iterable<string>): Promise<void> {
  await Promise.all([...paths].map((p) => rm(p, { force: true }).catch(() => undefined)))
}
