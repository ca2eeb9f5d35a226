import { formatMappingArg } from './assignment-map'
import type { MatchReport, RenameCandidate, SuggestedMapping } from '@shared/restore'

/** One side of a possible rename: an unmatched plain variable. */
export interface RenameSide {
  /** Pretty path (object addressing) or TF1 name. */
  path: string
  /** The name the mapping syntax addresses it by: a dotted object path, or a name. */
  address: string
  key: string
  shape: readonly number[] | null
  dtype: string
}

/** Below this, two paths are not called similar. */
const MIN_SCORE = 0.4

/** Local names of a path: `(root).model.dense.kernel` → model, dense, kernel; `a/b/c` → a, b, c. */
export function pathSegments(path: string): string[] {
  const rest = path.startsWith('(root).') ? path.slice('(root).'.length) : path === '(root)' ? '' : path
  return rest === '' ? [] : rest.split(/[./]/)
}

/** Word pieces: `layer_with_weights-0` → layer, with, weights, 0; `Conv2D_1` → conv, 2, d, 1. */
function pieces(segment: string): string[] {
  return segment
    .toLowerCase()
    .split(/[_\-\s:]+|(?<=\D)(?=\d)|(?<=\d)(?=\D)/)
    .filter(Boolean)
}

/** A path cut into what the score compares, computed once per value. */
interface PathTokens {
  segments: string[]
  leafPieces: string[]
  counts: Map<string, number>
  size: number
}

function tokenize(path: string): PathTokens {
  const segments = pathSegments(path)
  const all = segments.flatMap(pieces)
  const counts = new Map<string, number>()
  for (const p of all) counts.set(p, (counts.get(p) ?? 0) + 1)
  return { segments, leafPieces: pieces(segments[segments.length - 1] ?? ''), counts, size: all.length }
}

/** Multiset Jaccard of word pieces. */
function overlap(a: PathTokens, b: PathTokens): number {
  if (a.size === 0 && b.size === 0) return 1
  let inter = 0
  for (const [k, n] of a.counts) inter += Math.min(n, b.counts.get(k) ?? 0)
  return inter / (a.size + b.size - inter)
}

function leafOverlap(a: PathTokens, b: PathTokens): number {
  const x = a.leafPieces
  const y = b.leafPieces
  if (!x.length && !y.length) return 1
  const left = [...y]
  let inter = 0
  for (const p of x) {
    const i = left.indexOf(p)
    if (i >= 0) {
      inter++
      left.splice(i, 1)
    }
  }
  return inter / (x.length + y.length - inter)
}

function score(a: PathTokens, b: PathTokens): number {
  const sa = a.segments
  const sb = b.segments
  const leaf = sa[sa.length - 1] === sb[sb.length - 1] ? 1 : 0.8 * leafOverlap(a, b)
  let suffix = 0
  while (suffix < Math.min(sa.length, sb.length) && sa[sa.length - 1 - suffix] === sb[sb.length - 1 - suffix]) suffix++
  return 0.45 * leaf + 0.35 * overlap(a, b) + 0.2 * (suffix / Math.max(sa.length, sb.length, 1))
}

/**
 * Path-token similarity in 0..1: mostly whether the leaf names agree (a kernel stays a kernel), then the word pieces
 * the whole paths share, then how many trailing local names agree.
 */
export function pathSimilarity(a: string, b: string): number {
  return score(tokenize(a), tokenize(b))
}

/** Above this many pairs in one shape bucket, only pairs sharing a distinctive word piece (or position) are scored. */
const EXHAUSTIVE_PAIRS = 250_000

/**
 * Pairs unmatched checkpoint variables with unmatched model variables of the same shape and dtype at similar paths,
 * one to one: the best-scoring pairs first, ties broken by keeping the two sides' orders aligned.
 */
export function findRenameCandidates(sources: readonly RenameSide[], targets: readonly RenameSide[]): RenameCandidate[] {
  // Only values of one dtype and shape can pair.
  const signature = (x: RenameSide) => (x.shape === null ? null : `${x.dtype}:${x.shape.join(',')}`)
  const buckets = new Map<string, { s: number[]; t: number[] }>()
  const bucket = (sig: string) => buckets.get(sig) ?? buckets.set(sig, { s: [], t: [] }).get(sig)!
  sources.forEach((x, i) => {
    const sig = signature(x)
    if (sig !== null) bucket(sig).s.push(i)
  })
  targets.forEach((x, i) => {
    const sig = signature(x)
    if (sig !== null && buckets.has(sig)) bucket(sig).t.push(i)
  })
  const srcTokens = sources.map((x) => tokenize(x.path))
  const tgtTokens = targets.map((x) => tokenize(x.path))

  const pairs: { s: number; t: number; score: number; order: number }[] = []
  for (const b of buckets.values()) {
    if (!b.t.length) continue
    const candidatesOf = candidateFinder(b, srcTokens, tgtTokens)
    b.s.forEach((s, rank) => {
      for (const t of candidatesOf(s, rank)) {
        const value = score(srcTokens[s], tgtTokens[t])
        if (value >= MIN_SCORE) pairs.push({ s, t, score: value, order: Math.abs(s / sources.length - t / targets.length) })
      }
    })
  }
  pairs.sort((a, b) => b.score - a.score || a.order - b.order || a.s - b.s)
  const usedS = new Set<number>()
  const usedT = new Set<number>()
  const out: RenameCandidate[] = []
  for (const p of pairs) {
    if (usedS.has(p.s) || usedT.has(p.t)) continue
    usedS.add(p.s)
    usedT.add(p.t)
    const src = sources[p.s]
    const tgt = targets[p.t]
    out.push({ sourcePath: src.path, targetPath: tgt.path, sourceAddress: src.address, targetAddress: tgt.address, checkpointKey: src.key, score: Math.round(p.score * 1000) / 1000, shape: [...(src.shape ?? [])], dtype: src.dtype })
  }
  return out.sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0))
}

