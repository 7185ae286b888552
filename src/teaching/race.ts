/**
 * Optimizer race: several optimizers from the same start on the same loss, each an ordinary
 * training run (so a row of the table is exactly what a single run with those settings gives),
 * with the step at which each first reached the tolerance and its final loss.
 */
import type { CompiledLoss } from '../runner/compile';
import { trainLoss, type RunResult } from '../runner/trainLoss';
import type { TrainOptions } from '../engine/trainOptions';
import { DEFAULT_RACE, type RaceEntry } from './raceEntries';

export { DEFAULT_RACE, type RaceEntry };

export interface RaceRow {
  label: string;
  run: RunResult;
  finalLoss: number | null;
  /** First step whose loss is within `tolerance` of the lowest loss any entry reached; absent if never. */
  stepsToTolerance?: number;
}

export interface RaceRequest {
  entries?: readonly RaceEntry[];
  /** Shared options (start point, steps …); each entry's own options win. */
  options?: TrainOptions;
  /** Loss distance to the best loss reached that counts as arrived (default 1e-6). */
  tolerance?: number;
  isCancelled?: () => boolean;
}

export function optimizerRace(loss: CompiledLoss, req: RaceRequest = {}): RaceRow[] {
  const entries = req.entries ?? DEFAULT_RACE;
  const rows: RaceRow[] = [];
  // One start for everyone: the shared init, else the first run's resolved start.
  let init = req.options?.init;
  for (const e of entries) {
    if (req.isCancelled?.()) break;
    const run = trainLoss(loss, { ...req.options, ...(init ? { init } : {}), ...e.options }, { isCancelled: req.isCancelled });
    init ??= run.options.init;
    const last = run.losses[run.losses.length - 1];
    rows.push({ label: e.label, run, finalLoss: Number.isFinite(last) ? last : null });
  }
  const finite = rows.flatMap((r) => r.run.losses.filter(Number.isFinite));
  const best = finite.length ? Math.min(...finite) : NaN;
  const tol = req.tolerance ?? 1e-6;
  for (const row of rows) {
    const k = row.run.losses.findIndex((l) => Number.isFinite(l) && l - best <= tol);
    if (k >= 0) row.stepsToTolerance = row.run.steps ? row.run.steps[k] : k;
  }
  return rows;
}
