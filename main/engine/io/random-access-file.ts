import { open, type FileHandle } from 'node:fs/promises'
import { CheckpointError } from '@shared/errors'

/**
 * Positional reads of one file. Every read returns a fresh buffer that the caller owns: nothing here hands out
 * views into a reused window, so a later read can never change bytes an earlier caller kept.
 */
export class RandomAccessFile {
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  static async open(path: string, missing: 'not-found' | 'missing-shard' = 'not-found'): Promise<RandomAccessFile> {
    let handle: FileHandle
    try {
      handle = await open(path, 'r')
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'ENOENT') throw new CheckpointError(missing, missing === 'missing-shard' ? 'Data shard is missing' : 'File not found', { file: path })
      if (code === 'EISDIR') throw new CheckpointError('not-a-checkpoint', 'Expected a file but found a directory', { file: path })
      throw new CheckpointError('io', `Cannot open: ${(e as Error).message}`, { file: path })
    }
    const st = await handle.stat()
    return new RandomAccessFile(path, handle, st.size)
  }

  /** Exactly `length` bytes at `offset`, or a 'truncated' error naming the file. */
  async read(offset: number, length: number): Promise<Buffer> {
    if (offset < 0 || length < 0 || offset + length > this.size) {
      throw new CheckpointError('truncated', `Read of ${length} bytes at offset ${offset} runs past the end of the file (${this.size} bytes)`, {
        file: this.path,
        offset,
      })
    }
    const buf = Buffer.allocUnsafe(length)
    let done = 0
    while (done < length) {
      const { bytesRead } = await this.handle.read(buf, done, length - done, offset + done)
      if (bytesRead === 0) {
        throw new CheckpointError('truncated', 'File ended early (was it truncated while open?)', { file: this.path, offset: offset + done })
      }
      done += bytesRead
    }
    return buf
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined)
  }
}
