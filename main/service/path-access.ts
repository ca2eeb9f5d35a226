import { realpathSync } from 'node:fs'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { CheckpointError } from '@shared/errors'

/**
 * Which parts of the file system a surface may open. Roots are granted by the user's own acts (command line,
 * open dialog, drag-and-drop, the browser path field after token auth); every open() is checked against them.
 * Symlinks are resolved first so a link inside a root cannot point outside it.
 */
export class PathAccess {
  private readonly roots = new Set<string>()

  constructor(private readonly mode: 'any' | 'granted') {}

  /** Grants a path and, for a file or a checkpoint prefix, its directory (its shards and siblings live there). */
  grant(path: string): void {
    const abs = canonical(resolve(path))
    this.roots.add(abs)
    this.roots.add(dirname(abs))
  }

  /** Grants a directory tree exactly (no parent). */
  grantTree(dir: string): void {
    this.roots.add(canonical(resolve(dir)))
  }

  get grantedRoots(): string[] {
    return [...this.roots]
  }

  /** Absolute, symlink-resolved path, or a 'forbidden' CheckpointError. */
  check(path: string): string {
    if (typeof path !== 'string' || path.length === 0 || path.includes('\0')) {
      throw new CheckpointError('invalid-argument', 'A path must be a non-empty string')
    }
    const abs = canonical(resolve(path))
    if (this.mode === 'any') return abs
    for (const root of this.roots) if (isInside(abs, root)) return abs
    throw new CheckpointError('forbidden', `Not allowed to open ${abs}: it is outside the folders you opened`, {
      file: abs,
      hint: 'Open it from the app (dialog, drag-and-drop) or pass it on the command line',
    })
  }
}

export function isInside(path: string, root: string): boolean {
  if (path === root) return true
  const rel = relative(root, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`)
}

/** realpath of the longest existing ancestor, plus the rest: prefixes (`dir/ckpt-3`) are not files. */
function canonical(abs: string): string {
  let head = abs
  const tail: string[] = []
  for (;;) {
    try {
      const real = realpathSync(head)
      return tail.length ? resolve(real, ...tail.reverse()) : real
    } catch {
      const parent = dirname(head)
      if (parent === head) return abs
      tail.push(head.slice(parent.length).replace(/^[\\/]+/, ''))
      head = parent
    }
  }
}
