/**
 * The sealed room: a child process (started by isolatedRun.ts) that holds the worker thread in
 * which learner code runs. It exists so that whatever the learner's code does to its process —
 * a fatal out-of-memory abort, `process.kill(process.pid)`, a 10 GB ArrayBuffer outside V8's heap
 * limit — ends this process and never the extension host or the CLI.
 *
 * Its own job is small: start the worker with the job, relay the worker's messages and output to
 * the host over IPC, turn the host's stop requests into the shared flag the training loop polls,
 * and watch the whole process's resident memory (heap *and* array buffers), ending itself with a
 * clear message when it passes the limit. The host starts it under Node's permission model (see
 * isolatedRun.ts), so even code that escapes the worker's lock-down cannot write files or start
 * processes.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerData, WorkerJob, WorkerMessage } from './workerProtocol';
import type { RoomArguments } from './roomPool';

/** Host → room. */
export type RoomCommand = { type: 'start'; job: WorkerJob } | { type: 'control'; value: number };

/** Room → host: the worker's own messages, its output, and how it ended. */
export type RoomMessage =
  | { type: 'worker'; message: WorkerMessage }
  | { type: 'output'; text: string }
  | { type: 'workerError'; code?: string; stackOverflow: boolean; message: string }
  | { type: 'workerExit'; code: number }
  | { type: 'memory'; rssMb: number };

/** How often the room measures its resident memory. A 10 GB fill passes 1.5 GB within ~0.5 s. */
const MEMORY_CHECK_MS = 25;

const send = (m: RoomMessage) => void process.send?.(m);

/**
 * The worker starts at once, with no job: it loads and warms the compiler and the engine while
 * the room waits (roomPool.ts keeps a spare), and runs the job it is sent next.
 */
function open(cmd: RoomArguments): void {
  const control = new SharedArrayBuffer(4);
  const flag = new Int32Array(control);
  const worker = new Worker(cmd.workerPath, {
    workerData: { control } satisfies WorkerData,
    resourceLimits: { maxOldGenerationSizeMb: cmd.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: cmd.stackMb },
    stdout: true,
    stderr: true,
    // Learner code sees an empty environment: nothing of the host's secrets or paths.
    env: {},
  });
  worker.stdout.setEncoding('utf8').on('data', (text: string) => send({ type: 'output', text }));
  worker.stderr.setEncoding('utf8').on('data', (text: string) => send({ type: 'output', text }));
  worker.on('message', (message: WorkerMessage) => send({ type: 'worker', message }));
  worker.on('error', (e: Error & { code?: string }) =>
    send({
      type: 'workerError',
      code: e.code,
      stackOverflow: e instanceof RangeError && /call stack/i.test(e.message),
      message: e.message,
    }),
  );
  worker.on('exit', (code) => send({ type: 'workerExit', code }));
  process.on('message', (m: RoomCommand) => {
    if (m.type === 'control') Atomics.store(flag, 0, m.value);
    else if (m.type === 'start') worker.postMessage({ type: 'job', job: m.job });
  });

  // Array buffers live outside the worker's heap limit: bound the whole process instead.
  const limit = cmd.rssLimitMb * 1024 * 1024;
  const watch = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss <= limit) return;
    clearInterval(watch);
    // Exit once the host has the reason (or at once without a host): the memory is freed with the process.
    const m: RoomMessage = { type: 'memory', rssMb: Math.round(rss / (1024 * 1024)) };
    if (process.send) process.send(m, () => process.exit(3));
    setTimeout(() => process.exit(3), 500);
  }, MEMORY_CHECK_MS);
  watch.unref();
}

open(JSON.parse(process.argv[2]) as RoomArguments);
// The host went away (closed editor, killed CLI): nothing is left to report to.
process.on('disconnect', () => process.exit(0));
