import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { type SlotSpec, type TensorValue, type TrackableSpec } from '../write/object-graph-builder'
import { writeObjectCheckpoint } from '../write/object-checkpoint-writer'

const FLOAT32 = 1
const INT64 = 9

/** Every problem a scan looks for, planted where the tests and the e2e flow expect them. */
export const UNHEALTHY = {
  nanKey: 'model/dense_1/kernel/.ATTRIBUTES/VARIABLE_VALUE',
  nanCount: 3,
  infKey: 'model/dense_2/bias/.ATTRIBUTES/VARIABLE_VALUE',
  zeroKey: 'model/dense_1/bias/.ATTRIBUTES/VARIABLE_VALUE',
  negativeSlotKey: 'model/dense/kernel/.OPTIMIZER_SLOT/optimizer/v/.ATTRIBUTES/VARIABLE_VALUE',
} as const

/** Smooth, deterministic values: a few waves over the rows and columns plus a little hash noise, so heatmaps show structure. */
function wave(shape: number[], seed: number, scale: number): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1)
  const cols = shape[shape.length - 1] ?? 1
  const rows = Math.max(1, n / cols)
  const out = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    const y = Math.floor(i / cols) / rows
    const x = (i % cols) / cols
    const noise = ((Math.sin(i * 12.9898 + seed * 78.233) * 43758.5453) % 1) * 0.15
    out[i] = scale * (Math.sin(2 * Math.PI * (1.5 * y + 0.1 * seed)) * Math.cos(2 * Math.PI * (2 * x - 0.07 * seed)) + noise)
  }
  return out
}

const value = (shape: number[], data: Float32Array): TensorValue => ({ dtype: FLOAT32, shape, data: new Uint8Array(data.buffer) })
const int64 = (v: bigint): TensorValue => ({ dtype: INT64, shape: [], data: new Uint8Array(new BigInt64Array([v]).buffer) })

/**
 * `ckpt make-demo DIR --unhealthy`: a TF2 checkpoint (Keras-like model, Adam slots) with NaN in one kernel,
 * ±Inf in one bias, an all-zero bias and a negative Adam second moment, plus a 3-D convolution kernel and a
 * 1024 × 256 embedding for the tensor views. Used by the CLI tests, the e2e flows and to try `ckpt scan`.
 */
export async function writeUnhealthyDemo(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  const kernel = wave([16, 32], 1, 0.4)
  const kernel1 = wave([32, 32], 2, 0.3)
  // rows 3, 7 and 11 of column 5 went NaN (the planted 3)
  for (const r of [3, 7, 11]) kernel1[r * 32 + 5] = NaN
  const bias2 = wave([4], 3, 0.1)
  bias2[1] = Infinity
  bias2[2] = -Infinity
  const layer = (k: [number[], Float32Array], b: [number[], Float32Array]): TrackableSpec => ({
    children: [
      ['kernel', { variable: value(...k) }],
      ['bias', { variable: value(...b) }],
    ],
  })
  const model: TrackableSpec = {
    children: [
      ['conv', { children: [['kernel', { variable: value([3, 3, 4, 8], wave([3, 3, 4, 8], 4, 0.2)) }]] }],
      ['dense', layer([[16, 32], kernel], [[32], wave([32], 5, 0.05)])],
      ['dense_1', layer([[32, 32], kernel1], [[32], new Float32Array(32)])],
      ['dense_2', layer([[32, 4], wave([32, 4], 6, 0.5)], [[4], bias2])],
      ['embedding', { children: [['embeddings', { variable: value([1024, 256], wave([1024, 256], 7, 1)) }]] }],
    ],
  }
  const optimizer: TrackableSpec = { children: [['iter', { variable: int64(500n) }]] }
  const root: TrackableSpec = {
    children: [
      ['model', model],
      ['optimizer', optimizer],
      ['save_counter', { variable: int64(1n) }],
    ],
  }
  const slots: SlotSpec[] = []
  for (const [layerName, shape, seed] of [['dense', [16, 32], 10], ['dense_2', [32, 4], 20]] as const) {
    const m = wave([...shape], seed, 0.01)
    const v = wave([...shape], seed + 1, 1e-4).map(Math.abs)
    if (layerName === 'dense') v[0] = -2.5e-5
    slots.push({ optimizer: ['optimizer'], variable: ['model', layerName, 'kernel'], slotName: 'm', value: value([...shape], m) })
    slots.push({ optimizer: ['optimizer'], variable: ['model', layerName, 'kernel'], slotName: 'v', value: value([...shape], v) })
  }
  return writeObjectCheckpoint(join(dir, 'ckpt-1'), root, slots)
}
