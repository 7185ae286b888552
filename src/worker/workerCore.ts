/**
 * What the worker does with a job, wherever it runs: in a Node worker thread inside the sealed
 * room (worker.ts, desktop and CLI) or in a browser Web Worker (webWorker.ts, VS Code for the
 * Web). It compiles the file, runs the job, streams throttled progress, and posts one result or
 * one learner-facing error. How messages travel and how a stop request arrives is the room's.
 */
import { withDefaultStop, type TrainOptions } from '../engine/trainOptions';
import { CONTROL, type WorkerJob, type WorkerMessage } from './workerProtocol';
import type { StepPoint } from '../protocol/panelProtocol';
import { compileLoss } from '../runner/compile';
import { trainLoss } from '../runner/trainLoss';
import { sampleSurface } from '../runner/surface';
import { toLearnerErrorData } from '../runner/learnerErrorData';
import { runAnalysis } from '../teaching/analysis';
import { diagnoseRun } from '../teaching/diagnosisLab';
import { backpropGraph } from '../teaching/backpropGraph';
import { backpropCost } from '../teaching/backpropCost';
import { exportNetwork } from '../teaching/networkExport';
import { decisionBoundary, twoDimensionalData } from '../teaching/decisionBoundary';
import { networkInfo } from '../teaching/networkInfo';
import { streamedParams } from '../protocol/panelProtocol';
import { nanGradientSite } from '../teaching/nanGradient';

/** What a job needs from the room it runs in. */
export interface WorkerRoom {
  post(m: WorkerMessage): void;
  /** CONTROL.run, or why the host asked the job to stop (polled by the loops). */
  stopReason(): number;
  /** A line for the host's log (not the learner's output). */
  log(text: string): void;
}

/** At most this many points per progress message: long, fast runs are thinned, the latest kept. */
const MAX_POINTS_PER_MESSAGE = 256;
/** The panel's pictures of the surface may hold a run back by about this much (surface.ts). */
const SURFACE_BUDGET_MS = 1000;
/** Gradients travel with each point only while they are small enough to draw (arrows, tangents). */
const MAX_GRADIENT_DIMENSION = 16;