/**
 * Which model values to score against one checkpoint value. Small buckets: all. Large ones (thousands of same-shaped
 * layers): those sharing a distinctive word piece (a layer number, a rare name), plus the ones at the same relative
 * position, which keeps renamed stacks pairing layer by layer without scoring every pair.
 */
function candidateFinder(b: { s: number[]; t: number[] }, srcTokens: PathTokens[], tgtTokens: PathTokens[]): (s: number, rank: number) => Iterable<number> {
  if (b.s.length * b.t.length <= EXHAUSTIVE_PAIRS) return () => b.t
  const frequency = new Map<string, number>()
  for (const t of b.t) for (const p of tgtTokens[t].counts.keys()) frequency.set(p, (frequency.get(p) ?? 0) + 1)
  const distinctive = Math.max(8, Math.ceil(b.t.length * 0.01))
  const index = new Map<string, number[]>()
  for (const t of b.t) {
    for (const p of tgtTokens[t].counts.keys()) {
      if (frequency.get(p)! > distinctive) continue
      const list = index.get(p) ?? []
      list.push(t)
      index.set(p, list)
    }
  }
  return (s, rank) => {
    const found = new Set<number>()
    for (const p of srcTokens[s].counts.keys()) for (const t of index.get(p) ?? []) found.add(t)
    const aligned = Math.round((rank * (b.t.length - 1)) / Math.max(b.s.length - 1, 1))
    for (let d = -1; d <= 1; d++) if (b.t[aligned + d] !== undefined) found.add(b.t[aligned + d])
    return found
  }
}

/**
 * A mapping that fixes the renames: where several candidates share a renamed prefix (`model.dense` → `model.head`,
 * `old/` → `new/`), one entry for the prefix; otherwise one entry per variable. Name scopes are only suggested when
 * init_from_checkpoint would accept them (every model variable under the scope has its checkpoint counterpart).
 */
export function suggestMapping(report: Pick<MatchReport, 'renameCandidates' | 'summary' | 'targetNames'>): SuggestedMapping[] {
  const names = report.summary.addressing === 'name'
  const candidates = report.renameCandidates
  const sep = names ? '/' : '.'
  const split = (address: string) => (address === '' || address === '(root)' ? [] : address.split(sep))
  const join = (segs: string[]) => (segs.length ? segs.join(sep) : names ? '' : '(root)')

  // Group by (checkpoint prefix, model prefix) after removing the longest common trailing part.
  const groups = new Map<string, { from: string[]; to: string[]; members: RenameCandidate[] }>()
  const singles: RenameCandidate[] = []
  for (const c of candidates) {
    const a = split(c.sourceAddress)
    const b = split(c.targetAddress)
    let k = 0
    while (k < Math.min(a.length, b.length) && a[a.length - 1 - k] === b[b.length - 1 - k]) k++
    if (k === 0 || (k === a.length && k === b.length)) {
      singles.push(c)
      continue
    }
    const from = a.slice(0, a.length - k)
    const to = b.slice(0, b.length - k)
    const id = `${join(from)}\u0000${join(to)}`
    const g = groups.get(id) ?? { from, to, members: [] }
    g.members.push(c)
    groups.set(id, g)
  }

  // One checkpoint prefix can go one way only: keep the larger group, split the others into singles.
  const byFrom = new Map<string, { from: string[]; to: string[]; members: RenameCandidate[] }>()
  for (const g of [...groups.values()].sort((x, y) => y.members.length - x.members.length)) {
    const id = join(g.from)
    if (byFrom.has(id)) singles.push(...g.members)
    else byFrom.set(id, g)
  }

  const out: SuggestedMapping[] = []
  for (const g of byFrom.values()) {
    if (names) {
      const scopeFrom = g.from.length ? `${join(g.from)}/` : '/'
      const scopeTo = g.to.length ? `${join(g.to)}/` : '/'
      const prefix = g.to.length ? `${join(g.to)}/` : ''
      // init_from_checkpoint maps every model variable in the scope; refuse when some have no counterpart here.
      const covered = new Set(g.members.map((m) => m.targetAddress))
      const inScope = (report.targetNames ?? []).filter((n) => n.startsWith(prefix))
      if (g.members.length < 2 || inScope.some((n) => !covered.has(n))) {
        singles.push(...g.members)
        continue
      }
      out.push(suggestion(scopeFrom, scopeTo, 'name', g.members.length))
    } else if (g.members.length < 2 && g.from.length === 0) {
      singles.push(...g.members)
    } else {
      out.push(suggestion(join(g.from), join(g.to), 'object', g.members.length))
    }
  }
  for (const c of singles) out.push(suggestion(c.sourceAddress || join([]), c.targetAddress || join([]), names ? 'name' : 'object', 1))
  return out.sort((a, b) => b.covers - a.covers || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
}

function suggestion(from: string, to: string, kind: 'name' | 'object', covers: number): SuggestedMapping {
  return { from, to, kind, covers, arg: formatMappingArg({ from, to }) }
}
