/**
 * A diagnosis' remedy (teaching/diagnosis.ts) as a run: its `cli` are `train` arguments after
 * FILE, parsed by the CLI's own parser, so the panel's button runs exactly what
 * `node dist/cli.js train FILE <cli>` runs — and reaches the outcome the diagnosis lab verified.
 */
import { parseArgs } from '../runner/cliArgs';
import type { TrainOptions } from '../engine/trainOptions';

/** parseArgs needs a file argument; the options do not depend on it. */
const FILE_PLACEHOLDER = 'remedy.ts';

/** The train options of `train FILE <cli>`; throws the CLI's UsageError for malformed arguments. */
export function remedyOptions(cli: readonly string[]): TrainOptions {
  return parseArgs(['train', FILE_PLACEHOLDER, ...cli]).train;
}
