/**
 * Which network and which loss the learner's file used in its last evaluation — so the tutor can
 * export "the network of this file" (teaching/networkExport.ts) without the learner exporting
 * the model object. The record belongs to the evaluation (recording.ts, `nnUsed`: each evaluation
 * starts it empty); model.ts and index.ts write it, this reads it back typed.
 */
import { nnUsed, type LossKind } from '../recording';
import { Sequential } from './model';

export type { LossKind };

export function lastUsage(): { model?: Sequential; loss?: LossKind } {
  const { network, loss } = nnUsed;
  return { model: network instanceof Sequential ? network : undefined, loss };
}
