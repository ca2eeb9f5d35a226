import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CheckpointError } from '@shared/errors'
import { openCheckpoint } from './checkpoint'
import { fixturePath, HAVE_FIXTURES } from './test-support/fixtures'

/** A deterministic PRNG so a failure names a reproducible seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

function copyFlat(dir: string): string {
  const to = mkdtempSync(join(tmpdir(), 'ckpt-fuzz-'))
  for (const f of readdirSync(dir)) if (statSync(join(dir, f)).isFile()) copyFileSync(join(dir, f), join(to, f))
  return to
}

/**
 * Random damage to real TensorFlow files (copied to a temp dir): flipped bytes, zeroed runs and truncations in the
 * index and data files. Whatever the damage, opening, reading and verifying either succeed (the damage hit bytes
 * no check covers, e.g. a float's value) or fail with a CheckpointError — never another exception or a hang.
 */
describe.skipIf(!HAVE_FIXTURES)('random damage to real checkpoints', () => {
  const cases = [
    ['tf2-ckpt-golf-adam-int32', 'ckpt-1'],
    ['keras-weights-food-2shards-rmsprop', 'cp.ckpt'],
    ['tf1-estimator-dnn-2shards', 'model.ckpt-93500'],
    ['tf1-v1-format-adam', 'video_weights.ckpt'],
  ] as const
  it.each(cases)('%s: 60 damaged copies give only typed errors', async (fixture, prefix) => {
    const r = rng(fixture.length * 7919)
    for (let round = 0; round < 60; round++) {
      const dir = copyFlat(fixturePath(fixture))
      const files = readdirSync(dir).filter((f) => f.startsWith(prefix) && !f.endsWith('.meta'))
      const victim = join(dir, files[Math.floor(r() * files.length)])
      const bytes = readFileSync(victim)
      const mode = Math.floor(r() * 3)
      const at = Math.floor(r() * bytes.length)
      if (mode === 0) bytes[at] ^= 1 << Math.floor(r() * 8)
      else if (mode === 1) bytes.fill(0, at, Math.min(bytes.length, at + 1 + Math.floor(r() * 64)))
      writeFileSync(victim, mode === 2 ? bytes.subarray(0, at) : bytes)
      try {
        const c = await openCheckpoint(join(dir, prefix))
        try {
          await c.verify()
          for (const t of c.tensors) await c.readValues(t.key, 0, 4).catch((e) => expect(e, `round ${round}`).toBeInstanceOf(CheckpointError))
        } finally {
          await c.close()
        }
      } catch (e) {
        expect(e, `round ${round} (mode ${mode} at ${at} of ${victim})`).toBeInstanceOf(CheckpointError)
      } finally {
        rmSync(dir, { recursive: true })
      }
    }
  })
})
