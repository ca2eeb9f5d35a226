/** TF's bundle file names (tensor_bundle/naming.cc). */
export function indexFilename(prefix: string): string {
  return `${prefix}.index`
}

export function dataFilename(prefix: string, shard: number, numShards: number): string {
  return `${prefix}.data-${String(shard).padStart(5, '0')}-of-${String(numShards).padStart(5, '0')}`
}

const DATA_RE = /^(.*)\.data-(\d{5,})-of-(\d{5,})$/

/** `P.data-00001-of-00002` → {prefix P, shard 1, numShards 2}. */
export function parseDataFilename(path: string): { prefix: string; shard: number; numShards: number } | null {
  const m = DATA_RE.exec(path)
  return m ? { prefix: m[1], shard: Number(m[2]), numShards: Number(m[3]) } : null
}
