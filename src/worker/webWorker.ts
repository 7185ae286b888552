/**
 * The sealed room in the browser (VS Code for the Web): a dedicated Web Worker, started by
 * isolatedRun.web.ts from a Blob URL of this bundle, that runs one job of learner code
 * (workerCore.ts) and is then ended. A worker is its own JavaScript realm: nothing the learner's
 * code does to its globals reaches the extension host.
 *
 * Before the job, the worker takes away what a loss never needs (lockDownWeb): the network, other
 * workers, storage, and the channel back to the host (learner code could otherwise post forged
 * results). A stop request arrives through a SharedArrayBuffer flag when the page is
 * cross-origin isolated; otherwise the loops stop themselves at the job's deadline, and Stop ends
 * the worker (the points streamed so far stay in the panel).
 */
import { setInterruptCheck } from '../engine/runtime';
import { CONTROL, type WorkerJob, type WorkerMessage } from './workerProtocol';
import { runJob, warmUp, type WorkerRoom } from './workerCore';
import { NotAllowedError } from '../runner/notAllowedError';

/** Host → web room: the job, its time limit, and the stop flag when shared memory is available. */
export interface WebRoomStart {
  type: 'start';
  job: WorkerJob;
  timeoutMs: number;
  control?: SharedArrayBuffer;
}

/** Web room → host: a worker message, or text the learner's code printed. */
export type WebRoomMessage = { type: 'worker'; message: WorkerMessage } | { type: 'output'; text: string } | { type: 'ready' };

/** Globals that reach outside computing: the network, other workers and windows, storage, ending the worker silently. */
const DENIED_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebTransport',
  'EventSource',
  'importScripts',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'MessageChannel',
  'indexedDB',
  'caches',
  'close',
  'postMessage',
  'open',
  // Timers (lockDown.ts says why).
  'setTimeout',
  'setInterval',
] as const;

interface WorkerGlobal {
  postMessage(m: unknown): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
}

const scope = globalThis as unknown as WorkerGlobal & Record<string, unknown>;
// Kept before the lock-down removes them from the learner's reach.
const send = scope.postMessage.bind(scope) as (m: WebRoomMessage) => void;
const listen = scope.addEventListener.bind(scope);
const unlisten = scope.removeEventListener.bind(scope);

function lockDownWeb(): void {
  for (const key of DENIED_GLOBALS) {
    const deny = () => {
      throw new NotAllowedError(key);
    };
    // Replaced on the global and on every prototype that has it (DedicatedWorkerGlobalScope,
    // WorkerGlobalScope …): `Object.getPrototypeOf(self).postMessage` must not reach the host either.
    for (let o: object | null = scope; o; o = Object.getPrototypeOf(o) as object | null) {
      if (o !== scope && !Object.prototype.hasOwnProperty.call(o, key)) continue;
      try {
        Object.defineProperty(o, key, { value: deny, writable: false, configurable: false, enumerable: false });
      } catch {
        // A property the engine keeps: the global's own copy above still shadows it.
      }
    }
  }
  // navigator.sendBeacon and friends: the navigator object is not needed at all.
  try {
    Object.defineProperty(scope, 'navigator', { value: undefined, writable: false, configurable: false });
  } catch {
    // Some engines keep it: it offers no network of its own in a worker.
  }
}

/** console.* of the learner's code goes to the extension's log, as the desktop room's stdout does. */
function captureConsole(): void {
  const c = console as unknown as Record<string, unknown>;
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    c[level] = (...args: unknown[]) =>
      send({ type: 'output', text: `${args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ')}\n` });
  }
}

function start(m: WebRoomStart): void {
  const flag = m.control ? new Int32Array(m.control) : undefined;
  const deadline = performance.now() + m.timeoutMs;
  // Without shared memory the host cannot raise the flag: the loops see the deadline themselves.
  const stopReason = () => {
    const asked = flag ? Atomics.load(flag, 0) : CONTROL.run;
    if (asked !== CONTROL.run) return asked;
    return performance.now() > deadline ? CONTROL.timeout : CONTROL.run;
  };
  setInterruptCheck(stopReason);
  const room: WorkerRoom = {
    post: (message) => send({ type: 'worker', message }),
    stopReason,
    log: (text) => send({ type: 'output', text }),
  };
  runJob(m.job, room);
}

const onMessage = (e: { data: unknown }) => {
  const m = e.data as WebRoomStart;
  if (m?.type !== 'start') return;
  unlisten('message', onMessage);
  start(m);
};
listen('message', onMessage);
captureConsole();
// The compiler and engine warm while the host has no job yet (a spare room, roomPool.web.ts).
warmUp();
lockDownWeb();
send({ type: 'ready' });
