/**
 * Which network and which loss the learner's file used in its last evaluation — so the tutor can
 * export "the network of this file" (teaching/networkExport.ts) without the learner exporting
 * the model object. One worker runs one file, so "the last one used" is that file's.
 */
import type { Sequential } from './model';

export type LossKind = 'mse' | 'crossEntropy' | 'binaryCrossEntropy';

let model: Sequential | undefined;
let lossKind: LossKind | undefined;

export function noteModel(m: Sequential): void {
  model = m;
}

export function noteLoss(kind: LossKind): void {
  lossKind = kind;
}

export function lastUsage(): { model?: Sequential; loss?: LossKind } {
  return { model, loss: lossKind };
}

export function resetUsage(): void {
  model = undefined;
  lossKind = undefined;
}
