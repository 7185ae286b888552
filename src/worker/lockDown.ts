/**
 * What the worker removes from its own realm before it loads learner code: the ways a loss file
 * could reach outside computing. Node's permission model (isolatedRun.ts) already denies file
 * writes, reads outside the learner's folder, child processes and native addons; it does not
 * cover signals, the network or timers, so those are taken away here. A loss needs none of them, and the
 * engine, compiler and teaching code that share this realm use none of them.
 */
import { NotAllowedError } from '../runner/notAllowedError';

/** `process` members that end or reach other processes, the network or native code (`exit` would end the worker without a line). */
const PROCESS_MEMBERS = [
  'exit',
  'reallyExit',
  'kill',
  '_kill',
  'abort',
  'dlopen',
  'binding',
  '_linkedBinding',
  'getBuiltinModule',
  'chdir',
  'setuid',
  'setgid',
  'seteuid',
  'setegid',
  'setgroups',
  'initgroups',
  'umask',
  'send',
  'disconnect',
] as const;

/** Globals that open connections. */
const NETWORK_GLOBALS = ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest'] as const;

/**
 * Timers: a callback that runs later, between or after evaluations, is code outside the loss the
 * engine differentiates (and the worker itself schedules nothing). Clearing one stays harmless.
 */
export const TIMER_GLOBALS = ['setTimeout', 'setInterval', 'setImmediate'] as const;

function deny(what: string): () => never {
  return () => {
    throw new NotAllowedError(what);
  };
}

export function lockDown(): void {
  const proc = process as unknown as Record<string, unknown>;
  for (const key of PROCESS_MEMBERS) if (key in proc) seal(proc, key, deny(`process.${key}`));
  const global = globalThis as unknown as Record<string, unknown>;
  for (const key of [...NETWORK_GLOBALS, ...TIMER_GLOBALS]) if (key in global) seal(global, key, deny(key));
}

/** Replaces a member for good (not writable, not configurable), or at least assigns it. */
function seal(target: Record<string, unknown>, key: string, value: unknown): void {
  try {
    Object.defineProperty(target, key, { value, writable: false, configurable: false, enumerable: false });
  } catch {
    target[key] = value;
  }
}
