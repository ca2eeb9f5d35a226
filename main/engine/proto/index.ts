/**
 * The engine's only door to protobuf. Importing it disables protobufjs' Long first, so int64 fields decode as
 * numbers; everything exported returns plain objects and throws CheckpointError('bad-proto') on bad bytes.
 */
import './long-fix'

export {
  decodeBundleEntry,
  decodeBundleHeader,
  decodeTrackableObjectGraph,
  type BundleEntry,
  type BundleHeader,
  type GraphFieldOrder,
  type ObjectReference,
  type RegisteredSaver,
  type SerializedTensor,
  type SlotVariableReference,
  type TensorShape,
  type TrackableObject,
  type TrackableObjectGraph,
  type VersionDef,
  type Where,
} from './decode'
export {
  encodeBundleEntry,
  encodeBundleHeader,
  encodeTensorShape,
  encodeTensorSlice,
  encodeTrackableObjectGraph,
  type BundleEntryInput,
  type BundleHeaderInput,
} from './encode'
export {
  decodeSavedModel,
  type MetaGraphProto,
  type SavedModelProto,
  type SavedObjectKind,
  type SavedObjectProto,
  type SavedVariableProto,
  type SignatureDefProto,
  type TensorInfoProto,
} from './saved-model-proto'
export {
  decodeSavedSlice,
  decodeSavedTensorSliceMeta,
  decodeSavedTensorSlices,
  type SavedSliceMetaValue,
  type SavedSliceValue,
  type SavedTensorSliceMetaValue,
  type SavedTensorSlicesValue,
} from './saved-tensor-slices'
export { decodeTensorProto, type TensorProtoValue } from './tensor-proto'
export { formatCheckpointState, formatPythonFloat, parseCheckpointState, type CheckpointStateText } from './text-format'
