import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dtypeName } from '../dtypes/dtype'
import {
  decodeBundleEntry,
  decodeBundleHeader,
  decodeTrackableObjectGraph,
  encodeBundleEntry,
  encodeBundleHeader,
  encodeTrackableObjectGraph,
  type BundleEntry,
  type BundleHeader,
} from './index'
import { FIXTURES_DIR, HAVE_FIXTURES, hex, keyText, readManifest, readTable, type ManifestCheckpoint } from './test-support'

const OBJECT_GRAPH_KEY = '_CHECKPOINTABLE_OBJECT_GRAPH'

/** The single element of a scalar DT_STRING tensor: varint length, 4-byte masked length CRC, bytes (spec §4.3). */
function scalarStringValue(data: Uint8Array, offset: number, size: number): Uint8Array {
  let len = 0
  let scale = 1
  let p = offset
  for (;;) {
    const b = data[p++]
    len += (b & 0x7f) * scale
    if (b < 0x80) break
    scale *= 128
  }
  p += 4
  expect(p + len).toBe(offset + size)
  return data.subarray(p, p + len)
}

const pad5 = (n: number) => String(n).padStart(5, '0')

interface V2Case {
  fixture: string
  ckpt: ManifestCheckpoint
  indexPath: string
}

function v2Cases(): V2Case[] {
  if (!HAVE_FIXTURES) return []
  return readManifest().fixtures.flatMap((f) =>
    f.checkpoints
      .filter((c) => c.format.startsWith('TensorBundle'))
      .map((ckpt) => ({ fixture: f.short_name, ckpt, indexPath: resolve(FIXTURES_DIR, f.short_name, ckpt.index) })),
  )
}

