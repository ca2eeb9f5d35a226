import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { type SlotSpec, type TensorValue, type TrackableSpec } from '../write/object-graph-builder'
import { writeObjectCheckpoint } from '../write/object-checkpoint-writer'

const FLOAT32 = 1
const INT64 = 9

/** Deterministic pseudo-random values (LCG), so the demo is the same file on every machine. */
function floats(shape: number[], seed: number, scale: number): TensorValue {
  const n = shape.reduce((a, b) => a * b, 1)
  const out = new Float32Array(n)
  let s = seed >>> 0
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    out[i] = ((s / 2 ** 32) * 2 - 1) * scale
  }
  return { dtype: FLOAT32, shape, data: new Uint8Array(out.buffer) }
}

function scalar(dtype: number, value: number): TensorValue {
  const b = new Uint8Array(dtype === INT64 ? 8 : 4)
  const dv = new DataView(b.buffer)
  if (dtype === INT64) dv.setBigInt64(0, BigInt(value), true)
  else dv.setFloat32(0, value, true)
  return { dtype, shape: [], data: b }
}

/**
 * The bundled demo: what `tf.train.Checkpoint(model=keras_mlp, optimizer=adam).save(dir + '/ckpt')` writes for a
 * two-layer MLP after some steps: the model's variables, Adam's hyper-parameters and its m/v slots, save_counter.
 */
export async function writeDemoCheckpoint(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  const dense = (inp: number, out: number, seed: number): TrackableSpec => ({
    children: [
      ['kernel', { variable: floats([inp, out], seed, Math.sqrt(6 / (inp + out))) }],
      ['bias', { variable: floats([out], seed + 1, 0.05) }],
    ],
  })
  const layers: [string, TrackableSpec][] = [
    ['layer_with_weights-0', dense(16, 32, 11)],
    ['layer_with_weights-1', dense(32, 32, 23)],
    ['layer_with_weights-2', dense(32, 4, 37)],
  ]
  const optimizer: TrackableSpec = {
    children: [
      ['iter', { variable: scalar(INT64, 1200) }],
      ['beta_1', { variable: scalar(FLOAT32, 0.9) }],
      ['beta_2', { variable: scalar(FLOAT32, 0.999) }],
      ['decay', { variable: scalar(FLOAT32, 0) }],
      ['learning_rate', { variable: scalar(FLOAT32, 0.001) }],
    ],
  }
  const root: TrackableSpec = {
    children: [
      ['model', { children: layers }],
      ['optimizer', optimizer],
      ['save_counter', { variable: scalar(INT64, 1) }],
    ],
  }
  const slots: SlotSpec[] = []
  let seed = 100
  for (const slotName of ['m', 'v']) {
    for (const [layer, spec] of layers) {
      for (const [name, v] of spec.children!) {
        const shape = v.variable!.shape
        slots.push({ optimizer: ['optimizer'], variable: ['model', layer, name], slotName, value: floats(shape, seed++, slotName === 'm' ? 0.01 : 0.0001) })
      }
    }
  }
  // v (second moments) are non-negative in a healthy run.
  for (const s of slots) {
    if (s.slotName !== 'v') continue
    const f = new Float32Array((s.value.data as Uint8Array).buffer)
    for (let i = 0; i < f.length; i++) f[i] = Math.abs(f[i])
  }
  return writeObjectCheckpoint(join(dir, 'ckpt-1'), root, slots)
}
