/**
 * The host's side of a job's messages, the same for every room (the desktop's child process,
 * isolatedRun.ts, and the browser's Web Worker, isolatedRun.web.ts): each worker message goes to
 * its hook, and a result or an error settles the run.
 */
import type { WorkerMessage } from './workerProtocol';
import type { LearnerErrorData } from '../protocol/learnerError';
import type { StepPoint } from '../protocol/panelProtocol';
import type { Surface } from '../runner/surface';
import type { Finding } from '../teaching/diagnosis';
import type { BoundaryData } from '../teaching/decisionBoundary';
import type { NetworkInfo } from '../teaching/networkInfo';
import type { ResolvedOptions } from '../engine/trainOptions';

export interface RunHooks {
  onProgress?: (points: StepPoint[]) => void;
  onCompiled?: (info: { dimension: number; paramNames: string[] }) => void;
  /** A training run's effective options (after defaults and the file's config), before its first step. */
  onOptions?: (options: ResolvedOptions) => void;
  onSurface?: (surface: Surface) => void;
  /** Text the learner's code printed (console.log) — for the log channel. */
  onOutput?: (text: string) => void;
  /** The automatic diagnosis of a finished training run (teaching/diagnosis.ts), just before its result. */
  onDiagnosis?: (findings: Finding[]) => void;
  /** A network's decision boundary while it trains (2-D data only). */
  onBoundary?: (boundary: BoundaryData) => void;
  /** A network's parameters and hyper-parameters, after its run. */
  onNetwork?: (info: NetworkInfo) => void;
}

export type Outcome =
  { ok: true; result: unknown; warnings: LearnerErrorData[] } | { ok: false; error: LearnerErrorData; warnings: LearnerErrorData[] };

/** Hands one worker message to `hooks`; `warnings` collects the compile's; `finish` settles the run. */
export function dispatchWorkerMessage(m: WorkerMessage, hooks: RunHooks, warnings: LearnerErrorData[], finish: (o: Outcome) => void): void {
  switch (m.type) {
    case 'compiled':
      warnings.push(...m.warnings);
      hooks.onCompiled?.({ dimension: m.dimension, paramNames: m.paramNames });
      break;
    case 'options':
      hooks.onOptions?.(m.options);
      break;
    case 'surface':
      hooks.onSurface?.(m.surface);
      break;
    case 'progress':
      hooks.onProgress?.(m.points);
      break;
    case 'diagnosis':
      hooks.onDiagnosis?.(m.findings);
      break;
    case 'boundary':
      hooks.onBoundary?.(m.boundary);
      break;
    case 'network':
      hooks.onNetwork?.(m.info);
      break;
    case 'result':
      finish({ ok: true, result: m.result, warnings });
      break;
    case 'error':
      finish({ ok: false, error: m.error, warnings });
      break;
  }
}
