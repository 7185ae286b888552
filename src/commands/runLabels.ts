/**
 * The labels of a run, from the options it actually used (defaults ← the file's `config` ← the
 * caller, as the worker resolved them): the panel's legend and controls, the status bar, the log
 * and the end-of-run summary all name the same optimizer, η, steps and batch size.
 */
import type { ResolvedOptions, TrainOptions } from '../engine/trainOptions';
import { isOptimizerName, type RunSettings } from '../protocol/panelProtocol';
import { t } from '../l10n/localize';

type Shown = Pick<ResolvedOptions, 'optimizer' | 'learningRate' | 'steps' | 'batchSize' | 'tolerance'>;

/**
 * The panel's settings for a run: what ran, plus the start the caller chose (an explicit `init`
 * or a re-rolled seed; none: the file's own start, which the empty start field stands for).
 */
export function shownSettings(options: Shown, caller: TrainOptions | undefined): RunSettings {
  return {
    // The worker has built this optimizer, so its name is a known one.
    optimizer: isOptimizerName(options.optimizer) ? options.optimizer : 'sgd',
    learningRate: options.learningRate,
    steps: options.steps,
    ...(caller?.init === undefined ? {} : { init: caller.init }),
    ...(caller?.initSeed === undefined ? {} : { initSeed: caller.initSeed }),
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
  };
}

/** "adam · η=0.05 · 2000 steps" (and "· mini-batch 50" when the run drew mini-batches). */
export function runLabel(options: Shown): string {
  // A run that stops at convergence is only bounded by its step count: said so, not as its length.
  const parts = [
    options.optimizer,
    `η=${options.learningRate}`,
    options.tolerance === undefined ? t('{0} steps', options.steps) : t('at most {0} steps', options.steps),
  ];
  if (options.batchSize !== undefined) parts.push(t('mini-batch {0}', options.batchSize));
  return parts.join(' · ');
}

/** The effective options for the log, with a long start point shortened (a network's weights). */
export function optionsForLog(options: ResolvedOptions): Record<string, unknown> {
  const { init, ...rest } = options;
  return { ...rest, init: init.length > 8 ? `[${init.slice(0, 8).join(', ')}, … +${init.length - 8}]` : init };
}
