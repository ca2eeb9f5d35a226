/**
 * The one contract between the engine (main process) and its three surfaces: Electron IPC, the local HTTP
 * server (browser mode) and the CLI. Every method takes one plain-object request and returns a plain result,
 * wrapped in a `Result` envelope on the wire so typed errors survive the trip.
 */
import type { CheckpointSummary, TensorValues, VerifyReport } from './model'
import type { SerializedError } from './errors'

export type Result<T> = { ok: true; value: T } | { ok: false; error: SerializedError }

export interface OpenRequest {
  path: string
  /** For a directory: which of its checkpoints (prefix as listed); the latest by default. */
  checkpoint?: string
}

export interface HandleRequest {
  id: string
}

export interface ReadTensorRequest {
  id: string
  key: string
  /** First flat element (row-major). */
  offset?: number
  /** Elements to return; capped by the engine. */
  limit?: number
}

export interface VerifyRequest {
  id: string
  /** Correlates progress events with this call. */
  taskId?: string
}

export interface ProgressEvent {
  taskId: string
  phase: string
  done: number
  total: number
}

export interface AppInfo {
  version: string
  /** 'electron' | 'browser' | 'cli' */
  surface: string
  /** Paths given on the command line, to open at start. */
  initialPaths: string[]
}

/** Method name → request/response. Channel names on IPC are `ckpt:<method>`, HTTP routes `/api/<method>`. */
export interface ApiMethods {
  appInfo: { req: Record<string, never>; res: AppInfo }
  open: { req: OpenRequest; res: CheckpointSummary }
  close: { req: HandleRequest; res: null }
  readTensor: { req: ReadTensorRequest; res: TensorValues }
  verify: { req: VerifyRequest; res: VerifyReport }
  recentFiles: { req: Record<string, never>; res: string[] }
  cancel: { req: { taskId: string }; res: null }
}

export type ApiMethod = keyof ApiMethods
export type ApiRequest<M extends ApiMethod> = ApiMethods[M]['req']
export type ApiResponse<M extends ApiMethod> = ApiMethods[M]['res']

export const API_METHODS = ['appInfo', 'open', 'close', 'readTensor', 'verify', 'recentFiles', 'cancel'] as const satisfies readonly ApiMethod[]

/** The engine-side implementation every surface calls. Methods throw CheckpointError; transports wrap it. */
export type ApiHandlers = { [M in ApiMethod]: (req: ApiRequest<M>, ctx: CallContext) => Promise<ApiResponse<M>> }

export interface CallContext {
  /** Progress sink for long calls (verify, later stats/export). */
  progress?: (e: ProgressEvent) => void
}

/** What the renderer sees as `window.api` (Electron) or its HTTP twin (browser mode). Throws CheckpointError. */
export type CheckpointApi = { [M in ApiMethod]: (req: ApiRequest<M>) => Promise<ApiResponse<M>> } & {
  onProgress(listener: (e: ProgressEvent) => void): () => void
}

export const IPC_CHANNEL_PREFIX = 'ckpt:'
export const IPC_PROGRESS_CHANNEL = 'ckpt:progress'
export const HTTP_API_PREFIX = '/api/'
export const HTTP_TOKEN_HEADER = 'x-ckpt-token'
