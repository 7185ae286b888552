/**
 * roomPool.ts for VS Code for the Web: the sealed rooms are Web Workers (webWorker.ts) started from
 * a Blob URL of the worker bundle. One spare is kept warm while the editor asks for it: a new
 * worker loads and warms the compiler and engine before it knows its job, so Train starts at once.
 * Each worker runs one job and is then ended, as on the desktop.
 */

/** Only the worker's URL matters on the web: the limits are the job's (isolatedRun.web.ts). */
export interface WebRoomSpec {
  workerPath: string;
}

/** The browser's Worker, as much of it as the rooms use (the project's TypeScript lib has no DOM). */
export interface BrowserWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { message?: string; preventDefault?: () => void }) => void) | null;
}
declare const Worker: new (url: string, options?: { name?: string }) => BrowserWorker;

let warm = false;
let spare: { url: string; worker: BrowserWorker } | undefined;

function start(url: string): BrowserWorker {
  return new Worker(url, { name: 'gdtutor-sealed-room' });
}

/** A room for one job: the warm spare when it was made from the same bundle, else a new one. */
export function takeRoom(spec: WebRoomSpec): BrowserWorker {
  if (spare && spare.url === spec.workerPath) {
    const worker = spare.worker;
    spare = undefined;
    return worker;
  }
  return start(spec.workerPath);
}

/** Starts a spare for the next job, when rooms are kept warm and none is waiting. */
export function prepareRoom(spec: WebRoomSpec): void {
  if (!warm || (spare && spare.url === spec.workerPath)) return;
  spare?.worker.terminate();
  spare = { url: spec.workerPath, worker: start(spec.workerPath) };
}

export function keepRoomsWarm(on: boolean): void {
  warm = on;
  if (!on) {
    spare?.worker.terminate();
    spare = undefined;
  }
}
