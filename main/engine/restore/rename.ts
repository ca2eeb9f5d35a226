import { formatMappingArg } from './assignment-map'
import type { MatchReport, RenameCandidate, SuggestedMapping } from './types'

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

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (!a.length && !b.length) return 1
  const count = (xs: readonly string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())
  const ca = count(a)
  const cb = count(b)
  let inter = 0
  let union = 0
  for (const k of new Set([...ca.keys(), ...cb.keys()])) {
    inter += Math.min(ca.get(k) ?? 0, cb.get(k) ?? 0)
    union += Math.max(ca.get(k) ?? 0, cb.get(k) ?? 0)
  }
  return inter / union
}

/**
 * Path-token similarity in 0..1: mostly whether the leaf names agree (a kernel stays a kernel), then the word pieces
 * the whole paths share, then how many trailing local names agree.
 */
export function pathSimilarity(a: string, b: string): number {
  const sa = pathSegments(a)
  const sb = pathSegments(b)
  const leafA = sa[sa.length - 1] ?? ''
  const leafB = sb[sb.length - 1] ?? ''
  const leaf = leafA === leafB ? 1 : 0.8 * jaccard(pieces(leafA), pieces(leafB))
  const words = jaccard(sa.flatMap(pieces), sb.flatMap(pieces))
  let suffix = 0
  while (suffix < Math.min(sa.length, sb.length) && sa[sa.length - 1 - suffix] === sb[sb.length - 1 - suffix]) suffix++
  const longest = Math.max(sa.length, sb.length, 1)
  return 0.45 * leaf + 0.35 * words + 0.2 * (suffix / longest)
}

const sameShape = (a: readonly number[] | null, b: readonly number[] | null) => a !== null && b !== null && a.length === b.length && a.every((d, i) => d === b[i])

/**
 * Pairs unmatched checkpoint variables with unmatched model variables of the same shape and dtype at similar paths,
 * one to one: the best-scoring pairs first, ties broken by keeping the two sides' orders aligned.
 */
export function findRenameCandidates(sources: readonly RenameSide[], targets: readonly RenameSide[]): RenameCandidate[] {
  const pairs: { s: number; t: number; score: number; order: number }[] = []
  sources.forEach((src, s) => {
    targets.forEach((tgt, t) => {
      if (src.dtype !== tgt.dtype || !sameShape(src.shape, tgt.shape)) return
      const score = pathSimilarity(src.path, tgt.path)
      if (score >= MIN_SCORE) pairs.push({ s, t, score, order: Math.abs(s / Math.max(sources.length, 1) - t / Math.max(targets.length, 1)) })
    })
  })
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
