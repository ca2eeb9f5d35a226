import { describe, expect, it } from 'vitest'
import { CheckpointError } from '@shared/errors'
import { tensorflow } from '@proto/gen/tf.js'
import {
  decodeBundleEntry,
  decodeBundleHeader,
  decodeTrackableObjectGraph,
  encodeBundleEntry,
  encodeBundleHeader,
  encodeTensorSlice,
  encodeTrackableObjectGraph,
  type TrackableObjectGraph,
} from './index'
import { fromHex, hex } from './test-support'

describe('Long fix', () => {
  it('decodes int64 beyond 2^32 as plain numbers', () => {
    const bytes = encodeBundleEntry({ dtype: 1, shape: [2], offset: 3_000_000_000, size: 1_099_511_627_781, crc32c: 0xdeadbeef })
    const e = decodeBundleEntry(bytes)
    expect(typeof e.offset).toBe('number')
    expect(e.offset).toBe(3_000_000_000)
    expect(e.size).toBe(1_099_511_627_781)
    expect(e.crc32c).toBe(0xdeadbeef)
    expect(encodeBundleEntry(e)).toEqual(bytes)
  })

  it('also holds for messages built by the generated encoder', () => {
    const bytes = tensorflow.BundleEntryProto.encode({ dtype: 1, offset: 2 ** 40 + 3, size: 2 ** 52 }).finish()
    const m = tensorflow.BundleEntryProto.decode(bytes)
    expect(m.offset).toBe(2 ** 40 + 3)
    expect(m.size).toBe(2 ** 52)
  })
})

describe('encodeBundleHeader', () => {
  it('writes the canonical TF header', () => {
    const h = encodeBundleHeader({ numShards: 1, endianness: 0, version: { producer: 1, minConsumer: 0, badConsumers: [] } })
    expect(hex(h)).toBe('08 01 1a 02 08 01')
    expect(decodeBundleHeader(h)).toEqual({ numShards: 1, endianness: 0, version: { producer: 1, minConsumer: 0, badConsumers: [] } })
  })

  it('writes BIG endianness, bad consumers (packed) and an absent version', () => {
    const h = encodeBundleHeader({ numShards: 3, endianness: 'big', version: { producer: 1, minConsumer: 1, badConsumers: [2, 300] } })
    expect(hex(h)).toBe('08 03 10 01 1a 09 08 01 10 01 1a 03 02 ac 02')
    expect(decodeBundleHeader(h).version?.badConsumers).toEqual([2, 300])
    expect(hex(encodeBundleHeader({ numShards: 1, endianness: 'little', version: null }))).toBe('08 01')
    expect(decodeBundleHeader(fromHex('08 01')).version).toBeNull()
  })
})

describe('encodeBundleEntry (spec §9.1 worked bytes)', () => {
  it('"a": float32 scalar at offset 0', () => {
    const b = encodeBundleEntry({ dtype: 1, shape: [], shardId: 0, offset: 0, size: 4, crc32c: 0x2bdaa581, slices: [] })
    expect(hex(b)).toBe('08 01 12 00 28 04 35 81 a5 da 2b')
  })

  it('"s": string scalar', () => {
    const b = encodeBundleEntry({ dtype: 7, shape: [], shardId: 0, offset: 12, size: 7, crc32c: 0x154deb09, slices: [] })
    expect(hex(b)).toBe('08 07 12 00 20 0c 28 07 35 09 eb 4d 15')
  })

  it('"save_counter/.ATTRIBUTES/VARIABLE_VALUE": int64 scalar', () => {
    const b = encodeBundleEntry({ dtype: 9, shape: [], shardId: 0, offset: 4, size: 8, crc32c: 0x41de7501, slices: [] })
    expect(hex(b)).toBe('08 09 12 00 20 04 28 08 35 01 75 de 41')
    expect(decodeBundleEntry(b)).toEqual({ dtype: 9, shape: [], shardId: 0, offset: 4, size: 8, crc32c: 0x41de7501, slices: [] })
  })

  it('shapes: zero-size dims are empty Dim messages', () => {
    expect(hex(encodeBundleEntry({ dtype: 1, shape: [0, 3] }))).toBe('08 01 12 06 12 00 12 02 08 03')
  })

  it('partitioned metadata entry: full dim is an empty Extent, start omitted when 0, length always', () => {
    const b = encodeBundleEntry({
      dtype: 1,
      shape: [10, 4],
      slices: [
        [
          { start: 0, length: 5 },
          { start: 0, length: -1 },
        ],
        [
          { start: 5, length: 5 },
          { start: 0, length: -1 },
        ],
      ],
    })
    expect(hex(b)).toBe('08 01 12 08 12 02 08 0a 12 02 08 04 3a 06 0a 02 10 05 0a 00 3a 08 0a 04 08 05 10 05 0a 00')
    const e = decodeBundleEntry(b)
    expect(e.slices).toEqual([
      [
        { start: 0, length: 5 },
        { start: 0, length: -1 },
      ],
      [
        { start: 5, length: 5 },
        { start: 0, length: -1 },
      ],
    ])
    expect(encodeBundleEntry(e)).toEqual(b)
  })

  it('a zero length is still written (oneof member), unlike a zero start', () => {
    expect(hex(encodeTensorSlice([{ start: 0, length: 0 }]))).toBe('0a 02 10 00')
  })

  it('rejects values that are not safe integers', () => {
    expect(() => encodeBundleEntry({ dtype: 1, shape: [], offset: 2 ** 60 })).toThrow(CheckpointError)
    expect(() => encodeBundleEntry({ dtype: 1, shape: [1.5] })).toThrow(/safe integer/)
  })
})

