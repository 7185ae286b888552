/**
 * Runs one job of learner code in the sealed room: a child process (sealedRoom.ts) holding a
 * `worker_threads` Worker, the only place learner code runs.
 *
 * Whatever the learner wrote — an infinite loop, a memory bomb, unbounded recursion, a crash,
 * `process.kill` of its own process — ends that child and this promise with a clear error, never
 * the host process (the extension host, the CLI):
 *   - authority: the child runs under Node's permission model where the runtime has it — it may
 *             read only its own code and the learner file's folder, and may not write files or
 *             start processes; inside it, the worker strips what a loss never needs (lockDown.ts);
 *   - memory: `resourceLimits` cap the worker's heap and stack; the room ends itself when its
 *             resident memory (array buffers included) passes a limit; a fatal V8 abort ends the
 *             child only;
 *   - time:   a wall-clock watchdog first asks the loop to stop (a shared flag the training loop
 *             polls, so the steps done so far are kept), then kills the child after a grace
 *             period if the loss itself never returns;
 *   - cancel: the same two stages, started by `cancel()` (the Stop button, a second run).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONTROL, type WorkerJob, type WorkerMessage } from './workerProtocol';
import type { LearnerErrorData } from '../protocol/learnerError';
import type { RoomCommand, RoomMessage } from './sealedRoom';
import { prepareRoom, takeRoom, type RoomSpec } from './roomPool';
import { runnerMessages } from '../runner/runnerMessages';
import { dispatchWorkerMessage, type Outcome, type RunHooks } from './workerMessages';
import { DEFAULT_LIMITS, type IsolationLimits } from './isolationLimits';

export type { Outcome, RunHooks } from './workerMessages';

export { DEFAULT_LIMITS, type IsolationLimits } from './isolationLimits';

export interface IsolatedRun {
  readonly done: Promise<Outcome>;
  /** Stops the run: the loop finishes its step and reports "cancelled", or the worker is ended. */
  cancel(): void;
}

/** dist/worker.js beside the running bundle; from TypeScript sources (tests), the built one. */
export function defaultWorkerPath(): string {
  const beside = path.join(__dirname, 'worker.js');
  return existsSync(beside) ? beside : path.resolve(__dirname, '..', '..', 'dist', 'worker.js');
}

/**
 * Node's permission model, when this runtime has it (Node ≥ 20; `--permission` from Node 22.13):
 * reads of the room's own code and the learner's folder only, no writes, no child processes.
 * Workers stay allowed: the room's one worker is where the learner's code runs.
 */
export function permissionFlags(codeDir: string, readRoot: string | undefined): string[] {
  const flags = process.allowedNodeEnvironmentFlags;
  const permission = flags.has('--permission')
    ? '--permission'
    : flags.has('--experimental-permission')
      ? '--experimental-permission'
      : undefined;
  if (!permission) return [];
  const roots = [codeDir, ...(readRoot && path.isAbsolute(readRoot) ? [readRoot] : [])];
  // The permission model's own notices ("experimental"; "--allow-worker … with caution": the
  // worker inherits the same permissions) would reach the learner's output.
  const quiet = flags.has('--disable-warning')
    ? ['--disable-warning=ExperimentalWarning', '--disable-warning=SecurityWarning']
    : ['--no-warnings'];
  return [permission, ...roots.map((r) => `--allow-fs-read=${path.join(r, '*')}`), '--allow-worker', ...quiet];
}

/** Set once a runtime refused the permission flags (an embedded Node built without them): later rooms start without. */
let permissionRefused = false;
/** Node's exit code for an invalid command-line option. */
const BAD_OPTION_EXIT = 9;

