/**
 * The runners of the optimizer race (race.ts), kept apart from the race itself so the extension
 * host can offer them in a picker without bundling the engine.
 */
import type { TrainOptions } from '../engine/trainOptions';

export interface RaceEntry {
  /** Label shown in the table: the optimizer name, or the caller's. */
  label: string;
  options: TrainOptions;
}

export const DEFAULT_RACE: readonly RaceEntry[] = [
  { label: 'sgd', options: { optimizer: 'sgd' } },
  { label: 'momentum', options: { optimizer: 'momentum' } },
  { label: 'nesterov', options: { optimizer: 'nesterov' } },
  { label: 'adagrad', options: { optimizer: 'adagrad' } },
  { label: 'rmsprop', options: { optimizer: 'rmsprop' } },
  { label: 'adam', options: { optimizer: 'adam' } },
  { label: 'adamw', options: { optimizer: 'adamw' } },
  { label: 'newton', options: { optimizer: 'newton', learningRate: 1 } },
  { label: 'lbfgs', options: { optimizer: 'lbfgs', learningRate: 1 } },
];
