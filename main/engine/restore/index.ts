/**
 * Restore matching: how TensorFlow would match a checkpoint against a model, and why values would be missed.
 * Pure functions over opened checkpoints (or their descriptions); nothing here reads files.
 */
import { asDescription, matchObjectBased, type SourceLike } from './object-based'
import type { MatchOptions, MatchReport, ModelDescription } from '@shared/restore'

export { applyMapping, formatMappingArg, mappingKind, parseMappingArg, resolveObjectPath } from './assignment-map'
export { matchExitCode, toMatchJson } from './match-json'
export { formatMatchReport } from './match-text'
export { describeCheckpoint, describeCheckpoint as describeModel, type CheckpointLike } from './model-description'
export { matchNameBased } from './name-based'
export { asDescription, matchObjectBased, type SourceLike } from './object-based'
export { findRenameCandidates, pathSimilarity, suggestMapping } from './rename'
export type * from '@shared/restore'

/**
 * Matches `source` against the model `target`, object-based when both have object graphs and by names otherwise
 * (TF's own fallback). Describe each side once and call this again as the mapping changes: it is cheap.
 */
export function matchCheckpoints(source: SourceLike, target: SourceLike | ModelDescription, opts: MatchOptions = {}): MatchReport {
  return matchObjectBased(asDescription(source), asDescription(target), opts)
}
