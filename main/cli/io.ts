/** Where a CLI run reads and writes; the real process in bin/ckpt.mjs, captured buffers in tests. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  cwd: string
  env: Record<string, string | undefined>
  /** Whether stdout/stderr are terminals (progress lines, opening a browser). */
  stdoutIsTTY: boolean
  stderrIsTTY: boolean
  /** The built renderer served by `serve` (out/renderer beside out/main/cli.js). */
  rendererDir: string
  /** Stops `serve` (tests); SIGINT/SIGTERM do it for a real process. */
  signal?: AbortSignal
  /** Called once `serve` listens (tests and scripts/start.mjs use the URL). */
  onListening?(url: string): void
}

export function processIo(rendererDir: string): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    rendererDir,
  }
}
