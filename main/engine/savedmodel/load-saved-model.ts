import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SavedModelSummary, SignatureTensor } from '@shared/model'
import { dtypeName } from '../dtypes/dtype'
import type { RawGraphNode } from '../graph/object-graph'
import { escapeLocalName } from '../write/object-graph-builder'
import { decodeSavedModel, type MetaGraphProto, type TensorInfoProto } from '../proto/saved-model-proto'

export interface LoadedSavedModel {
  summary: SavedModelSummary
  /**
   * The SavedObjectGraph as a trackable graph, for bundles written without `_CHECKPOINTABLE_OBJECT_GRAPH`:
   * variable nodes get the attribute key TF would have used, when the bundle holds it.
   */
  objectGraph: ((keys: Set<string>) => RawGraphNode[] | null) | null
}

/** saved_model.pb → signatures, tags and the object graph of the `serve` meta graph (or the first). */
export async function loadSavedModel(dir: string, notes: string[]): Promise<LoadedSavedModel | null> {
  const file = join(dir, 'saved_model.pb')
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch {
    notes.push(`${dir} has no binary saved_model.pb (a .pbtxt is not read); showing its variables only.`)
    return null
  }
  const sm = decodeSavedModel(bytes, { file })
  const mg: MetaGraphProto | undefined = sm.metaGraphs.find((m) => m.metaInfo?.tags.includes('serve')) ?? sm.metaGraphs[0]
  const summary: SavedModelSummary = {
    tags: sm.metaGraphs.map((m) => m.metaInfo?.tags ?? []),
    tensorflowVersion: mg?.metaInfo?.tensorflowVersion || null,
    signatures: (mg?.signatureDefs ?? []).map((s) => ({
      key: s.key,
      methodName: s.methodName,
      inputs: s.inputs.map(({ key, info }) => signatureTensor(key, info)),
      outputs: s.outputs.map(({ key, info }) => signatureTensor(key, info)),
    })),
    objectGraphFromSavedModel: false,
  }
  const og = mg?.objectGraph
  const objectGraph =
    og && og.nodes.length
      ? (keys: Set<string>): RawGraphNode[] | null => {
          summary.objectGraphFromSavedModel = true
          const paths = bfsPaths(og.nodes.map((n) => n.children))
          return og.nodes.map((n, id) => {
            const key = `${paths[id]}/.ATTRIBUTES/VARIABLE_VALUE`
            const attributes = n.kind === 'variable' && paths[id] !== null && keys.has(key) ? [{ name: 'VARIABLE_VALUE', fullName: n.variable?.name ?? '', checkpointKey: key }] : []
            return { children: n.children, attributes, slotVariables: n.slotVariables, hasCheckpointValues: null, registeredSaver: n.registeredSaver || null }
          })
        }
      : null
  return { summary, objectGraph }
}

function signatureTensor(name: string, info: TensorInfoProto): SignatureTensor {
  return {
    name,
    dtype: dtypeName(info.dtype),
    shape: info.shape && !info.shape.unknownRank ? info.shape.dims : null,
    tensorName: info.name || (info.encoding ?? ''),
  }
}

/** Escaped key paths of each node along BFS-first edges (how TF keys the bundle). */
function bfsPaths(children: { nodeId: number; localName: string }[][]): (string | null)[] {
  const paths: (string | null)[] = new Array(children.length).fill(null)
  paths[0] = ''
  const queue = [0]
  for (let qi = 0; qi < queue.length; qi++) {
    const id = queue[qi]
    for (const c of children[id] ?? []) {
      if (c.nodeId < 0 || c.nodeId >= children.length || paths[c.nodeId] !== null) continue
      paths[c.nodeId] = paths[id] === '' ? escapeLocalName(c.localName) : `${paths[id]}/${escapeLocalName(c.localName)}`
      queue.push(c.nodeId)
    }
  }
  return paths
}
