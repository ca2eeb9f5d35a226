/**
 * Globs over checkpoint keys (`/`-separated) and object paths (`.`-separated): `*` matches within one segment,
 * `**` across segments (also none: `a/**` matches `a` and everything below it), `?` one character of a segment.
 * Everything else is literal, so key characters like `.` or `-` need no escaping.
 */
export function compileGlob(pattern: string, separator: '/' | '.'): RegExp {
  const sep = escapeRegExp(separator)
  const notSep = `[^${sep}]`
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '*' && pattern[i + 1] === '*') {
      i++
      const before = pattern[i - 2]
      const after = pattern[i + 1]
      if (after === separator && (before === undefined || before === separator)) {
        // `**/` : zero or more whole segments.
        re += `(?:.*${sep})?`
        i++
      } else if (before === separator && after === undefined) {
        // `a/**` : `a` itself or anything below it.
        re = `${re.slice(0, -sep.length)}(?:${sep}.*)?`
      } else {
        re += '.*'
      }
    } else if (c === '*') {
      re += `${notSep}*`
    } else if (c === '?') {
      re += notSep
    } else {
      re += escapeRegExp(c)
    }
  }
  return new RegExp(`^${re}$`, 'u')
}

/** Tests a tensor's key (with `/` segments) and object path (with `.` segments) against compiled patterns. */
export class GlobSet {
  private readonly patterns: { key: RegExp; path: RegExp }[]

  constructor(patterns: readonly string[]) {
    this.patterns = patterns.map((p) => ({ key: compileGlob(p, '/'), path: compileGlob(stripRoot(p), '.') }))
  }

  get size(): number {
    return this.patterns.length
  }

  matches(key: string, objectPath?: string): boolean {
    const path = objectPath === undefined ? undefined : stripRoot(objectPath)
    return this.patterns.some((p) => p.key.test(key) || (path !== undefined && p.path.test(path)))
  }
}

/** Object paths are written with or without TF's `(root).` prefix. */
export function stripRoot(path: string): string {
  if (path === '(root)') return ''
  return path.startsWith('(root).') ? path.slice('(root).'.length) : path
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
