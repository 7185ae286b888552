/**
 * What the worker adds to a finished run for its diagnosis (diagnosis.ts): the exact Hessian at
 * the end point, a probe along −∇L for an unbounded loss, the largest stable learning rate after a
 * divergence, and the lab — experiments from the run's own start, each expressed as the CLI
 * arguments that reproduce it (`train FILE <cli>`), so a remedy is exactly what a learner can run.
 * Each extra is skipped where it would cost more than it is worth (many parameters, no time left).
 */
import type { CompiledLoss } from '../runner/compile';
import { trainLoss, type RunResult } from '../runner/trainLoss';
import { randomStart, type TrainOptions } from '../engine/trainOptions';
import { trainTestSplit } from '../engine/trainTestSplit';
import { parseArgs } from '../runner/cliArgs';
import { diagnose, type Change, type Finding, type Lab, type Trial } from './diagnosis';
import { largestStableLearningRate as searchStableRate } from './learningRateSweep';
import { randomRestarts } from './restarts';
import { stationaryPoints } from './curvature';

/** Exact Hessians are O(n²) hyper-dual passes: fine up to a few dozen parameters. */
const MAX_HESSIAN_DIMENSION = 16;
/** Restarts are extra whole runs: only for the small surfaces the views draw. */
const MAX_RESTART_DIMENSION = 3;
const RESTARTS = 8;
/** Wall-clock budget of all experiments together; a try still running at the end is dropped, not shown. */
const LAB_BUDGET_MS = 15_000;

export interface DiagnoseHooks {
  isCancelled?: () => boolean;
  budgetMs?: number;
  /** Told when the diagnosis itself failed (a bug, not the learner's): the run stays, without findings. */
  onError?: (e: unknown) => void;
  /** Names the operation whose derivative is not finite at a point (the worker has the source: nanGradient.ts). */
  explainGradient?: (at: number[]) => { op: string; line?: number } | undefined;
}

/** `f()`, or undefined when the learner's loss throws there: one failed experiment is not the whole diagnosis. */
function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

const last = <T>(xs: T[]): T => xs[xs.length - 1];

/** Hyper-parameters the CLI can set, by option name (src/runner/cliArgs.ts). */
const HYPER_FLAGS: Array<[keyof TrainOptions, string]> = [
  ['momentum', '--momentum'],
  ['dampening', '--dampening'],
  ['nesterov', '--nesterov'],
  ['beta1', '--beta1'],
  ['beta2', '--beta2'],
  ['eps', '--eps'],
  ['alpha', '--alpha'],
  ['weightDecay', '--weight-decay'],
  ['amsgrad', '--amsgrad'],
  ['centered', '--centered'],
  ['lrDecay', '--lr-decay'],
  ['initialAccumulatorValue', '--initial-accumulator-value'],
  ['lineSearch', '--line-search'],
  ['damping' as keyof TrainOptions, '--damping'],
];

const list = (p: number[]) => p.map((v) => String(v)).join(',');

/**
 * The `train` arguments of the diagnosed run with `changes` applied. What the file's config
 * already says is left to the file; what the run used beyond it is spelt out. A different
 * optimizer starts from its own defaults (the old one's momentum or betas do not carry over).
 */
export function trialArguments(loss: CompiledLoss, run: RunResult, changes: Change[]): string[] {
  const o = run.options as RunResult['options'] & Record<string, unknown>;
  const config = (loss.config ?? {}) as Record<string, unknown>;
  const get = <K extends Change['kind']>(kind: K) =>
    changes.find((c) => c.kind === kind)?.value as Extract<Change, { kind: K }>['value'] | undefined;
  const optimizer = get('optimizer') ?? o.optimizer;
  const args = [
    '--optimizer',
    optimizer,
    '--lr',
    String(get('learningRate') ?? o.learningRate),
    '--steps',
    String(get('steps') ?? o.steps),
  ];
  // The start: spelt out unless the file (or the seed) already gives exactly this one.
  const init = get('init') ?? o.init;
  const implied = loss.init ?? randomStart(loss.dimension, loss.bounds, o.seed);
  if (!(init.length === implied.length && init.every((v, i) => v === implied[i]))) args.push('--init', list(init));
  args.push('--seed', String(o.seed));
  const batch = get('fullBatch') ?? o.batchSize;
  if (batch !== undefined) args.push('--batch-size', String(batch));
  if (o.tolerance !== undefined && o.tolerance !== config.tolerance) args.push('--tolerance', String(o.tolerance));
  if (optimizer === o.optimizer) {
    for (const [key, flag] of HYPER_FLAGS) {
      const v = o[key as string];
      if (v === undefined || v === config[key as string]) continue;
      if (typeof v === 'boolean') {
        if (v) args.push(flag);
      } else args.push(flag, String(v));
    }
  }
  return args;
}