describe.skipIf(!HAVE_FIXTURES)('real TF bundles (fixtures missing: ../shared/fixtures/tf)', () => {
  const cases = v2Cases()

  it('finds the V2 fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(29)
  })

  it.each(cases.map((c) => [`${c.fixture}/${c.ckpt.index}`, c] as const))('%s: header and every entry re-encode byte-identically', (_n, c) => {
    const table = readTable(c.indexPath)
    expect(table.dataBlocks).toBe(c.ckpt.data_blocks)
    expect(keyText(table.entries[0].key)).toBe('')
    const headerBytes = table.entries[0].value
    const header: BundleHeader = decodeBundleHeader(headerBytes, { file: c.indexPath, key: '' })
    expect(hex(encodeBundleHeader(header))).toBe(hex(headerBytes))
    // TF's header: {num_shards, version {producer: 1}}, LITTLE endianness omitted.
    expect(hex(headerBytes)).toBe(hex(encodeBundleHeader({ numShards: header.numShards, endianness: 'little', version: { producer: 1 } })))

    const rest = table.entries.slice(1)
    expect(rest.length).toBe(c.ckpt.keys.length)
    for (const [i, { key, value }] of rest.entries()) {
      const name = keyText(key)
      const entry: BundleEntry = decodeBundleEntry(value, { file: c.indexPath, key: name })
      expect(hex(encodeBundleEntry(entry)), name).toBe(hex(value))
      const m = c.ckpt.keys[i]
      expect(m.key).toBe(name)
      expect(dtypeName(entry.dtype)).toBe(m.dtype)
      expect(entry.shape).toEqual(m.shape)
      expect(entry.shardId).toBe(m.shard)
      expect(entry.size).toBe(m.size)
      expect(entry.slices).toEqual([])
      expect(entry.shardId).toBeLessThan(header.numShards)
    }
  })

  const withGraph = cases.filter((c) => c.ckpt.object_graph_nodes !== null)

  it('has object-graph fixtures', () => {
    expect(withGraph.length).toBeGreaterThanOrEqual(10)
  })

  it.each(withGraph.map((c) => [`${c.fixture}/${c.ckpt.index}`, c] as const))('%s: object graph decodes and re-encodes byte-identically', (_n, c) => {
    const table = readTable(c.indexPath)
    const header = decodeBundleHeader(table.entries[0].value)
    const ge = table.entries.find((e) => keyText(e.key) === OBJECT_GRAPH_KEY)!
    const entry = decodeBundleEntry(ge.value)
    expect(entry.dtype).toBe(7)
    expect(entry.shape).toEqual([])
    const prefix = c.indexPath.slice(0, -'.index'.length)
    const dataPath = `${prefix}.data-${pad5(entry.shardId)}-of-${pad5(header.numShards)}`
    const data = new Uint8Array(readFileSync(dataPath))
    const bytes = scalarStringValue(data, entry.offset, entry.size)

    const graph = decodeTrackableObjectGraph(bytes, { file: dataPath, key: OBJECT_GRAPH_KEY })
    expect(graph.nodes.length).toBe(c.ckpt.object_graph_nodes)
    expect(graph.nodes.reduce((n, x) => n + x.slotVariables.length, 0)).toBe(c.ckpt.slot_variables_in_graph)
    expect(hex(encodeTrackableObjectGraph(graph))).toBe(hex(bytes))

    // Every checkpoint key named by the graph is a tensor of the bundle.
    const keys = new Set(table.entries.map((e) => keyText(e.key)))
    for (const n of graph.nodes) for (const a of n.attributes) expect(keys.has(a.checkpointKey), a.checkpointKey).toBe(true)
    for (const n of graph.nodes) for (const ch of n.children) expect(ch.nodeId).toBeLessThan(graph.nodes.length)
  })

  it('records writer quirks: field order and has_checkpoint_values presence per fixture', () => {
    const quirks: Record<string, { order: string | null; hcv: string }> = {}
    for (const c of withGraph) {
      const table = readTable(c.indexPath)
      const header = decodeBundleHeader(table.entries[0].value)
      const entry = decodeBundleEntry(table.entries.find((e) => keyText(e.key) === OBJECT_GRAPH_KEY)!.value)
      const data = new Uint8Array(readFileSync(`${c.indexPath.slice(0, -6)}.data-${pad5(entry.shardId)}-of-${pad5(header.numShards)}`))
      const graph = decodeTrackableObjectGraph(scalarStringValue(data, entry.offset, entry.size))
      const hcv = [...new Set(graph.nodes.map((n) => String(n.hasCheckpointValues)))].sort().join('/')
      quirks[c.fixture] = { order: graph.fieldOrder ? JSON.stringify(graph.fieldOrder) : null, hcv }
    }
    // TF 2.14 (tensorflow/serving half_plus_two_tf2) writes ObjectReference as local_name, node_id.
    expect(quirks['tf2-savedmodel-half-plus-two'].order).toBe('{"objectReference":[2,1]}')
    for (const [name, q] of Object.entries(quirks)) if (name !== 'tf2-savedmodel-half-plus-two') expect(q.order, name).toBeNull()
    // Older writers omit has_checkpoint_values; newer ones set it on every node (false = `2A 00`).
    const hcv = Object.fromEntries(Object.entries(quirks).map(([k, q]) => [k, q.hcv]))
    expect(hcv).toEqual({
      'keras-savedmodel-mlp-adam-slots': 'false/true',
      'keras-savedmodel-salary-newopt': 'false/true',
      'keras-weights-2shards-no-optimizer': 'null',
      'keras-weights-food-2shards-rmsprop': 'null',
      'tf2-ckpt-golf-adam-int32': 'null',
      'tf2-ckpt-rl-nstep-adam': 'null',
      'tf2-objectgraph-only': 'false',
      'tf2-savedmodel-half-plus-two': 'false/true',
      'tf2-savedmodel-rust-regression': 'null',
    })
  })

  it('uses the fixture folder next to the repo', () => {
    expect(dirname(FIXTURES_DIR)).toMatch(/shared[\\/]fixtures$/)
  })
})
