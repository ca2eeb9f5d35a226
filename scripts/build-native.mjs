#!/usr/bin/env node
// Builds the optional native CRC-32C module (main/native/crc32c) with node-gyp, on x86-64 only. Never fails the
// install: without a compiler the engine uses @node-rs/crc32, a third as fast, and says nothing else differs.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const dir = resolve(import.meta.dirname, '../main/native/crc32c')
const built = join(dir, 'build/Release/crc32c_hw.node')
if (process.arch !== 'x64') {
  console.log(`native crc32c: skipped on ${process.arch} (the portable module is used)`)
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
if (r.status === 0 && existsSync(built)) console.log('native crc32c: built')
else console.log(`native crc32c: not built (${(r.error?.message ?? r.stderr ?? '').trim().split('\n').pop()}); the portable module is used`)
