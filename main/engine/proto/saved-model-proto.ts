/** Plain-object view of saved_model.pb (SavedModel → MetaGraphDef → SignatureDef / SavedObjectGraph). */
import { CheckpointError } from '@shared/errors'
import { tensorflow } from '@proto/gen/tf.js'
import {
  guarded,
  objectReference,
  slotVariableReference,
  tensorShape,
  type ObjectReference,
  type SlotVariableReference,
  type TensorShape,
  type VersionDef,
  type Where,
} from './decode'

export interface TensorInfoProto {
  encoding: 'name' | 'coo_sparse' | 'composite_tensor' | null
  /** The graph tensor name of a dense tensor ('' for other encodings). */
  name: string
  cooSparse: { valuesTensorName: string; indicesTensorName: string; denseShapeTensorName: string } | null
  /** Component tensors of a composite tensor. */
  components: TensorInfoProto[]
  dtype: number
  /** null when tensor_shape is absent. */
  shape: TensorShape | null
}

export interface SignatureDefProto {
  key: string
  methodName: string
  inputs: { key: string; info: TensorInfoProto }[]
  outputs: { key: string; info: TensorInfoProto }[]
}

export type SavedObjectKind =
  | 'user_object'
  | 'asset'
  | 'function'
  | 'variable'
  | 'bare_concrete_function'
  | 'constant'
  | 'resource'
  | 'captured_tensor'
  | 'unknown'

export interface SavedVariableProto {
  dtype: number
  shape: TensorShape | null
  trainable: boolean
  synchronization: number
  aggregation: number
  name: string
  device: string
}

export interface SavedObjectProto {
  children: ObjectReference[]
  dependencies: ObjectReference[]
  slotVariables: SlotVariableReference[]
  /** 'unknown' when the oneof is unset or holds a kind newer than these protos. */
  kind: SavedObjectKind
  userObject?: { identifier: string; version: VersionDef | null; metadata: string }
  variable?: SavedVariableProto
  asset?: { assetFileDefIndex: number }
  function?: { concreteFunctions: string[] }
  bareConcreteFunction?: { concreteFunctionName: string; argumentKeywords: string[]; allowedPositionalArguments: number }
  constant?: { operation: string }
  resource?: { device: string }
  capturedTensor?: { name: string; concreteFunction: string }
  saveableObjects: { key: string; saveFunction: number; restoreFunction: number }[]
  registeredName: string
  registeredSaver: string
}

export interface MetaGraphProto {
  metaInfo: {
    metaGraphVersion: string
    tags: string[]
    tensorflowVersion: string
    tensorflowGitVersion: string
    strippedDefaultAttrs: boolean
  } | null
  /** Byte length of the (undecoded) GraphDef; 0 when absent. */
  graphDefSize: number
  signatureDefs: SignatureDefProto[]
  assetFileDefs: { filename: string; tensorInfo: TensorInfoProto | null }[]
  /** null for TF1 SavedModels (no object graph). */
  objectGraph: { nodes: SavedObjectProto[]; concreteFunctionNames: string[] } | null
}

export interface SavedModelProto {
  schemaVersion: number
  metaGraphs: MetaGraphProto[]
}

type Msg<T> = T | null | undefined

function tensorInfo(t: tensorflow.TensorInfo.$Properties): TensorInfoProto {
  const enc = (t as tensorflow.TensorInfo).encoding
  const coo = t.cooSparse
  return {
    encoding: enc === 'name' ? 'name' : enc === 'cooSparse' ? 'coo_sparse' : enc === 'compositeTensor' ? 'composite_tensor' : null,
    name: t.name ?? '',
    cooSparse: coo
      ? { valuesTensorName: coo.valuesTensorName ?? '', indicesTensorName: coo.indicesTensorName ?? '', denseShapeTensorName: coo.denseShapeTensorName ?? '' }
      : null,
    components: (t.compositeTensor?.components ?? []).map(tensorInfo),
    dtype: t.dtype ?? 0,
    shape: t.tensorShape ? tensorShape(t.tensorShape) : null,
  }
}

function entries<V>(m: Msg<Record<string, V>>): [string, V][] {
  return m ? Object.entries(m) : []
}

function signatureDef(key: string, s: tensorflow.SignatureDef.$Properties): SignatureDefProto {
  return {
    key,
    methodName: s.methodName ?? '',
    inputs: entries(s.inputs).map(([k, v]) => ({ key: k, info: tensorInfo(v) })),
    outputs: entries(s.outputs).map(([k, v]) => ({ key: k, info: tensorInfo(v) })),
  }
}

