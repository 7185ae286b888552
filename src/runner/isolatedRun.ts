/**
 * Runs one job of learner code in a `worker_threads` Worker, the only place learner code runs.
 *
 * Whatever the learner wrote — an infinite loop, a memory bomb, unbounded recursion, a crash —
 * ends that worker and this promise with a clear error, never the host process:
 *   - memory: `resourceLimits` cap the worker's heap and stack; V8 kills only the worker;
 *   - time:   a wall-clock watchdog first asks the loop to stop (a shared flag the training loop
 *             polls, so the steps done so far are kept), then terminates the worker after a grace
 *             period if the loss itself never returns;
 *   - cancel: the same two stages, started by `cancel()` (the Stop button, a second run).
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONTROL, type LearnerErrorData, type ProgressPoint, type WorkerData, type WorkerJob, type WorkerMessage } from './workerProtocol';
import { runnerMessages } from './runnerMessages';
import type { Surface } from './surface';
import type { Finding } from '../teaching/diagnosis';
import type { BoundaryData } from '../teaching/decisionBoundary';
import type { NetworkInfo } from '../teaching/networkInfo';
import type { ResolvedOptions } from '../engine/trainOptions';

export interface IsolationLimits {
  /** Wall-clock limit of the whole job (ms). */
  timeoutMs: number;
  /** How long a stop request may take before the worker is terminated (ms). */
  graceMs: number;
  /** V8 old-generation heap of the worker (MB). */
  memoryMb: number;
  /** Stack of the worker's main thread (MB). */
  stackMb: number;
}

// 1 GB: a runaway loop must reach the tape's cap (a message at its line) before the heap limit.
export const DEFAULT_LIMITS: IsolationLimits = { timeoutMs: 60_000, graceMs: 1_000, memoryMb: 1024, stackMb: 4 };

export type Outcome =
  | { ok: true; result: unknown; warnings: LearnerErrorData[] }
  | { ok: false; error: LearnerErrorData; warnings: LearnerErrorData[] };

export interface IsolatedRun {
  readonly done: Promise<Outcome>;
  /** Stops the run: the loop finishes its step and reports "cancelled", or the worker is ended. */
  cancel(): void;
}

export interface RunHooks {
  onProgress?: (points: ProgressPoint[]) => void;
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

/** dist/worker.js beside the running bundle; from TypeScript sources (tests), the built one. */
export function defaultWorkerPath(): string {
  const beside = path.join(__dirname, 'worker.js');
  return existsSync(beside) ? beside : path.resolve(__dirname, '..', '..', 'dist', 'worker.js');
}

export function runIsolated(job: WorkerJob, hooks: RunHooks = {}, limits: Partial<IsolationLimits> = {}, workerPath = defaultWorkerPath()): IsolatedRun {
  const l = { ...DEFAULT_LIMITS, ...limits };
  const control = new SharedArrayBuffer(4);
  const flag = new Int32Array(control);
  const warnings: LearnerErrorData[] = [];
  let settle: (o: Outcome) => void = () => undefined;
  const done = new Promise<Outcome>((resolve) => (settle = resolve));
  let settled = false;
  let killTimer: NodeJS.Timeout | undefined;

  const worker = new Worker(workerPath, {
    workerData: { ...job, control } satisfies WorkerData,
    resourceLimits: { maxOldGenerationSizeMb: l.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: l.stackMb },
    stdout: true,
    stderr: true,
    // Learner code sees an empty environment: nothing of the host's secrets or paths.
    env: {},
  });
  worker.stdout.setEncoding('utf8').on('data', (s: string) => hooks.onOutput?.(s));
  worker.stderr.setEncoding('utf8').on('data', (s: string) => hooks.onOutput?.(s));

  const finish = (o: Outcome) => {
    if (settled) return;
    settled = true;
    clearTimeout(watchdog);
    clearTimeout(killTimer);
    settle(o);
    void worker.terminate();
  };
  const fail = (error: LearnerErrorData) => finish({ ok: false, error, warnings });

  /** Stage 1: ask the loop to stop; stage 2 (after the grace period): end the worker. */
  const stop = (why: number) => {
    if (settled || Atomics.load(flag, 0) !== CONTROL.run) return;
    Atomics.store(flag, 0, why);
    killTimer = setTimeout(() => fail(why === CONTROL.timeout ? runnerMessages.timeout(l.timeoutMs) : runnerMessages.cancelled()), l.graceMs);
  };
  const watchdog = setTimeout(() => stop(CONTROL.timeout), l.timeoutMs);

  worker.on('message', (m: WorkerMessage) => {
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
        fail(m.error);
        break;
    }
  });
  worker.on('error', (e: Error & { code?: string }) => {
    if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') fail(runnerMessages.outOfMemory(l.memoryMb));
    else if (e instanceof RangeError && /call stack/i.test(e.message)) fail(runnerMessages.stackOverflow());
    else fail(runnerMessages.crashed(e.message));
  });
  worker.on('exit', (code) => {
    if (!settled) fail(runnerMessages.crashed(`worker exited with code ${code}`));
  });

  return { done, cancel: () => stop(CONTROL.cancel) };
}
