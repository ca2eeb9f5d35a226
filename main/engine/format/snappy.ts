import { uncompress } from 'snappyjs'
import { CheckpointError } from '@shared/errors'

/** Raw (unframed) snappy, as LevelDB stores compressed table blocks. */
export function snappyUncompress(data: Uint8Array, file: string, offset: number): Uint8Array {
  try {
    return new Uint8Array(uncompress(data))
  } catch (e) {
    throw new CheckpointError('corrupt-block', `Corrupted snappy-compressed block: ${(e as Error).message}`, { file, offset })
  }
}