/** Readies a room for a coming job on `fileName` (the editor calls this when a loss file is opened). */
export function prewarmRoom(fileName: string, limits: Partial<IsolationLimits> = {}, workerPath = defaultWorkerPath()): void {
  const l = { ...DEFAULT_LIMITS, ...limits };
  const execArgv = permissionRefused ? [] : permissionFlags(path.dirname(workerPath), l.readRoot ?? path.dirname(fileName));
  prepareRoom({ workerPath, execArgv, memoryMb: l.memoryMb, stackMb: l.stackMb, rssLimitMb: l.rssMb });
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
  let killTimer: NodeJS.Timeout | undefined;
  let control: number = CONTROL.run;

  const execArgv = permissionRefused ? [] : permissionFlags(path.dirname(workerPath), l.readRoot ?? path.dirname(job.fileName));
  let heard = false;
  let retry: IsolatedRun | undefined;
  const spec: RoomSpec = { workerPath, execArgv, memoryMb: l.memoryMb, stackMb: l.stackMb, rssLimitMb: l.rssMb };
  const room = takeRoom(spec);
  // The room's own output is only V8's last words on a fatal error: kept for the crash message.
  let roomOutput = '';
  room.stdout?.setEncoding('utf8').on('data', (t: string) => (roomOutput = (roomOutput + t).slice(-2000)));
  room.stderr?.setEncoding('utf8').on('data', (t: string) => (roomOutput = (roomOutput + t).slice(-2000)));
  const command = (c: RoomCommand) => {
    if (room.connected) room.send(c);
  };
  command({ type: 'start', job });

  const finish = (o: Outcome) => {
    if (settled) return;
    settled = true;
    clearTimeout(watchdog);
    clearTimeout(killTimer);
    settle(o);
    room.kill('SIGKILL');
    // The next Train of a file in this folder finds its room ready (in the editor).
    setImmediate(() => prepareRoom(spec));
  };
  const fail = (error: LearnerErrorData) => finish({ ok: false, error, warnings });

  /** Stage 1: ask the loop to stop; stage 2 (after the grace period): end the room. */
  const stop = (why: number) => {
    if (settled || control !== CONTROL.run) return;
    control = why;
    command({ type: 'control', value: why });
    killTimer = setTimeout(
      () => fail(why === CONTROL.timeout ? runnerMessages.timeout(l.timeoutMs) : runnerMessages.cancelled()),
      l.graceMs,
    );
  };
  const watchdog = setTimeout(() => stop(CONTROL.timeout), l.timeoutMs);

  const onWorkerMessage = (m: WorkerMessage) => dispatchWorkerMessage(m, hooks, warnings, finish);
  room.on('message', (m: RoomMessage) => {
    heard = true;
    if (settled) return;
    switch (m.type) {
      case 'worker':
        onWorkerMessage(m.message);
        break;
      case 'output':
        hooks.onOutput?.(m.text);
        break;
      case 'workerError':
        if (m.code === 'ERR_WORKER_OUT_OF_MEMORY') fail(runnerMessages.outOfMemory(l.memoryMb));
        else if (m.stackOverflow) fail(runnerMessages.stackOverflow());
        else fail(runnerMessages.crashed(m.message));
        break;
      case 'workerExit':
        fail(runnerMessages.crashed(`worker exited with code ${m.code}`));
        break;
      case 'memory':
        fail(runnerMessages.outOfMemory(l.rssMb));
        break;
    }
  });
  room.on('error', (e) => fail(runnerMessages.crashed(e.message)));
  room.on('exit', (code, signal) => {
    if (settled) return;
    if (!heard && code === BAD_OPTION_EXIT && execArgv.length) {
      // This runtime does not take the permission flags: the worker's lock-down still holds.
      permissionRefused = true;
      clearTimeout(watchdog);
      retry = runIsolated(job, hooks, limits, workerPath);
      void retry.done.then(finish);
      return;
    }
    // V8's fatal "heap out of memory" aborts the process (SIGABRT, or exit 134 through a shell).
    if (signal === 'SIGABRT' || code === 134 || /out of memory/i.test(roomOutput)) fail(runnerMessages.outOfMemory(l.memoryMb));
    else fail(runnerMessages.crashed(signal ? `the process ended by ${signal}` : `the process exited with code ${code}`));
  });

  return { done, cancel: () => (retry ? retry.cancel() : stop(CONTROL.cancel)) };
}