describe('decode errors', () => {
  it('wraps protobufjs errors in CheckpointError(bad-proto) with file and key', () => {
    let err: unknown
    try {
      decodeBundleEntry(fromHex('12 05 12 00'), { file: '/x/ckpt.index', key: 'w' })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(CheckpointError)
    const ce = err as CheckpointError
    expect(ce.code).toBe('bad-proto')
    expect(ce.file).toBe('/x/ckpt.index')
    expect(ce.key).toBe('w')
    expect(ce.message).toMatch(/BundleEntryProto/)
  })

  it('rejects an unknown-rank shape in an entry', () => {
    expect(() => decodeBundleEntry(fromHex('08 01 12 02 18 01'))).toThrow(/unknown rank/)
  })
})

describe('TrackableObjectGraph', () => {
  const graph: TrackableObjectGraph = {
    nodes: [
      {
        children: [
          { nodeId: 1, localName: 'v' },
          { nodeId: 2, localName: 'opt' },
        ],
        attributes: [],
        slotVariables: [],
        registeredSaver: null,
        hasCheckpointValues: true,
      },
      {
        children: [],
        attributes: [{ name: 'VARIABLE_VALUE', fullName: 'v', checkpointKey: 'v/.ATTRIBUTES/VARIABLE_VALUE', optionalRestore: false }],
        slotVariables: [],
        registeredSaver: null,
        hasCheckpointValues: true,
      },
      {
        children: [],
        attributes: [],
        slotVariables: [{ originalVariableNodeId: 1, slotName: 'm', slotVariableNodeId: 3 }],
        registeredSaver: { name: '', objectName: '' },
        hasCheckpointValues: false,
      },
      { children: [], attributes: [], slotVariables: [], registeredSaver: null, hasCheckpointValues: null },
    ],
  }

  it('round-trips, with false as an empty wrapper and null omitted', () => {
    const bytes = encodeTrackableObjectGraph(graph)
    expect(decodeTrackableObjectGraph(bytes)).toEqual(graph)
    const nodes = tensorflow.TrackableObjectGraph.decode(bytes).nodes
    expect(hex(tensorflow.TrackableObjectGraph.TrackableObject.encode(nodes[2]).finish()).endsWith('22 00 2a 00')).toBe(true)
    // Node 3 is completely empty: `0A 00`.
    expect(hex(bytes).endsWith('0a 00')).toBe(true)
  })

  it('writes node fields in TF order', () => {
    const bytes = encodeTrackableObjectGraph({ nodes: [graph.nodes[1]] })
    expect(hex(bytes)).toBe(
      hex(
        fromHex(
          '0a 37 12 31 0a 0e' +
            ' 56 41 52 49 41 42 4c 45 5f 56 41 4c 55 45 12 01 76 1a 1c' +
            ' 76 2f 2e 41 54 54 52 49 42 55 54 45 53 2f 56 41 52 49 41 42 4c 45 5f 56 41 4c 55 45' +
            ' 2a 02 08 01',
        ),
      ),
    )
  })

  it('follows a recorded non-ascending writer order (TF 2.14: local_name before node_id)', () => {
    const g: TrackableObjectGraph = {
      nodes: [{ children: [{ nodeId: 1, localName: 'a' }], attributes: [], slotVariables: [], registeredSaver: null, hasCheckpointValues: null }],
    }
    expect(hex(encodeTrackableObjectGraph(g))).toBe('0a 07 0a 05 08 01 12 01 61')
    const quirky = encodeTrackableObjectGraph({ ...g, fieldOrder: { objectReference: [2, 1] } })
    expect(hex(quirky)).toBe('0a 07 0a 05 12 01 61 08 01')
    const back = decodeTrackableObjectGraph(quirky)
    expect(back.fieldOrder).toEqual({ objectReference: [2, 1] })
    expect(encodeTrackableObjectGraph(back)).toEqual(quirky)
    expect(decodeTrackableObjectGraph(encodeTrackableObjectGraph(g)).fieldOrder).toBeUndefined()
  })
})
