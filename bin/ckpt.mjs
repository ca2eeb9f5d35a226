#!/usr/bin/env node
// `ckpt` launcher: the CLI itself is built with the app (out/main/cli.js) by `npm install` (the prepare script).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(cli)) {
  process.stderr.write('ckpt: run `npm install` (it builds the app) first\n')
  process.exit(2)
}
await import(cli)
