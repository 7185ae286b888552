/**
 * The teaching analyses by name, as the worker runs them: one request type, one result type per
 * analysis, all plain structured-cloneable data (they cross from the worker to the host and on to
 * the panel).
 */
import type { CompiledLoss } from '../runner/compile';
import type { TrainOptions } from '../engine/trainOptions';
import { learningRateSweep, type SweepResult } from './learningRateSweep';
import { randomRestarts, type RestartsResult } from './restarts';
import { optimizerRace, DEFAULT_RACE, type RaceEntry, type RaceRow } from './race';
import { curvature, type CurvatureResult } from './curvature';
import { whyIterate, type WhyIterateResult } from './whyIterate';
import { batchComparison, type BatchComparisonResult } from './batchComparison';

export const ANALYSES = ['race', 'restarts', 'sweep', 'curvature', 'whyIterate', 'batchSizes'] as const;
export type AnalysisName = (typeof ANALYSES)[number];

export interface AnalysisRequest {
  /** Shared run options (optimizer, learning rate, steps, start …) over the file's config. */
  options?: TrainOptions;
  /** race: which optimizers, each with its own options. */
  entries?: RaceEntry[];
  /** restarts: number of random starts, seed, basin-map cells per side. */
  count?: number;
  seed?: number;
  mapGrid?: number;
  /** sweep: learning-rate range and number of rates. */
  from?: number;
  to?: number;
  /** curvature: grid cells per side. */
  grid?: number;
  /** race: loss distance to the best that counts as arrived; whyIterate: accuracy. */
  tolerance?: number;
  /** batchSizes: the mini-batch sizes compared with the full batch. */
  batchSizes?: number[];
}

export type AnalysisResult =
  | { analysis: 'race'; rows: RaceRow[] }
  | { analysis: 'restarts'; result: RestartsResult }
  | { analysis: 'sweep'; result: SweepResult }
  | { analysis: 'curvature'; result: CurvatureResult }
  | { analysis: 'whyIterate'; result: WhyIterateResult }
  | { analysis: 'batchSizes'; result: BatchComparisonResult };

export function isAnalysisName(x: unknown): x is AnalysisName {
  return typeof x === 'string' && (ANALYSES as readonly string[]).includes(x);
}

export function runAnalysis(loss: CompiledLoss, analysis: AnalysisName, req: AnalysisRequest, isCancelled?: () => boolean): AnalysisResult {
  switch (analysis) {
    case 'race':
      return {
        analysis,
        rows: optimizerRace(loss, { entries: req.entries ?? DEFAULT_RACE, options: req.options, tolerance: req.tolerance, isCancelled }),
      };
    case 'restarts':
      return {
        analysis,
        result: randomRestarts(loss, {
          count: req.count,
          seed: req.seed,
          mapGrid: req.mapGrid ?? (loss.dimension === 2 ? 24 : 0),
          options: req.options,
          isCancelled,
        }),
      };
    case 'sweep':
      return {
        analysis,
        result: learningRateSweep(loss, { from: req.from, to: req.to, count: req.count, options: req.options, isCancelled }),
      };
    case 'curvature':
      return { analysis, result: curvature(loss, { grid: req.grid }) };
    case 'whyIterate':
      return { analysis, result: whyIterate(loss, { accuracy: req.tolerance, options: req.options }) };
    case 'batchSizes':
      return { analysis, result: batchComparison(loss, { sizes: req.batchSizes, options: req.options, isCancelled }) };
  }
}