const KIND: Record<string, SavedObjectKind> = {
  userObject: 'user_object',
  asset: 'asset',
  function: 'function',
  variable: 'variable',
  bareConcreteFunction: 'bare_concrete_function',
  constant: 'constant',
  resource: 'resource',
  capturedTensor: 'captured_tensor',
}

function savedVariable(v: tensorflow.SavedVariable.$Properties): SavedVariableProto {
  return {
    dtype: v.dtype ?? 0,
    shape: v.shape ? tensorShape(v.shape) : null,
    trainable: !!v.trainable,
    synchronization: v.synchronization ?? 0,
    aggregation: v.aggregation ?? 0,
    name: v.name ?? '',
    device: v.device ?? '',
  }
}

function savedObject(o: tensorflow.SavedObject): SavedObjectProto {
  const out: SavedObjectProto = {
    children: (o.children ?? []).map(objectReference),
    dependencies: (o.dependencies ?? []).map(objectReference),
    slotVariables: (o.slotVariables ?? []).map(slotVariableReference),
    kind: (o.kind && KIND[o.kind]) || 'unknown',
    saveableObjects: entries(o.saveableObjects).map(([key, s]) => ({ key, saveFunction: s.saveFunction ?? 0, restoreFunction: s.restoreFunction ?? 0 })),
    registeredName: o.registeredName ?? '',
    registeredSaver: o.registeredSaver ?? '',
  }
  switch (out.kind) {
    case 'user_object': {
      const u = o.userObject!
      const v = u.version
      out.userObject = {
        identifier: u.identifier ?? '',
        version: v ? { producer: v.producer ?? 0, minConsumer: v.minConsumer ?? 0, badConsumers: [...(v.badConsumers ?? [])] } : null,
        metadata: u.metadata ?? '',
      }
      break
    }
    case 'variable':
      out.variable = savedVariable(o.variable!)
      break
    case 'asset':
      out.asset = { assetFileDefIndex: o.asset!.assetFileDefIndex ?? 0 }
      break
    case 'function':
      out.function = { concreteFunctions: [...(o.function!.concreteFunctions ?? [])] }
      break
    case 'bare_concrete_function': {
      const b = o.bareConcreteFunction!
      out.bareConcreteFunction = {
        concreteFunctionName: b.concreteFunctionName ?? '',
        argumentKeywords: [...(b.argumentKeywords ?? [])],
        allowedPositionalArguments: Number(b.allowedPositionalArguments ?? 0),
      }
      break
    }
    case 'constant':
      out.constant = { operation: o.constant!.operation ?? '' }
      break
    case 'resource':
      out.resource = { device: o.resource!.device ?? '' }
      break
    case 'captured_tensor':
      out.capturedTensor = { name: o.capturedTensor!.name ?? '', concreteFunction: o.capturedTensor!.concreteFunction ?? '' }
      break
  }
  return out
}

function metaGraph(g: tensorflow.MetaGraphDef): MetaGraphProto {
  const mi = g.metaInfoDef
  const og = g.objectGraphDef
  return {
    metaInfo: mi
      ? {
          metaGraphVersion: mi.metaGraphVersion ?? '',
          tags: [...(mi.tags ?? [])],
          tensorflowVersion: mi.tensorflowVersion ?? '',
          tensorflowGitVersion: mi.tensorflowGitVersion ?? '',
          strippedDefaultAttrs: !!mi.strippedDefaultAttrs,
        }
      : null,
    graphDefSize: g.graphDef?.length ?? 0,
    signatureDefs: entries(g.signatureDef).map(([k, v]) => signatureDef(k, v)),
    assetFileDefs: (g.assetFileDef ?? []).map((a) => ({ filename: a.filename ?? '', tensorInfo: a.tensorInfo ? tensorInfo(a.tensorInfo) : null })),
    objectGraph: og
      ? { nodes: (og.nodes ?? []).map((n) => savedObject(n as tensorflow.SavedObject)), concreteFunctionNames: Object.keys(og.concreteFunctions ?? {}) }
      : null,
  }
}

export function decodeSavedModel(bytes: Uint8Array, where: Where = {}): SavedModelProto {
  const m = guarded('SavedModel', where, () => tensorflow.SavedModel.decode(bytes))
  if (m.metaGraphs.length === 0) {
    throw new CheckpointError('bad-proto', 'Cannot parse SavedModel: it holds no MetaGraphDef', { file: where.file, key: where.key })
  }
  return { schemaVersion: Number(m.savedModelSchemaVersion), metaGraphs: m.metaGraphs.map((g) => metaGraph(g as tensorflow.MetaGraphDef)) }
}
