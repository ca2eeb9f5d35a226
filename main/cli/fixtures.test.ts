import { describe, expect, it } from 'vitest'
import { fixturePath, HAVE_FIXTURES, loadManifest, SKIP_REASON } from '../engine/test-support/fixtures'
import { runCaptured } from './test-io'

if (!HAVE_FIXTURES) console.warn(SKIP_REASON)

const cases = loadManifest().flatMap((f) => f.checkpoints.map((c) => ({ fixture: f.short_name, ckpt: c, label: `${f.short_name}/${c.index}` })))

// The CLI surface over every real TF-written file: what `ckpt inspect --json` lists is exactly the manifest.
describe.skipIf(!HAVE_FIXTURES)('ckpt on every real TF fixture', () => {
  it.each(cases)('$label: inspect --json matches the manifest, verify exits 0', async ({ fixture, ckpt }) => {
    const path = fixturePath(fixture, ckpt.index)
    const r = await runCaptured(['inspect', path, '--json'])
    expect(r.stderr).toBe('')
    const j = JSON.parse(r.stdout) as { tensors: { key: string; dtype: string; shape: number[] }[]; objectGraph: { nodes: unknown[] } | null }
    // V1 files also list their `<data slice …>` entries, which have no dtype of their own
    const expected = ckpt.keys.filter((k) => k.dtype !== null).map((k) => ({ key: k.key, dtype: k.dtype, shape: k.shape }))
    expect(j.tensors.map((t) => ({ key: t.key, dtype: t.dtype, shape: t.shape }))).toEqual(expected)
    if (ckpt.object_graph_nodes !== null) expect(j.objectGraph?.nodes.length).toBe(ckpt.object_graph_nodes)
    const v = await runCaptured(['verify', path])
    expect(v).toMatchObject({ code: 0, stderr: '' })
  })
})
