/**
 * Where sealed rooms (sealedRoom.ts) come from. A room starts its worker — the compiler and the
 * engine, about 10 MB of code — as soon as it is forked, before it knows its job, so a room forked
 * ahead of time makes the next Train start at once. Each room runs one job and is then ended: the
 * learner's code has touched its realm, and a fresh room guarantees the next file nothing of it.
 *
 * The editor keeps one spare room warm (keepRoomsWarm); the CLI runs one job and keeps none.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Everything a room is started with: a spare serves a job only when this matches exactly. */
export interface RoomSpec {
  workerPath: string;
  /** Node options: the permission flags, whose read roots depend on the learner file's folder. */
  execArgv: string[];
  memoryMb: number;
  stackMb: number;
  rssLimitMb: number;
}

/** What the room reads from its first argument. */
export type RoomArguments = Omit<RoomSpec, 'execArgv'>;

let warm = false;
let spare: { key: string; room: ChildProcess } | undefined;

const keyOf = (spec: RoomSpec) => JSON.stringify([spec.workerPath, spec.execArgv, spec.memoryMb, spec.stackMb, spec.rssLimitMb]);
const alive = (room: ChildProcess) => room.connected && room.exitCode === null && room.signalCode === null;

function start(spec: RoomSpec): ChildProcess {
  const args: RoomArguments = { workerPath: spec.workerPath, memoryMb: spec.memoryMb, stackMb: spec.stackMb, rssLimitMb: spec.rssLimitMb };
  return fork(path.join(path.dirname(spec.workerPath), 'sealedRoom.js'), [JSON.stringify(args)], {
    execArgv: spec.execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Nothing of the host's environment (secrets, paths); Electron's Node needs its one switch.
    env: process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {},
  });
}

/** A waiting spare must not keep its host alive (a CLI would never exit); a room at work must. */
function holdOpen(room: ChildProcess, hold: boolean): void {
  const handles = [room, room.channel, room.stdout, room.stderr] as Array<{ ref?: () => void; unref?: () => void } | null | undefined>;
  for (const h of handles) (hold ? h?.ref : h?.unref)?.call(h);
}

/** A room for one job: the warm spare when it was started for the same spec, else a new one. */
export function takeRoom(spec: RoomSpec): ChildProcess {
  const key = keyOf(spec);
  if (spare && spare.key === key && alive(spare.room)) {
    const room = spare.room;
    spare = undefined;
    holdOpen(room, true);
    return room;
  }
  return start(spec);
}

/** Starts a spare for the next job like `spec`, when rooms are kept warm and none is waiting. */
export function prepareRoom(spec: RoomSpec): void {
  if (!warm) return;
  const key = keyOf(spec);
  if (spare && spare.key === key && alive(spare.room)) return;
  spare?.room.kill('SIGKILL');
  const room = start(spec);
  holdOpen(room, false);
  const entry = { key, room };
  spare = entry;
  room.on('exit', () => {
    if (spare === entry) spare = undefined;
  });
}

/** The editor keeps a spare room ready; turning it off ends the spare. */
export function keepRoomsWarm(on: boolean): void {
  warm = on;
  if (!on) {
    spare?.room.kill('SIGKILL');
    spare = undefined;
  }
}