function main(job: WorkerJob, room: WorkerRoom): void {
  const { post } = room;
  const stopReason = room.stopReason;
  // The point the job gives sizes an array loss that declares no size (docs/cli-contract.md).
  const loss = compileLoss(job.source, job.fileName, {}, { pointLength: pointOf(job)?.length });
  // Errors lose their fields in structured clone: send plain data.
  post({ type: 'compiled', dimension: loss.dimension, paramNames: loss.paramNames, warnings: loss.warnings.map(toLearnerErrorData) });
  switch (job.kind) {
    case 'grad': {
      const { value, gradient } = loss.valueAndGrad(job.at);
      post({ type: 'result', result: { value, gradient: Array.from(gradient) } });
      return;
    }
    case 'surface':
      post({ type: 'result', result: sampleSurface(loss, { grid: job.grid, bounds: job.bounds, center: job.center }) });
      return;
    case 'exportNetwork':
      post({
        type: 'result',
        result: exportNetwork(job.source, job.fileName, { initial: job.initial, trained: job.trained, options: job.options }),
      });
      return;
    case 'graph': {
      const graph = backpropGraph(job.source, job.fileName, { at: job.at });
      // Timed after the graph has read its tape, on the file compiled as the graph shows it (no
      // fusion: one tape node per operator), without the graph's bookkeeping.
      const unfused = compileLoss(job.source, job.fileName, { fuse: false }, { pointLength: pointOf(job)?.length });
      post({
        type: 'result',
        result: { ...graph, cost: backpropCost(unfused, job.at ?? loss.init ?? new Array<number>(loss.dimension).fill(0)) },
      });
      return;
    }
    case 'analysis': {
      if (job.withSurface)
        post({
          type: 'surface',
          surface: sampleSurface(loss, { center: job.request.options?.init ?? loss.init, budgetMs: SURFACE_BUDGET_MS }),
        });
      post({ type: 'result', result: runAnalysis(loss, job.analysis, job.request, () => stopReason() !== CONTROL.run) });
      return;
    }
    case 'train': {
      const interval = job.progressIntervalMs ?? 33;
      // A two-input network on 2-D data: its decision boundary, live (at most 4 times a second).
      let points = job.withSurface ? twoDimensionalData(loss.data) : undefined;
      let lastBoundary = 0;
      const boundary = (params: ArrayLike<number>) => {
        const b = points && decisionBoundary(loss, params, points);
        if (b) post({ type: 'boundary', boundary: b });
        lastBoundary = Date.now();
      };
      let pending: StepPoint[] = [];
      let stride = 1;
      let lastPost = 0;
      const flush = () => {
        if (pending.length) post({ type: 'progress', points: pending });
        pending = [];
        stride = 1;
        lastPost = Date.now();
      };
      // No run length from the caller or the file: stop at convergence (docs/cli-contract.md).
      const result = trainLoss(loss, withDefaultStop(job.options, (loss.config ?? {}) as TrainOptions), {
        onOptions: (options) => {
          // What will run, before anything is drawn: every label names the run's own settings.
          post({ type: 'options', options });
          // Sampled before training so the picture is there when the first step arrives.
          if (job.withSurface)
            post({ type: 'surface', surface: sampleSurface(loss, { center: options.init, budgetMs: SURFACE_BUDGET_MS }) });
        },
        onProgress: (e) => {
          if (e.step % stride === 0 || pending.length === 0 || e.testLoss !== undefined) {
            pending.push({
              step: e.step,
              loss: e.loss,
              // A network's thousands of weights stay in the worker's result; the panel draws a few.
              ...streamedParams(e.params),
              gradNorm: e.gradNorm,
              gradient: e.gradient.length <= MAX_GRADIENT_DIMENSION ? Array.from(e.gradient) : undefined,
              // The timeline shows the update formula with the optimizer's own numbers in it.
              state: e.gradient.length <= MAX_GRADIENT_DIMENSION ? e.optimizerState() : undefined,
              ...(e.testLoss === undefined ? {} : { testLoss: e.testLoss }),
            });
            // Thin the pending batch instead of growing it: keep every other point (and every
            // held-out measurement, ≤ 500 a run), double the stride.
            if (pending.length > MAX_POINTS_PER_MESSAGE) {
              pending = pending.filter((p, i) => i % 2 === 0 || p.testLoss !== undefined);
              stride *= 2;
            }
          }
          if (Date.now() - lastPost >= interval) flush();
          if (points && Date.now() - lastBoundary >= 250) boundary(e.params);
        },
        isCancelled: () => stopReason() !== CONTROL.run,
        // A held-out test set: the picture marks its samples and reports their accuracy apart.
        onSplit: (split) => {
          if (points) points = twoDimensionalData(split.train, split.test);
        },
      });
      flush();
      const last = result.params[result.params.length - 1];
      if (points && last?.every(Number.isFinite)) boundary(last);
      // Many parameters: the picture is a 2-D slice, re-cut through where the run ended.
      if (job.withSurface && loss.dimension > 2 && result.params.length > 1) {
        post({
          type: 'surface',
          surface: sampleSurface(loss, { center: result.params[result.params.length - 1], budgetMs: SURFACE_BUDGET_MS }),
        });
      }
      // A stop request that the loop honoured: say which one it was.
      const why = stopReason();
      if (result.reason === 'cancelled' && why === CONTROL.timeout) result.reason = 'timeout';
      // Advice from the run's own numbers, before the result (the host shows both together).
      if (why === CONTROL.run) {
        const findings = diagnoseRun(loss, result, job.options, {
          isCancelled: () => stopReason() !== CONTROL.run,
          // stderr reaches the CLI's stderr and the extension's log.
          onError: (e) => room.log(`diagnosis failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`),
          explainGradient: (at) => nanGradientSite(job.source, job.fileName, at),
        });
        post({ type: 'diagnosis', findings });
      }
      // A network: what training changed (weights, biases) beside what the learner chose.
      const info = job.withSurface ? networkInfo(result) : undefined;
      if (info) post({ type: 'network', info });
      post({ type: 'result', result });
      return;
    }
  }
}

/** The point a job evaluates at or starts from, when it gives one. */
function pointOf(job: WorkerJob): number[] | undefined {
  switch (job.kind) {
    case 'train':
      return job.options.init;
    case 'grad':
      return job.at;
    case 'surface':
      return job.center;
    case 'graph':
      return job.at;
    case 'analysis':
      return job.request.options?.init;
    default:
      return undefined;
  }
}

/** Runs one job; whatever it throws becomes one learner-facing error message. */
export function runJob(job: WorkerJob, room: WorkerRoom): void {
  try {
    main(job, room);
  } catch (e) {
    room.post({ type: 'error', error: toLearnerErrorData(e) });
  }
}

/** Compiles and trains a tiny loss of our own, so the learner's first run meets a compiled compiler and engine. */
export function warmUp(): void {
  try {
    const loss = compileLoss('export function loss([x, y]: number[]) { return (x - 1) ** 2 + Math.exp(y) * y ** 2 }', 'warm-up.ts');
    trainLoss(loss, { init: [0, 1], steps: 50 });
  } catch {
    // Warming is an optimisation: the job will meet any real problem itself.
  }
}
