import type { VerifyProblem } from '@shared/model'

/** The verify report's kind for a CheckpointError code. */
export function problemKind(code: string): VerifyProblem['kind'] {
  switch (code) {
    case 'tensor-crc':
    case 'block-crc':
    case 'missing-shard':
      return code
    case 'out-of-range':
    case 'truncated':
      return 'out-of-range'
    case 'bad-entry':
      return 'size'
    default:
      return 'parse'
  }
}
