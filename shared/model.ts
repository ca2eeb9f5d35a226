/**
 * Plain-data model of an opened checkpoint, as it crosses IPC, HTTP and the CLI's --json.
 * Pure TypeScript: no node:*, no electron, no DOM (this folder is VS Code's `common/`).
 */

/** How the bytes on disk are organised. */
export type CheckpointFormat = 'tf2' | 'tf1' | 'v1' | 'savedmodel'

/** TensorFlow's dtype names as Python prints them (`tf.float32.name`), or `unknown(N)` for an unknown enum value. */
export type DTypeName = string

export interface SliceExtent {
  start: number
  /** -1 means the whole dimension (TF's kFullExtent). */
  length: number
}

export interface TensorSlice {
  /** One extent per dimension of the full tensor. */
  extents: SliceExtent[]
  /** The key under which this slice's bytes are stored (binary keys rendered with \xNN escapes). */
  key: string
  shape: number[]
  shard: number
  offset: number
  size: number
  crc32c: number
}

/** What a tensor is, decided from the object graph (TF2) or TF1 naming, never from key text alone in TF2. */
export type TensorRole =
  | 'variable'
  | 'slot' // optimizer slot variable (m, v, rms, accumulator, ...)
  | 'optimizer' // optimizer's own state (iterations, learning_rate, beta1_power, new-style optimizer/_variables/N)
  | 'save_counter'
  | 'global_step'
  | 'object_graph' // _CHECKPOINTABLE_OBJECT_GRAPH
  | 'other' // non-variable attribute (hash-table export, OBJECT_CONFIG_JSON, py_state, ...)

export interface TensorInfo {
  key: string
  dtype: DTypeName
  /** Numeric DataType enum value as stored. */
  dtypeEnum: number
  shape: number[]
  numElements: number
  shard: number
  offset: number
  size: number
  /** Masked CRC32C as stored in the entry, or null for partitioned (sliced) full entries. */
  crc32c: number | null
  /** Present for a partitioned variable: the full variable is listed once, with its slices. */
  slices?: TensorSlice[]
  role: TensorRole
  /** TF pretty name of the owning object, e.g. `(root).model.layer_with_weights-0.kernel`, when known. */
  objectPath?: string
  /** For slots: the slot name ('m', 'v', 'Adam_1', ...) and the key of the variable it belongs to. */
  slotName?: string
  slotOfKey?: string
}

export interface ObjectGraphChild {
  nodeId: number
  localName: string
}

export interface ObjectGraphAttribute {
  name: string
  fullName: string
  checkpointKey: string
}

export interface ObjectGraphSlotRef {
  originalVariableNodeId: number
  slotName: string
  slotVariableNodeId: number
}

export interface ObjectGraphNode {
  id: number
  /** TF pretty name: `(root)`, `(root).model.dense.kernel`, `(root).optimizer's state 'm' for (root).model.dense.kernel`; null when unreachable. */
  path: string | null
  children: ObjectGraphChild[]
  attributes: ObjectGraphAttribute[]
  slotVariables: ObjectGraphSlotRef[]
  /** has_checkpoint_values when the field was written, else null. */
  hasCheckpointValues: boolean | null
  registeredSaver: string | null
}

export interface ObjectGraph {
  nodes: ObjectGraphNode[]
}

/** Display kind of a tree row; drives the icon. */
export type TreeNodeKind =
  | 'root'
  | 'object' // a trackable with children (layer, model, container)
  | 'scope' // TF1 name scope or a directory-like prefix
  | 'variable'
  | 'slot'
  | 'optimizer'
  | 'save_counter'
  | 'tensor' // a non-variable tensor (attribute) or a TF1 leaf that is not a variable of a known kind
  | 'object_graph'

/**
 * One row of the unified tree (TF2 object graph, TF1 name tree, SavedModel). Flat array, parent links by index,
 * so 100k rows cost one array and virtualize directly.
 */
export interface TreeNode {
  /** Index in the `tree` array. */
  index: number
  parent: number | null
  children: number[]
  /** Local name shown on the row (edge name or the `/`-segment). */
  name: string
  /** Full path: TF pretty name for TF2, `a/b/c` for TF1. */
  path: string
  kind: TreeNodeKind
  /** Object-graph node id (TF2). */
  nodeId?: number
  /** Tensor keys held directly by this node (its attributes or the TF1 variable). */
  keys: string[]
  /** Slots of this variable: slot name → tree index of the slot row. */
  slots?: { slotName: string; optimizerPath: string; index: number }[]
  /** For a slot row: the tree index of its variable. */
  slotOf?: number
  /** Number of tensors in this subtree (for collapsed rows). */
  tensorCount: number
  /** Bytes in this subtree. */
  byteCount: number
}

export interface BundleHeader {
  numShards: number
  endianness: 'little' | 'big'
  version: { producer: number; minConsumer: number; badConsumers: number[] }
}

export interface CheckpointFile {
  path: string
  size: number
  role: 'index' | 'data' | 'state' | 'savedmodel' | 'meta' | 'v1' | 'other'
}

/** One checkpoint of a directory (from its `checkpoint` state file or found beside it). */
export interface CheckpointListEntry {
  prefix: string
  /** Name as written in the state file or found on disk (`ckpt-3`). */
  name: string
  step: number | null
  /** Seconds since the epoch when the state file records it. */
  timestamp: number | null
  latest: boolean
  /** Named by the state file (false: found on disk only). */
  inStateFile: boolean
  exists: boolean
}

export interface SignatureTensor {
  name: string
  dtype: DTypeName
  shape: number[] | null
  tensorName: string
}

export interface SignatureSummary {
  key: string
  methodName: string
  inputs: SignatureTensor[]
  outputs: SignatureTensor[]
}

export interface SavedModelSummary {
  tags: string[][]
  tensorflowVersion: string | null
  signatures: SignatureSummary[]
  /** Whether the object graph came from saved_model.pb because the bundle had none. */
  objectGraphFromSavedModel: boolean
}

export interface CheckpointSummary {
  /** Handle for later calls on this checkpoint. */
  id: string
  format: CheckpointFormat
  /** The checkpoint prefix (or the V1 file). */
  prefix: string
  /** The path the user opened. */
  openedPath: string
  files: CheckpointFile[]
  header: BundleHeader | null
  tensors: TensorInfo[]
  objectGraph: ObjectGraph | null
  tree: TreeNode[]
  /** Checkpoints of the directory, when it has several or a state file. */
  checkpoints: CheckpointListEntry[]
  savedModel: SavedModelSummary | null
  /** Things worth saying that are not errors (stale state-file paths resolved, unknown dtypes, ...). */
  notes: string[]
  totalBytes: number
}

export interface TensorValues {
  key: string
  dtype: DTypeName
  shape: number[]
  offset: number
  limit: number
  total: number
  /**
   * Decoded values. Numbers for numeric dtypes; `bigint`-like 64-bit integers come as decimal strings when
   * beyond 2^53; booleans as booleans; complex as [re, im]; strings as text when valid UTF-8 else
   * `\xNN`-escaped; unknown dtypes as hex of the raw bytes.
   */
  values: (number | string | boolean | [number, number])[]
  /** Text of the values printed like numpy (`array([...], dtype=float32)`). */
  text?: string
}

export interface VerifyProblem {
  kind: 'tensor-crc' | 'block-crc' | 'missing-shard' | 'out-of-range' | 'size' | 'parse'
  key?: string
  file: string
  message: string
}

export interface VerifyReport {
  ok: boolean
  tensorsChecked: number
  blocksChecked: number
  bytesChecked: number
  problems: VerifyProblem[]
}
