#!/usr/bin/env node
// Builds the optional native kernels (main/native/kernels: CRC-32C, the float32 scan) with node-gyp, on x86-64.
// Never fails the install: without them the engine uses @node-rs/crc32 and the WebAssembly kernel instead.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const dir = resolve(import.meta.dirname, '../main/native/kernels')
const built = join(dir, 'build/Release/ckpt_kernels.node')
if (process.arch !== 'x64') {
  console.log(`native kernels: skipped on ${process.arch} (the portable module is used)`)
  process.exit(0)
}
if (existsSync(built) && !process.argv.includes('--force')) process.exit(0)
// the node-gyp npm ships with (found from npm_execpath under npm, or beside this Node), else one on PATH
const prefix = dirname(dirname(process.execPath))
const npmCli = process.env.npm_execpath
const gypJs = [npmCli && join(dirname(npmCli), '../node_modules/node-gyp/bin/node-gyp.js'), join(prefix, 'lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js')].find(
  (f) => f && existsSync(f),
)
const [cmd, pre] = gypJs ? [process.execPath, [gypJs]] : ['node-gyp', []]
// headers installed beside this Node (offline machines have no other source); npm's own setting wins
const nodedir = process.env.npm_config_nodedir || (existsSync(join(prefix, 'include/node/node_api.h')) ? prefix : null)
const args = [...pre, 'rebuild', '--directory', dir, ...(nodedir ? [`--nodedir=${nodedir}`] : [])]
const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', shell: process.platform === 'win32' })
if (r.status === 0 && existsSync(built)) console.log('native kernels: built')
else console.log(`native kernels: not built (${(r.error?.message ?? r.stderr ?? '').trim().split('\n').pop()}); the portable module is used`)