export function diagnoseRun(loss: CompiledLoss, run: RunResult, caller: TrainOptions = {}, hooks: DiagnoseHooks = {}): Finding[] {
  try {
    const end = last(run.params);
    const finite = end.every(Number.isFinite);
    const small = loss.dimension <= MAX_HESSIAN_DIMENSION;
    const hessianAtEnd = finite && small && !loss.data ? attempt(() => loss.hessian(end)) : undefined;
    const endLoss = last(run.losses);
    const diverged = run.reason === 'diverged' || !Number.isFinite(endLoss) || endLoss > run.losses[0];
    const options = { ...caller, optimizer: run.options.optimizer, init: run.options.init, seed: run.options.seed };
    const largestStableLearningRate =
      diverged && small && Number.isFinite(run.losses[0])
        ? attempt(() => searchStableRate(loss, run.options.learningRate, options))
        : undefined;
    const deadline = Date.now() + (hooks.budgetMs ?? LAB_BUDGET_MS);
    // A gradient that stopped being finite while the loss was finite and not above its start.
    const k = run.gradNorms.findIndex(
      (g, i) =>
        !Number.isFinite(g) && Number.isFinite(run.losses[i]) && run.losses[i] <= run.losses[0] && run.params[i].every(Number.isFinite),
    );
    const nonFiniteGradient =
      k >= 0 ? { step: k, site: hooks.explainGradient ? attempt(() => hooks.explainGradient?.(run.params[k])) : undefined } : undefined;
    return diagnose(
      { run, hessianAtEnd, largestStableLearningRate, descentProbe: descentProbe(loss, run), nonFiniteGradient },
      makeLab(loss, run, caller, deadline, hooks.isCancelled),
    );
  } catch (e) {
    // A diagnosis is advice: its failure must not turn a finished run into an error, but it is reported.
    hooks.onError?.(e);
    return [];
  }
}

/** The samples the run trained on (its `data` minus a held-out side), or undefined without data. */
function trainingSide(loss: CompiledLoss, run: RunResult): readonly unknown[] | undefined {
  if (!loss.data) return undefined;
  const split = run.options.testSplit ? trainTestSplit(loss.data, run.options.testSplit, run.options.seed) : undefined;
  return split?.test.length ? split.train : loss.data;
}

function makeLab(loss: CompiledLoss, run: RunResult, caller: TrainOptions, deadline: number, isCancelled?: () => boolean): Lab {
  const samples = trainingSide(loss, run);
  const fullLoss = (p: number[]) => (samples ? loss.value(p, samples) : loss.value(p));
  const tried = new Map<string, Trial | undefined>();
  const lab: Lab = {
    fullLoss,
    trainingSamples: samples?.length,
    tryChanges(changes) {
      const cli = trialArguments(loss, run, changes);
      const key = cli.join(' ');
      if (tried.has(key)) return tried.get(key);
      let trial: Trial | undefined;
      if (Date.now() < deadline && !isCancelled?.()) {
        // Parsed exactly as the CLI parses them: the remedy is what `train FILE <cli>` runs.
        const options = parseArgs(['train', loss.fileName, ...cli]).train;
        // A try the loss throws on (it left the region where the file's code works) is not a remedy.
        const r = attempt(() => trainLoss(loss, options, { deadline, isCancelled }));
        if (r && r.reason !== 'timeout' && r.reason !== 'cancelled') {
          const steps = r.stoppedAt ?? r.options.steps;
          trial = { cli, changes, finalLoss: last(r.losses), steps, run: r };
          // Compared on all training samples, as the diagnosed run is (a batch loss is noise).
          if (samples) trial.objective = fullLoss(last(r.params));
        }
      }
      tried.set(key, trial);
      return trial;
    },
  };
  if (loss.dimension <= MAX_HESSIAN_DIMENSION && !loss.data) {
    lab.stationaryNear = (p) => {
      if (!p.every(Number.isFinite) || Date.now() >= deadline) return undefined;
      const found = attempt(() => stationaryPoints(loss, [p]))?.[0];
      const hessian = found && attempt(() => loss.hessian(found.point));
      return found && hessian ? { point: found.point, gradNorm: found.gradNorm, hessian } : undefined;
    };
  }
  if (loss.dimension <= MAX_RESTART_DIMENSION && !loss.data) {
    let memo: ReturnType<NonNullable<Lab['restarts']>> | undefined;
    lab.restarts = () => {
      if (memo) return memo;
      if (Date.now() >= deadline || isCancelled?.()) return (memo = { count: 0 });
      const options = {
        ...caller,
        optimizer: run.options.optimizer,
        learningRate: run.options.learningRate,
        steps: run.options.steps,
        seed: run.options.seed,
      };
      const r = attempt(() => randomRestarts(loss, { count: RESTARTS, seed: run.options.seed + 1, options, isCancelled }));
      if (!r) return (memo = { count: 0 });
      const ok = r.runs.filter((x) => x.finalLoss !== null);
      const best = ok.sort((a, b) => (a.finalLoss as number) - (b.finalLoss as number))[0];
      memo = { count: r.runs.length, best: best && { start: best.start, end: best.end, loss: best.finalLoss as number } };
      return memo;
    };
  }
  return lab;
}

/**
 * The loss along −∇L from the last point where it was finite, at distances s·10^k (s: the point's
 * scale): enough to tell a bowl's far wall from a slope that never ends.
 */
function descentProbe(loss: CompiledLoss, run: RunResult): Array<{ distance: number; loss: number }> | undefined {
  let k = run.losses.length - 1;
  while (k > 0 && !(Number.isFinite(run.losses[k]) && run.params[k].every(Number.isFinite))) k--;
  const p = run.params[k];
  if (!p.every(Number.isFinite)) return undefined;
  const at = attempt(() => loss.valueAndGrad(p));
  if (!at) return undefined;
  const { value, gradient } = at;
  const norm = Math.hypot(...gradient);
  if (!Number.isFinite(value) || !(norm > 0) || !Number.isFinite(norm)) return undefined;
  const scale = Math.max(1, ...p.map(Math.abs));
  const probe = [{ distance: 0, loss: value }];
  for (let e = 0; e <= 5; e++) {
    const t = scale * 10 ** e;
    probe.push({ distance: t, loss: attempt(() => loss.value(p.map((v, i) => v - (t * gradient[i]) / norm))) ?? NaN });
  }
  return probe;
}
