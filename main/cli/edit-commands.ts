import { InvalidArgumentError, Option, type Command } from 'commander'
import { parseByteSize } from '@shared/byte-size'
import type { Mapping } from '@shared/restore'
import { parseMappingArg } from '../engine/restore'
import { exportCommand, type ExportCliOptions } from './commands/export'
import { matchCommand, type MatchCliOptions } from './commands/match'
import { restoreCommand, type RestoreCliOptions } from './commands/restore'
import type { CliIo } from './io'

/** `ckpt match`, `ckpt restore` and `ckpt export` (issue 4); `setCode` receives each command's exit status. */
export function registerEditCommands(program: Command, io: CliIo, setCode: (code: number) => void): void {
  const matchOptions = (cmd: Command) =>
    cmd
      .requiredOption('--into <target>', 'the model: a checkpoint, checkpoint folder or SavedModel whose structure receives the values')
      .option('--map <from=to>', "assignment map entry, repeatable: 'a/=b/' scope to scope, 'a/x=b/y', '/=b/', or object paths 'model.enc=net.body'", mapping, [])
      .option('--skip-slots', 'ignore optimizer slot variables (CheckpointOptions(experimental_skip_slot_variables=True))')
      .option('--read', 'as Checkpoint.read() rather than restore() (no save_counter is expected)')

  matchOptions(
    program
      .command('match')
      .description('how TensorFlow would restore SRC into the model TARGET: pairs, misses, conflicts, the three assert_* verdicts (exit 0 assert_consumed passes, 1 it fails, 2 unreadable)')
      .argument('<src>', 'the checkpoint being restored'),
  )
    .option('--json', 'print the documented JSON object')
    .action(async (src: string, opts: MatchCliOptions) => {
      setCode(await matchCommand(src, opts, io))
    })

  matchOptions(
    program
      .command('restore')
      .description('write values of SRC into TARGET (its own structure), staged and verified; a new prefix by default (exit 0 written, 1 refused, 2 unreadable or failed)')
      .argument('<src>', 'the checkpoint whose values are restored'),
  )
    .option('--select <path>', 'restore only this subtree of the target (object path, TF1 scope or key), repeatable', collect, [])
    .option('--weights-only', 'only variables: no optimizer state, no counters')
    .option('--skip-conflicts', 'leave values with a shape or dtype conflict as they are instead of refusing')
    .addOption(new Option('--out <prefix>', 'where to write (default: <target>-restored)').conflicts('inPlace'))
    .option('--in-place', 'replace the target itself (its files are kept in a backup folder first)')
    .option('--overwrite', 'replace an existing output (kept in a backup folder)')
    .option('--dry-run', 'print the preview only')
    .option('--json', 'print {preview, result} as JSON')
    .action(async (src: string, opts: RestoreCliOptions) => {
      setCode(await restoreCommand(src, opts, io))
    })

  program
    .command('export')
    .description('write a subset of SRC as a TF checkpoint, safetensors or npz, verified (exit 0 written, 1 nothing selected, 2 unreadable input or refused destination)')
    .argument('<src>')
    .argument('<out>', 'TF: a prefix or a folder (ending in /); safetensors/npz: a file or a folder')
    .option('--include <glob>', 'keep only keys or object paths matching (* within a segment, ** across), repeatable', collect, [])
    .option('--exclude <glob>', 'drop keys or object paths matching, repeatable', collect, [])
    .option('--strip-optimizer', 'drop optimizer slots and state (keeps save_counter)')
    .option('--weights-only', 'variables only: no optimizer state, counters or other attributes')
    .option('--subtree <path>', 'only this object (with everything below it), repeatable', collect, [])
    .option('--no-save-counter', 'drop save_counter / global_step too')
    .addOption(new Option('--format <format>', 'output format (default: from the extension of OUT, else tf)').choices(['tf', 'safetensors', 'npz']))
    .addOption(new Option('--names <names>', 'safetensors/npz array names').choices(['keys', 'object-paths']))
    .option('--max-shard-size <bytes>', 'TF: start a new data shard before this size (500MB, 2GiB, 1048576)', byteSize)
    .option('--overwrite', 'replace an existing output (kept in a backup folder)')
    .option('--dry-run', 'print what would be kept and dropped only')
    .option('--json', 'print {selection, result} as JSON')
    .action(async (src: string, out: string, opts: ExportCliOptions) => {
      setCode(await exportCommand(src, out, opts, io))
    })
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function mapping(value: string, previous: Mapping[]): Mapping[] {
  try {
    return [...previous, parseMappingArg(value)]
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message)
  }
}

function byteSize(value: string): number {
  const n = parseByteSize(value)
  if (n === null) throw new InvalidArgumentError('expected a size in bytes, e.g. 500MB, 2GiB or 1048576')
  return n
}
