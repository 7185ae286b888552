/**
 * Messages between a host (the extension, the CLI) and the worker that runs learner code.
 * Only plain, structured-cloneable data crosses: the worker compiles and runs the file itself.
 */
import type { ResolvedOptions, TrainOptions } from '../engine/trainOptions';
import type { Surface } from '../runner/surface';
import type { AnalysisName, AnalysisRequest } from '../teaching/analysis';
import type { Finding } from '../teaching/diagnosis';
import type { BoundaryData } from '../teaching/decisionBoundary';
import type { NetworkInfo } from '../teaching/networkInfo';
import type { LearnerErrorData } from '../protocol/learnerError';
import type { StepPoint } from '../protocol/panelProtocol';

export type WorkerJob =
  | { kind: 'train'; source: string; fileName: string; options: TrainOptions; progressIntervalMs?: number; withSurface?: boolean }
  | { kind: 'grad'; source: string; fileName: string; at: number[] }
  | { kind: 'surface'; source: string; fileName: string; grid?: number; bounds?: Array<[number, number]>; center?: number[] }
  | { kind: 'analysis'; source: string; fileName: string; analysis: AnalysisName; request: AnalysisRequest; withSurface?: boolean }
  | { kind: 'graph'; source: string; fileName: string; at?: number[] }
  | {
      kind: 'exportNetwork';
      source: string;
      fileName: string;
      initial: number[];
      trained: number[];
      options: TrainOptions & { optimizer: string; learningRate: number };
    };

/**
 * workerData: the shared cancel flag (Atomics: 0 = run, 1 = cancel, 2 = timeout), and the job —
 * or none yet: a warm worker gets it later as `{ type: 'job', job }` (sealedRoom.ts).
 */
export interface WorkerData {
  control: SharedArrayBuffer;
  job?: WorkerJob;
}

export const CONTROL = { run: 0, cancel: 1, timeout: 2 } as const;

export type WorkerMessage =
  | { type: 'compiled'; dimension: number; paramNames: string[]; warnings: LearnerErrorData[] }
  /** A training run's effective options (defaults ← file config ← caller), before its first step. */
  | { type: 'options'; options: ResolvedOptions }
  | { type: 'surface'; surface: Surface }
  | { type: 'progress'; points: StepPoint[] }
  | { type: 'diagnosis'; findings: Finding[] }
  | { type: 'boundary'; boundary: BoundaryData }
  | { type: 'network'; info: NetworkInfo }
  | { type: 'result'; result: unknown }
  | { type: 'error'; error: LearnerErrorData };
