import { uncompress } from 'snappyjs'
import { CheckpointError } from '@shared/errors'

/** Snappy's densest element (a 3-byte copy of 64 bytes) expands ~21×: more than this is a damaged length. */
const MAX_EXPANSION = 32

/** Raw (unframed) snappy, as LevelDB stores compressed table blocks. */
export function snappyUncompress(data: Uint8Array, file: string, offset: number): Uint8Array {
  try {
    // a damaged length prefix must not make us allocate gigabytes
    return new Uint8Array(uncompress(data, data.length * MAX_EXPANSION + 1024))
  } catch (e) {
    throw new CheckpointError('corrupt-block', `Corrupted snappy-compressed block: ${(e as Error).message}`, { file, offset })
  }
}
