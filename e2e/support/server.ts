import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect } from '@playwright/test'

const ROOT = resolve(import.meta.dirname, '../..')
const CLI = join(ROOT, 'out/main/cli.js')
const FIXTURES = resolve(ROOT, '../shared/fixtures/tf')

/** Real TensorFlow-written fixtures beside the checkout (absent in a user's clone: skip with this message). */
export const HAVE_FIXTURES = existsSync(join(FIXTURES, 'manifest.json'))
export const NO_FIXTURES = `TF fixtures not found at ${FIXTURES}; skipping`
export const fixturePath = (...parts: string[]) => join(FIXTURES, ...parts)

/** A writable copy of a fixture folder (fixtures are read-only on disk and must never be written). */
export function copyFixture(name: string, to: string): string {
  cpSync(fixturePath(name), to, { recursive: true })
  const stack = [to]
  while (stack.length) {
    const p = stack.pop()!
    const dir = statSync(p).isDirectory()
    chmodSync(p, dir ? 0o755 : 0o644)
    if (dir) for (const e of readdirSync(p)) stack.push(join(p, e))
  }
  return to
}

export interface CkptServer {
  /** Page URL with the token: http://127.0.0.1:PORT/?token=… */
  url: string
  origin: string
  token: string
}

interface WorkerFixtures {
  /** A fresh demo checkpoint folder written by our writer (`ckpt make-demo`), shared by a worker's tests. */
  demoDir: string
}

interface TestFixtures {
  /** What `ckpt serve` grants; override with `test.use({ servePath: fixturePath('…') })`. Default: the demo. */
  servePath: string | undefined
  /**
   * For tests that write (export, restore): writable copies of fixtures in a fresh temp folder, as
   * `{ 'ws': 'tf2-ckpt-rl-nstep-adam', 'ws/models/golf': 'tf2-ckpt-golf-adam-int32' }` (relative destination →
   * fixture name, made in this order). The first destination is served; `ckpt serve` grants that path only, so
   * whatever the test opens or writes must live under it. Wins over servePath; the folder is removed afterwards.
   */
  serveCopies: Record<string, string> | undefined
  /** The absolute path the server was started on (servePath, the first of serveCopies, or the demo). */
  served: string
  /** A running browser-mode server (real engine) for this test. */
  ckpt: CkptServer
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  demoDir: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'ckpt-e2e-'))
      const made = spawnSync(process.execPath, [CLI, 'make-demo', join(dir, 'demo')], { encoding: 'utf8' })
      if (made.status !== 0) throw new Error(`ckpt make-demo failed: ${made.stderr}`)
      await use(join(dir, 'demo'))
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: 'worker' },
  ],
  servePath: [undefined, { option: true }],
  serveCopies: [undefined, { option: true }],
  served: async ({ servePath, serveCopies, demoDir }, use) => {
    const copies = Object.entries(serveCopies ?? {})
    if (copies.length === 0) return use(servePath ?? demoDir)
    const dir = mkdtempSync(join(tmpdir(), 'ckpt-e2e-write-'))
    try {
      for (const [to, name] of copies) copyFixture(name, join(dir, to))
      await use(join(dir, copies[0][0]))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
  ckpt: async ({ served }, use) => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`)
    const child = spawn(process.execPath, [CLI, 'serve', served, '--port', '0', '--no-open'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = ''
      let err = ''
      const timer = setTimeout(() => reject(new Error(`ckpt serve printed no URL in 15 s: ${out}${err}`)), 15_000)
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        out += c
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out)
        if (m) {
          clearTimeout(timer)
          resolveUrl(m[1])
        }
      })
      child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c))
      child.on('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`ckpt serve exited with ${code}: ${err}`))
      })
    })
    const parsed = new URL(url)
    await use({ url, origin: parsed.origin, token: parsed.searchParams.get('token')! })
    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGTERM')
    await exited
  },
})

export { expect }
