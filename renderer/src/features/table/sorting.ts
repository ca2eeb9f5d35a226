/** Cheap comparators for 100k-row sorts: natural order via cached padded keys, shapes by rank then dims. */

const natCache = new Map<string, string>()
const NAT_CACHE_LIMIT = 400_000

/** `layer-2` sorts before `layer-10`: digit runs are zero-padded once and cached. */
export function naturalKey(s: string): string {
  let k = natCache.get(s)
  if (k === undefined) {
    k = /\d/.test(s) ? s.replace(/\d+/g, (d) => (d.length >= 15 ? d : d.padStart(15, '0'))) : s
    if (natCache.size >= NAT_CACHE_LIMIT) natCache.clear()
    natCache.set(s, k)
  }
  return k
}

export function compareNatural(a: string, b: string): number {
  const x = naturalKey(a)
  const y = naturalKey(b)
  return x < y ? -1 : x > y ? 1 : 0
}

export function compareShapes(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return a.length - b.length
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return 0
}
