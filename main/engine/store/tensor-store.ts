import type { BundleHeader, CheckpointFile, TensorInfo, VerifyReport } from '@shared/model'

export interface VerifyOptions {
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

/**
 * What the checkpoint model needs from a storage format (V2 bundle or old V1 table): the tensor list and
 * bounded reads of their bytes. Roles and object paths are filled in later from the object graph or names.
 */
export interface TensorStore {
  readonly prefix: string
  readonly header: BundleHeader | null
  tensors(): TensorInfo[]
  files(): Promise<CheckpointFile[]>
  /** Little-endian element bytes [first, first+count) of a fixed-width tensor (partitioned ones assembled). */
  readElements(key: string, first: number, count: number): Promise<Uint8Array>
  /** Elements of a string tensor, CRC-checked. */
  readStrings(key: string): Promise<Uint8Array[]>
  /** Raw bytes of the tensor's encoding for dtypes we cannot decode. */
  readRaw(key: string, limit: number): Promise<Uint8Array>
  verify(opts: VerifyOptions): Promise<VerifyReport>
  close(): Promise<void>
}

/** Largest tensor assembled in memory for a value read (partitioned tensors, strings). */
export const MAX_MATERIALIZE = 1 << 30
