/** Why a run ended: every panel message and label that says so uses these six. */
import * as v from 'valibot';

export const StopReasonSchema = v.picklist(['completed', 'converged', 'diverged', 'cancelled', 'timeout', 'error']);
export type StopReason = v.InferOutput<typeof StopReasonSchema>;
