/**
 * Byte counts as people type them (`--max-shard-size 500MB`, a field in the export dialog). Units follow GNU
 * coreutils: K/M/G/T and KiB/MiB/GiB/TiB are powers of 1024, KB/MB/GB/TB powers of 1000; case does not matter.
 */
const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kib: 1024,
  kb: 1000,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  mb: 1000 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
  gb: 1000 ** 3,
  t: 1024 ** 4,
  tib: 1024 ** 4,
  tb: 1000 ** 4,
}

/** `500MB` → 500000000, `2GiB` → 2147483648, `1.5K` → 1536; null for anything else (or a result below 1 byte). */
export function parseByteSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text)
  if (!m) return null
  const unit = UNITS[m[2].toLowerCase()]
  if (unit === undefined) return null
  const n = Math.floor(Number(m[1]) * unit)
  return Number.isSafeInteger(n) && n >= 1 ? n : null
}
