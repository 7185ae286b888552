/**
 * isolatedRun.ts for VS Code for the Web: runs one job of learner code in a Web Worker
 * (webWorker.ts) — a realm of its own, without the network, storage or a channel it could forge
 * messages on — and never in the extension host's own worker.
 *
 * What the browser allows, compared with the desktop's sealed room:
 *   - time:   the job's loops stop themselves at the deadline (the steps so far are kept); a loss
 *             that never returns is ended with the worker after the grace period;
 *   - cancel: with shared memory (a cross-origin-isolated page) the loop is asked to stop and
 *             keeps its steps, as on the desktop; without it the worker is ended at once, and the
 *             points streamed so far stay in the panel;
 *   - memory: browsers offer no per-worker memory limit; the engine's own cap on the tape still
 *             stops a runaway loop at its line, but a huge array can take the worker (or the tab)
 *             down — the README says so;
 *   - files:  a loss file cannot import other files (learnerHost.web.ts says so at the import).
 */
import { CONTROL, type WorkerJob, type WorkerMessage } from './workerProtocol';
import type { LearnerErrorData } from '../protocol/learnerError';
import { runnerMessages } from '../runner/runnerMessages';
import { dispatchWorkerMessage } from './workerMessages';
import { prepareRoom, takeRoom } from './roomPool.web';
import type { WebRoomMessage, WebRoomStart } from './webWorker';
import type { IsolatedRun, Outcome, RunHooks } from './isolatedRun';
import { DEFAULT_LIMITS, type IsolationLimits } from './isolationLimits';

export type { IsolatedRun, IsolationLimits, Outcome, RunHooks } from './isolatedRun';

export { DEFAULT_LIMITS } from './isolationLimits';

/** On the web the worker bundle's URL is passed in by the browser entry (a Blob URL). */
export function defaultWorkerPath(): string {
  throw new Error('the web entry passes the worker URL');
}

/** Readies a room (a warm Web Worker) for a coming job. */
export function prewarmRoom(_fileName: string, _limits: Partial<IsolationLimits> = {}, workerPath = defaultWorkerPath()): void {
  prepareRoom({ workerPath });
}

/** Shared memory for the stop flag exists only in a cross-origin-isolated context. */
function sharedFlag(): SharedArrayBuffer | undefined {
  const g = globalThis as { crossOriginIsolated?: boolean; SharedArrayBuffer?: typeof SharedArrayBuffer };
  return g.crossOriginIsolated && g.SharedArrayBuffer ? new g.SharedArrayBuffer(4) : undefined;
}

export function runIsolated(
  job: WorkerJob,
  hooks: RunHooks = {},
  limits: Partial<IsolationLimits> = {},
  workerPath = defaultWorkerPath(),
): IsolatedRun {
  const l = { ...DEFAULT_LIMITS, ...limits };
  const warnings: LearnerErrorData[] = [];
  let settle: (o: Outcome) => void = () => undefined;
  const done = new Promise<Outcome>((resolve) => (settle = resolve));
  let settled = false;
  let killTimer: ReturnType<typeof setTimeout> | undefined;
  let control: number = CONTROL.run;
  const shared = sharedFlag();
  const flag = shared ? new Int32Array(shared) : undefined;

  const worker = takeRoom({ workerPath });
  const finish = (o: Outcome) => {
    if (settled) return;
    settled = true;
    clearTimeout(watchdog);
    clearTimeout(killTimer);
    settle(o);
    worker.terminate();
    // The next Train finds its room ready.
    setTimeout(() => prepareRoom({ workerPath }), 0);
  };
  const fail = (error: LearnerErrorData) => finish({ ok: false, error, warnings });

  /** Ask the loop to stop (shared flag), and end the worker after the grace period — at once without the flag. */
  const stop = (why: number) => {
    if (settled || control !== CONTROL.run) return;
    control = why;
    if (flag) Atomics.store(flag, 0, why);
    killTimer = setTimeout(
      () => fail(why === CONTROL.timeout ? runnerMessages.timeout(l.timeoutMs) : runnerMessages.cancelled()),
      flag || why === CONTROL.timeout ? l.graceMs : 0,
    );
  };
  // The worker stops its own loops at the deadline; this ends one whose loss never returns.
  const watchdog = setTimeout(() => stop(CONTROL.timeout), l.timeoutMs);

  const onWorkerMessage = (m: WorkerMessage) => dispatchWorkerMessage(m, hooks, warnings, finish);
  worker.onmessage = (e: { data: unknown }) => {
    if (settled) return;
    const m = e.data as WebRoomMessage;
    if (m.type === 'worker') onWorkerMessage(m.message);
    else if (m.type === 'output') hooks.onOutput?.(m.text);
  };
  // An uncaught error or a worker the browser could not start (a stack overflow is caught by the job itself).
  worker.onerror = (e: { message?: string; preventDefault?: () => void }) => {
    e.preventDefault?.();
    fail(runnerMessages.crashed(e.message ?? 'the worker failed'));
  };
  worker.postMessage({ type: 'start', job, timeoutMs: l.timeoutMs, control: shared } satisfies WebRoomStart);

  return { done, cancel: () => stop(CONTROL.cancel) };
}
