/**
 * A loss must be a function of its parameters (and data): the same parameters, the same value.
 * One that reads the clock, a module variable each call changes, or random numbers is not, and
 * training would follow that change silently. compileLoss evaluates the loss twice at the start
 * and compares (`sameEvaluation`); when they differ, `firstDifference` finds where: the file is
 * loaded once more in graph mode (transform.ts: every operator and Math call reports its value
 * through `__gds`), evaluated twice the same way, and the first operation whose value differs
 * between the two is the place to show. This second load runs only for a loss already found to
 * vary, so a deterministic file never pays for it.
 */
import ts from 'typescript';
import path from 'node:path';
import { value0, type ParamShape } from '../engine/evaluate';
import { loadModule, whereOf } from './moduleLoader';
import { readText } from './learnerHost';
import { seedLearnerRandom } from './learnerMath';
import type { GraphSite } from './transform';
import type { Where } from './learnerErrors';

/**
 * Blocks until the millisecond clock has moved past `after`, so that a loss reading `Date.now()`
 * sees a different time in the next evaluation than in the last (at most a millisecond).
 */
export function waitForClock(after: number): void {
  // A page that is not cross-origin isolated (VS Code for the Web) has no SharedArrayBuffer, hence
  // no Atomics.wait: there the wait spins, for at most the same millisecond.
  if (typeof SharedArrayBuffer === 'undefined') {
    while (Date.now() <= after);
    return;
  }
  const cell = new Int32Array(new SharedArrayBuffer(4));
  while (Date.now() <= after) Atomics.wait(cell, 0, 0, 0.25);
}

/** Two evaluations agree: the same value (NaN agrees with NaN) and the same gradient. */
export function sameEvaluation(
  a: { value: number; gradient: ArrayLike<number> },
  b: { value: number; gradient: ArrayLike<number> },
): boolean {
  if (!Object.is(a.value, b.value) || a.gradient.length !== b.gradient.length) return false;
  for (let i = 0; i < a.gradient.length; i++) if (!Object.is(a.gradient[i], b.gradient[i])) return false;
  return true;
}

export interface RepeatProbe {
  source: string;
  fileName: string;
  shape: ParamShape;
  at: number[];
  /** The seed compileLoss loaded the file with (the second load gets the same numbers). */
  seed: number;
}

/**
 * Where two evaluations of the loss at `at` first differ: the operation's span and its file (the
 * trained file, or one it imports). Undefined when no operation differed this time (or the file
 * could not be run again).
 */
export function firstDifference(probe: RepeatProbe): { where: Where; file?: string } | undefined {
  const sites: GraphSite[] = [];
  let log: Array<{ site: number; value: unknown }> = [];
  const record = (site: number, value: unknown) => {
    log.push({ site, value });
    return value;
  };
  try {
    seedLearnerRandom(probe.seed);
    const mod = loadModule(probe.source, probe.fileName, { maps: new Map(), cache: new Map(), transform: { graph: { sites, record } } });
    const loss = mod.exports.loss as (params: unknown, ...rest: unknown[]) => unknown;
    const rest = Array.isArray(mod.exports.data) ? [mod.exports.data] : [];
    log = [];
    value0(loss, probe.at, probe.shape, rest);
    const first = log;
    waitForClock(Date.now());
    log = [];
    value0(loss, probe.at, probe.shape, rest);
    const second = log;
    const n = Math.min(first.length, second.length);
    let i = 0;
    while (i < n && first[i].site === second[i].site && Object.is(first[i].value, second[i].value)) i++;
    if (i === first.length && i === second.length) return undefined;
    const site = sites[(first[i] ?? second[i]).site];
    const inTrainedFile = path.resolve(site.fileName) === path.resolve(probe.fileName);
    const file = inTrainedFile ? mod.sourceFile : ts.createSourceFile(site.fileName, readText(site.fileName), ts.ScriptTarget.ES2022, true);
    return { where: whereOf(file, site.start, site.end), file: inTrainedFile ? undefined : site.fileName };
  } catch {
    return undefined;
  }
}
