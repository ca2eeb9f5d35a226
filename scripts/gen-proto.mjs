#!/usr/bin/env node
// Regenerates proto/gen/tf.js (+ tf.d.ts) from proto/*.proto. The output is committed; run after editing a .proto.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const protoDir = join(root, 'proto')
const outDir = join(protoDir, 'gen')
const outJs = join(outDir, 'tf.js')
const outDts = join(outDir, 'tf.d.ts')
const bin = (name) => join(root, 'node_modules', '.bin', name)

// Sorted so the output does not depend on directory order.
const protos = readdirSync(protoDir)
  .filter((f) => f.endsWith('.proto'))
  .sort()
  .map((f) => join(protoDir, f))

mkdirSync(outDir, { recursive: true })

execFileSync(
  bin('pbjs'),
  [
    '-t', 'static-module',
    '-w', 'es6',
    '--force-number',
    // Explicit extension: protobufjs has no "exports" map, so Node ESM needs the file name.
    '--dependency', 'protobufjs/minimal.js',
    '--no-service',
    // Decoding and encoding are all we use; the rest only adds size.
    '--no-verify',
    '--no-convert',
    '--no-delimited',
    '--no-typeurl',
    '-p', protoDir,
    '-o', outJs,
    ...protos,
  ],
  { stdio: 'inherit', cwd: root },
)

// --force-number only changes the types: decode still yields Long unless Long is disabled before any decode.
// Doing it inside the generated module makes every importer safe, whatever it imports first.
const importLine = "import $protobuf from \"protobufjs/minimal.js\";"
let js = readFileSync(outJs, 'utf8')
if (!js.includes(importLine)) throw new Error(`gen-proto: unexpected import in ${outJs}`)
js = js.replace(
  importLine,
  `${importLine}\n\n// int64 fields decode as JS numbers (exact up to 2^53), not Long objects.\n$protobuf.util.Long = undefined;\n$protobuf.configure();`,
)
writeFileSync(outJs, js)

execFileSync(bin('pbts'), ['-o', outDts, outJs], { stdio: 'inherit', cwd: root })

console.log(`gen-proto: ${protos.length} files -> ${outJs}, ${outDts}`)
