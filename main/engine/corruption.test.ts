import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CheckpointError } from '@shared/errors'
import { dataFilename } from './bundle/naming'
import { openCheckpoint } from './checkpoint'
import { writeDemoCheckpoint } from './demo/demo-checkpoint'

async function demo(): Promise<{ dir: string; prefix: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-corrupt-'))
  return { dir, prefix: await writeDemoCheckpoint(dir) }
}

function copyDir(from: string): string {
  const to = mkdtempSync(join(tmpdir(), 'ckpt-copy-'))
  for (const f of readdirSync(from)) copyFileSync(join(from, f), join(to, f))
  return to
}

describe('corrupted checkpoints give typed errors naming file and key', () => {
  it('a flipped byte in a tensor is reported by verify with its key', async () => {
    const { prefix } = await demo()
    const c0 = await openCheckpoint(prefix)
    const victim = c0.tensor('model/layer_with_weights-1/kernel/.ATTRIBUTES/VARIABLE_VALUE')
    await c0.close()
    const data = dataFilename(prefix, 0, 1)
    const bytes = readFileSync(data)
    bytes[victim.offset + 17] ^= 0x40
    writeFileSync(data, bytes)
    const c = await openCheckpoint(prefix)
    const r = await c.verify()
    expect(r.ok).toBe(false)
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]).toMatchObject({ kind: 'tensor-crc', key: victim.key, file: data })
    await c.close()
  })

  it('a flipped byte in an index block is a block checksum error', async () => {
    const { prefix } = await demo()
    const idx = readFileSync(`${prefix}.index`)
    idx[200] ^= 0x01
    writeFileSync(`${prefix}.index`, idx)
    await expect(openCheckpoint(prefix)).rejects.toMatchObject({ code: 'block-crc', file: `${prefix}.index` })
  })

  it('a missing shard is named; an entry past the end of its shard is out-of-range', async () => {
    const { prefix } = await demo()
    const data = dataFilename(prefix, 0, 1)
    const saved = readFileSync(data)
    rmSync(data)
    // The object graph lives in the data shard, so a TF2 checkpoint without it cannot be read at all.
    await expect(openCheckpoint(prefix)).rejects.toMatchObject({ code: 'missing-shard', file: data })
    writeFileSync(data, saved.subarray(0, saved.length - 100))
    const c2 = await openCheckpoint(prefix)
    const r2 = await c2.verify()
    expect(r2.problems.some((p) => p.kind === 'out-of-range')).toBe(true)
    await c2.close()
  })

  it('truncating the index or data at every sixteenth never crashes or hangs', async () => {
    const { dir, prefix } = await demo()
    for (const which of ['index', 'data'] as const) {
      const file = which === 'index' ? `${prefix}.index` : dataFilename(prefix, 0, 1)
      const original = readFileSync(file)
      for (let i = 0; i < 16; i++) {
        const copy = copyDir(dir)
        const target = join(copy, file.slice(dir.length + 1))
        writeFileSync(target, original.subarray(0, Math.floor((original.length * i) / 16)))
        const p = join(copy, 'ckpt-1')
        const outcome = await openCheckpoint(p).then(
          async (c) => {
            const r = await c.verify()
            await c.close()
            return r
          },
          (e) => e,
        )
        if (outcome instanceof Error) expect(outcome).toBeInstanceOf(CheckpointError)
        else expect(outcome.ok).toBe(false)
        rmSync(copy, { recursive: true })
      }
    }
  })

  it('garbage files: typed errors with the file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ckpt-garbage-'))
    writeFileSync(join(dir, 'x.index'), Buffer.alloc(100, 7))
    await expect(openCheckpoint(join(dir, 'x.index'))).rejects.toMatchObject({ code: 'bad-magic', file: join(dir, 'x.index') })
    writeFileSync(join(dir, 'notes.txt'), 'hello')
    await expect(openCheckpoint(join(dir, 'notes.txt'))).rejects.toMatchObject({ code: 'not-a-checkpoint' })
    writeFileSync(join(dir, 'empty.index'), '')
    await expect(openCheckpoint(join(dir, 'empty.index'))).rejects.toMatchObject({ code: 'truncated' })
    await expect(openCheckpoint(join(dir, 'nope'))).rejects.toMatchObject({ code: 'not-found' })
    await expect(openCheckpoint(mkdtempSync(join(tmpdir(), 'ckpt-empty-')))).rejects.toMatchObject({ code: 'not-a-checkpoint' })
  })
})

describe('checkpoint state files', () => {
  it('stale absolute paths from another machine resolve by file name, and say so', async () => {
    const { dir } = await demo()
    writeFileSync(join(dir, 'checkpoint'), 'model_checkpoint_path: "/home/someone/run7/ckpt-1"\nall_model_checkpoint_paths: "/home/someone/run7/ckpt-1"\n')
    const c = await openCheckpoint(dir)
    expect(c.prefix).toBe(join(dir, 'ckpt-1'))
    expect(c.notes.join(' ')).toMatch(/another machine/)
    await c.close()
  })

  it('a damaged state file falls back to what is on disk', async () => {
    const { dir } = await demo()
    writeFileSync(join(dir, 'checkpoint'), 'model_checkpoint_path: "unterminated\n')
    const c = await openCheckpoint(dir)
    expect(c.prefix).toBe(join(dir, 'ckpt-1'))
    expect(c.notes.join(' ')).toMatch(/could not be parsed/)
    await c.close()
  })
})

describe('the demo checkpoint', () => {
  it('is a TF2 checkpoint with a model, Adam slots and save_counter', async () => {
    const { dir } = await demo()
    const c = await openCheckpoint(dir)
    expect(c.format).toBe('tf2')
    const paths = c.objectGraph!.nodes.map((n) => n.path)
    expect(paths).toContain("(root).optimizer's state 'm' for (root).model.layer_with_weights-0.kernel")
    expect(c.tensor('save_counter/.ATTRIBUTES/VARIABLE_VALUE').role).toBe('save_counter')
    expect(c.tensors.filter((t) => t.role === 'slot')).toHaveLength(12)
    expect((await c.readValues('save_counter/.ATTRIBUTES/VARIABLE_VALUE', 0, 1)).values).toEqual([1])
    expect((await c.verify()).ok).toBe(true)
    await c.close()
  })
})

describe('name-based checkpoint with a missing shard', () => {
  it('opens from the index alone; verify and reads name the missing file', async () => {
    const { BundleWriter } = await import('./write/bundle-writer')
    const dir = mkdtempSync(join(tmpdir(), 'ckpt-tf1-'))
    const prefix = join(dir, 'model.ckpt-5')
    const w = await BundleWriter.create(prefix, { numShards: 2 })
    await w.add('global_step', 9, [], new Uint8Array(8), 0)
    await w.add('dense/kernel', 1, [2], new Uint8Array(8), 1)
    await w.finish()
    rmSync(dataFilename(prefix, 1, 2))
    const c = await openCheckpoint(prefix)
    const r = await c.verify()
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'missing-shard', file: dataFilename(prefix, 1, 2) })])
    expect(r.tensorsChecked).toBe(1)
    await expect(c.readValues('dense/kernel', 0, 2)).rejects.toMatchObject({ code: 'missing-shard', file: dataFilename(prefix, 1, 2) })
    await c.close()
  })
})
