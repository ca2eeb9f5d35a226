import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CheckpointError } from '@shared/errors'
import { formatCheckpointState, formatPythonFloat, parseCheckpointState } from './text-format'
import { FIXTURES_DIR, HAVE_FIXTURES } from './test-support'

describe('parseCheckpointState', () => {
  it('parses the spec example', () => {
    const text = [
      'model_checkpoint_path: "ckpt-3"',
      'all_model_checkpoint_paths: "ckpt-2"',
      'all_model_checkpoint_paths: "ckpt-3"',
      'all_model_checkpoint_timestamps: 1700000000.5',
      'all_model_checkpoint_timestamps: 1700000100.25',
      'last_preserved_timestamp: 1699999990.0',
      '',
    ].join('\n')
    const s = parseCheckpointState(text, '/d/checkpoint')
    expect(s).toEqual({
      modelCheckpointPath: 'ckpt-3',
      allModelCheckpointPaths: ['ckpt-2', 'ckpt-3'],
      allModelCheckpointTimestamps: [1700000000.5, 1700000100.25],
      lastPreservedTimestamp: 1699999990,
    })
    expect(formatCheckpointState(s)).toBe(text)
  })

  it('accepts comments, any order, unknown fields, separators, lists and single quotes', () => {
    const s = parseCheckpointState(
      `# written by hand
       all_model_checkpoint_paths: 'a' ; future_field: 12
       unknown_msg { x: 1 nested < y: "z" > }
       [ext.name]: 3,
       model_checkpoint_path: "b"  # trailing comment
       all_model_checkpoint_paths: ["b", "c"]
       all_model_checkpoint_timestamps: [1e3, -inf, 0x10]
       last_preserved_timestamp: 7`,
      'f',
    )
    expect(s.modelCheckpointPath).toBe('b')
    expect(s.allModelCheckpointPaths).toEqual(['a', 'b', 'c'])
    expect(s.allModelCheckpointTimestamps).toEqual([1000, -Infinity, 16])
    expect(s.lastPreservedTimestamp).toBe(7)
  })

  it('decodes escapes: \\" \\\\ \\n \\t, octal, hex, adjacent literals and UTF-8', () => {
    const s = parseCheckpointState(String.raw`model_checkpoint_path: "a\"b\\c\n\td\303\251\x41\101" "-tail" 'caf\u00e9'`)
    expect(s.modelCheckpointPath).toBe('a"b\\c\n\tdéAA-tailcafé')
    const round = parseCheckpointState(formatCheckpointState(s))
    expect(round.modelCheckpointPath).toBe(s.modelCheckpointPath)
  })

  it('writes non-ASCII and control bytes as octal, like Python text_format', () => {
    const text = formatCheckpointState({
      modelCheckpointPath: "é/it's\u0001",
      allModelCheckpointPaths: [],
      allModelCheckpointTimestamps: [],
      lastPreservedTimestamp: null,
    })
    expect(text).toBe(String.raw`model_checkpoint_path: "\303\251/it\'s\001"` + '\n')
  })

  it('an empty file is an empty state; absent timestamp is null', () => {
    expect(parseCheckpointState('')).toEqual({
      modelCheckpointPath: '',
      allModelCheckpointPaths: [],
      allModelCheckpointTimestamps: [],
      lastPreservedTimestamp: null,
    })
  })

  it.each([
    ['model_checkpoint_path "x"', /expected ':'/],
    ['model_checkpoint_path: x', /quoted string/],
    ['model_checkpoint_path: "x', /unterminated/],
    ['all_model_checkpoint_timestamps: "1"', /needs a number/],
    ['last_preserved_timestamp: [1, 2]', /not repeated/],
    ['model_checkpoint_path: "\\q"', /invalid escape/],
    ['unknown { a: 1', /missing '}'/],
    ['model_checkpoint_path { }', /not a message/],
    ['last_preserved_timestamp: yes', /not a number/],
    [': "x"', /field name/],
  ])('rejects %j', (text, re) => {
    let err: unknown
    try {
      parseCheckpointState(text, '/d/checkpoint')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(CheckpointError)
    expect((err as CheckpointError).code).toBe('bad-proto')
    expect((err as CheckpointError).file).toBe('/d/checkpoint')
    expect((err as CheckpointError).message).toMatch(re)
  })
})

describe('formatPythonFloat (repr)', () => {
  it.each([
    [1606867698.033619, '1606867698.033619'],
    [1700000000, '1700000000.0'],
    [0.5, '0.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [1e15, '1000000000000000.0'],
    [1e16, '1e+16'],
    [1.2345e100, '1.2345e+100'],
    [-2.5, '-2.5'],
    [0, '0.0'],
    [-0, '-0.0'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
  ])('%d → %s', (x, s) => {
    expect(formatPythonFloat(x)).toBe(s)
    if (!Number.isNaN(x)) expect(Object.is(parseCheckpointState(`last_preserved_timestamp: ${s}`).lastPreservedTimestamp, x)).toBe(true)
  })

  it('round-trips random doubles exactly', () => {
    let seed = 12345
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let i = 0; i < 2000; i++) {
      const x = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20)
      const back = parseCheckpointState(`all_model_checkpoint_timestamps: ${formatPythonFloat(x)}`).allModelCheckpointTimestamps[0]
      expect(back).toBe(x)
    }
  })
})

describe.skipIf(!HAVE_FIXTURES)('real `checkpoint` files (fixtures missing: ../shared/fixtures/tf)', () => {
  const names = [
    'keras-weights-food-2shards-rmsprop',
    'tf1-estimator-dnn-2shards',
    'tf1-estimator-dnn-iris-adagrad',
    'tf1-estimator-mnist-adam',
    'tf1-v1-format-multiblock',
    'tf2-ckpt-golf-adam-int32',
    'tf2-ckpt-rl-nstep-adam',
  ]

  it.each(names)('%s: parse then format reproduces the file', (name) => {
    const path = resolve(FIXTURES_DIR, name, 'checkpoint')
    expect(existsSync(path)).toBe(true)
    const text = readFileSync(path, 'utf8')
    const s = parseCheckpointState(text, path)
    expect(s.modelCheckpointPath).not.toBe('')
    expect(s.allModelCheckpointPaths.at(-1)).toBe(s.modelCheckpointPath)
    expect(formatCheckpointState(s)).toBe(text)
  })

  it('reads CheckpointManager timestamps', () => {
    const s = parseCheckpointState(readFileSync(resolve(FIXTURES_DIR, 'tf2-ckpt-golf-adam-int32', 'checkpoint'), 'utf8'))
    expect(s).toEqual({
      modelCheckpointPath: 'ckpt-2',
      allModelCheckpointPaths: ['ckpt-1', 'ckpt-2'],
      allModelCheckpointTimestamps: [1606867698.033619, 1606867791.8105],
      lastPreservedTimestamp: 1606867659.7415721,
    })
  })
})
