import { resolve } from 'node:path'
import type { CliIo } from './io'
import { run } from './program'

export interface Captured {
  code: number
  stdout: string
  stderr: string
}

/** Runs `ckpt …` in-process with captured output (test helper). */
export async function runCaptured(argv: string[], extra: Partial<CliIo> = {}): Promise<Captured> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: process.cwd(),
    env: { CI: 'true' },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    rendererDir: resolve(import.meta.dirname, '../../out/renderer'),
    ...extra,
  }
  const code = await run(argv, io)
  return { code, stdout, stderr }
}
