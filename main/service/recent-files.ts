import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

/** Most-recent-first list of opened paths, persisted as JSON (Electron: userData; others: in memory). */
export class RecentFiles {
  private items: string[] = []
  private loaded = false

  constructor(
    private readonly file: string | null,
    private readonly max = 15,
  ) {}

  async list(): Promise<string[]> {
    await this.load()
    return [...this.items]
  }

  async add(path: string): Promise<void> {
    await this.load()
    this.items = [path, ...this.items.filter((p) => p !== path)].slice(0, this.max)
    if (!this.file) return
    await mkdir(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp-${process.pid}`
    await writeFile(tmp, JSON.stringify(this.items, null, 2))
    await rename(tmp, this.file)
  }

  private async load(): Promise<void> {
    if (this.loaded || !this.file) return
    this.loaded = true
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'))
      if (Array.isArray(parsed)) this.items = parsed.filter((p): p is string => typeof p === 'string').slice(0, this.max)
    } catch {
      this.items = [] // missing or unreadable list: start empty
    }
  }
}
