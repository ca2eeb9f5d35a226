/**
 * A stats worker thread. It reads each job's byte range itself (own descriptors, positional reads into two
 * reused buffers: the next job is read while this one computes) and answers with small mergeable results.
 * Built to out/main/stats-worker.js; run from the .ts source under tests (see worker-script.ts).
 * Imports stay relative and free of `@shared` so the worker loads the same way in both.
 */
import { close, fstat, open, read } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { crc32c } from '../format/crc32c'
import { elementFormat } from './block-decode'
import { finishWhole } from './exact-quantiles'
import { binSpec, keyMask } from './histogram'
import { OverviewScratch, overviewRun } from './overview-kernel'
import { ScanKernel } from './scan-kernel'
import { warmUp } from './warm-up'
import { JOB_BYTES, type FileRef, type FromWorker, type Job, type Task, type TaskResult, type ToWorker, type WorkerError } from './worker-protocol'

const port = parentPort
if (!port) throw new Error('stats-worker must run in a worker thread')

const kernel = new ScanKernel()
const overview = new OverviewScratch()
// two read buffers: one computing, one being filled with the next job
const buffers = [new Uint8Array(JOB_BYTES), new Uint8Array(JOB_BYTES)]

class JobError extends Error {
  constructor(readonly detail: WorkerError) {
    super(detail.message)
  }
}

const p = <T>(f: (cb: (err: NodeJS.ErrnoException | null, v: T) => void) => void) =>
  new Promise<T>((resolve, reject) => f((err, v) => (err ? reject(err) : resolve(v))))

/** Open descriptors by path, checked against the size and mtime the main thread saw. */
const files = new Map<string, { fd: number; ref: FileRef }>()

async function fdFor(ref: FileRef): Promise<number> {
  const have = files.get(ref.path)
  if (have && have.ref.size === ref.size && have.ref.mtimeMs === ref.mtimeMs) return have.fd
  if (have) {
    files.delete(ref.path)
    close(have.fd, () => undefined)
  }
  let fd: number
  try {
    fd = await p<number>((cb) => open(ref.path, 'r', cb))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not-found' : 'io'
    throw new JobError({ code, message: `Cannot open: ${(e as Error).message}`, file: ref.path })
  }
  const st = await p<import('node:fs').Stats>((cb) => fstat(fd, cb))
  if (st.size !== ref.size || st.mtimeMs !== ref.mtimeMs) {
    close(fd, () => undefined)
    throw new JobError({ code: 'changed', message: 'The file changed on disk while it was being read', file: ref.path })
  }
  files.set(ref.path, { fd, ref })
  return fd
}

/**
 * Reads a job's range to the start of a buffer: a job starts at its first tensor (or at a segment boundary of
 * one), so those elements sit aligned for typed-array views wherever the tensor lies in the file (tensors are
 * packed back to back, after strings of any length).
 */
async function readJob(job: Job, buf: Uint8Array): Promise<Uint8Array> {
  const fd = await fdFor(job.file)
  let done = 0
  while (done < job.length) {
    const n = await p<number>((cb) => read(fd, buf, done, job.length - done, job.offset + done, cb))
    if (n === 0) throw new JobError({ code: 'truncated', message: 'File ended early (was it truncated while open?)', file: job.file.path, offset: job.offset + done })
    done += n
  }
  return buf.subarray(0, job.length)
}

function runTask(t: Task, data: Uint8Array): TaskResult {
  const bytes = data.subarray(t.at, t.at + t.length)
  if (t.kind === 'crc') return { kind: 'crc', crc: crc32c(bytes) }
  const fmt = elementFormat(t.dtype)
  if (!fmt) throw new JobError({ code: 'internal', message: `No numeric decoding for dtype ${t.dtype}` })
  switch (t.kind) {
    case 'scan': {
      const partial = kernel.scan(fmt, bytes)
      const whole = t.whole ? finishWhole(kernel, fmt, bytes, partial, t.whole.bins) : undefined
      return { kind: 'scan', partial, crc: t.crc ? crc32c(bytes) : undefined, whole }
    }
    case 'histogram': {
      const counts = new Float64Array(t.bins)
      kernel.histogram(fmt, bytes, binSpec(t.min, t.max, t.bins), counts, keyMask(t.ambiguous))
      return { kind: 'histogram', counts }
    }
    case 'overview':
      return { kind: 'overview', partial: overviewRun(fmt, bytes, t.firstElement, t.geometry, overview) }
  }
}

