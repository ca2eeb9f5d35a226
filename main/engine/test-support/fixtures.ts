import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** Real TensorFlow-written files live beside the repo in ../shared (never copied in). */
export const FIXTURES_DIR = resolve(import.meta.dirname, '../../../../shared/fixtures/tf')
export const HAVE_FIXTURES = existsSync(resolve(FIXTURES_DIR, 'manifest.json'))
export const SKIP_REASON = `TF fixtures not found at ${FIXTURES_DIR} (they live in ../shared beside a checkout); skipping real-file tests`

export interface ManifestKey {
  key: string
  /** null for the V1 format's per-slice rows. */
  dtype: string | null
  shape: number[] | null
  shard?: number | null
  size?: number | null
  slices?: [number, number][][]
}

export interface ManifestCheckpoint {
  index: string
  format: string
  header: Record<string, unknown>
  tensors: number
  dtypes: string[]
  features: string[]
  snappy_blocks: number
  data_blocks: number
  object_graph_nodes: number | null
  slot_variables_in_graph: number
  keys: ManifestKey[]
}

export interface ManifestFixture {
  short_name: string
  features: string[]
  checkpoints: ManifestCheckpoint[]
  files: { path: string; size: number }[]
}

export function readManifest(): { fixtures: ManifestFixture[] } {
  return { fixtures: loadManifest() }
}

export function loadManifest(): ManifestFixture[] {
  if (!HAVE_FIXTURES) return []
  return JSON.parse(readFileSync(resolve(FIXTURES_DIR, 'manifest.json'), 'utf8')).fixtures
}

export function fixturePath(...parts: string[]): string {
  return resolve(FIXTURES_DIR, ...parts)
}
