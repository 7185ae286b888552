/**
 * The worker in the sealed room (Node worker thread; see isolatedRun.ts for the host side and
 * workerCore.ts for what it does with a job). Cancel and timeout arrive through a shared flag the
 * loops poll.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type WorkerData, type WorkerJob, type WorkerMessage } from './workerProtocol';
import { setInterruptCheck } from '../engine/runtime';
import { lockDown } from './lockDown';
import { runJob, warmUp, type WorkerRoom } from './workerCore';

const data = workerData as WorkerData;
const control = new Int32Array(data.control);
const room: WorkerRoom = {
  post: (m: WorkerMessage) => parentPort?.postMessage(m),
  stopReason: () => Atomics.load(control, 0),
  // stderr reaches the CLI's stderr and the extension's log.
  log: (text) => process.stderr.write(text),
};
// Loops in the learner's code look at the same flag (runtime.tick), so a stop lands at their line.
setInterruptCheck(() => Atomics.load(control, 0));
// Before any learner code: no signals, no network, no native code (see lockDown.ts).
lockDown();

if (data.job) runJob(data.job, room);
else {
  warmUp();
  parentPort?.once('message', (m: { type: 'job'; job: WorkerJob }) => runJob(m.job, room));
}