/**
 * Buffers to transfer with a job's results. The sketches (and histograms) of a job's tasks are first packed
 * into one buffer each, the tasks keeping views into it: a batch of 500 tiny tensors then moves 3 buffers
 * instead of 1000+, which the receiving side would otherwise allocate and later collect one by one.
 */
function pack(results: TaskResult[]): ArrayBuffer[] {
  const scans = results.filter((r): r is Extract<TaskResult, { kind: 'scan' }> => r.kind === 'scan')
  const out: ArrayBuffer[] = []
  if (scans.length) {
    const total = scans.reduce((n, r) => n + r.partial.sketch.keys.length, 0)
    const keys = new Uint16Array(total)
    const counts = new Uint32Array(total)
    let at = 0
    for (const r of scans) {
      const s = r.partial.sketch
      keys.set(s.keys, at)
      counts.set(s.counts, at)
      r.partial.sketch = { keys: keys.subarray(at, at + s.keys.length), counts: counts.subarray(at, at + s.keys.length) }
      at += s.keys.length
    }
    out.push(keys.buffer, counts.buffer)
    const hists = scans.filter((r) => r.whole?.histogram)
    if (hists.length) {
      const all = new Float64Array(hists.reduce((n, r) => n + r.whole!.histogram!.length, 0))
      at = 0
      for (const r of hists) {
        const h = r.whole!.histogram!
        all.set(h, at)
        r.whole!.histogram = all.subarray(at, at + h.length)
        at += h.length
      }
      out.push(all.buffer)
    }
  }
  for (const r of results) {
    if (r.kind === 'histogram') out.push(r.counts.buffer as ArrayBuffer)
    else if (r.kind === 'overview') out.push(...[r.partial.sum, r.partial.count, r.partial.maxAbs, r.partial.nonFinite].map((a) => a.buffer as ArrayBuffer))
  }
  return out
}

const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer)

type Settled = { ok: true; data: Uint8Array } | { ok: false; error: unknown }
const settle = (pr: Promise<Uint8Array>): Promise<Settled> => pr.then((data) => ({ ok: true as const, data }), (error) => ({ ok: false as const, error }))

const queue: Job[] = []
let running = false
let slot = 0

/** Jobs in arrival order; the next job's read is started before this one's computation. */
async function drain(): Promise<void> {
  running = true
  let ahead: { job: Job; data: Promise<Settled> } | null = null
  while (ahead || queue.length) {
    let cur = ahead
    if (!cur) {
      const job = queue.shift()!
      cur = { job, data: settle(readJob(job, buffers[slot])) }
      slot ^= 1
    }
    ahead = null
    const got = await cur.data
    if (queue.length) {
      const next = queue.shift()!
      ahead = { job: next, data: settle(readJob(next, buffers[slot])) }
      slot ^= 1
    }
    try {
      if (!got.ok) throw got.error
      const results = cur.job.tasks.map((t) => runTask(t, got.data))
      post({ type: 'done', id: cur.job.id, results }, pack(results))
    } catch (e) {
      const error: WorkerError = e instanceof JobError ? e.detail : { code: 'internal', message: e instanceof Error ? e.message : String(e) }
      post({ type: 'failed', id: cur.job.id, error })
    }
  }
  running = false
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'job') {
    queue.push(m.job)
    if (!running) void drain()
  } else if (m.type === 'release') {
    for (const { fd } of files.values()) close(fd, () => undefined)
    files.clear()
  }
})

warmUp(kernel)
post({ type: 'ready' })
