/**
 * A teaching view's result as loss-panel messages (pure: no `vscode`, so the webview tests
 * draw exactly what the extension would send). Runs of a race, of restarts and of the
 * why-iterate view become ordinary runs; the numbers become tables, maps and the sweep chart.
 */
import type { RunResult } from '../runner/trainLoss';
import type { AnalysisName, AnalysisResult } from '../teaching/analysis';
import type { SweepResult } from '../teaching/learningRateSweep';
import type { CurvatureAt, StabilityRule } from '../teaching/stabilityRule';
import {
  isOptimizerName,
  LIMITS,
  streamedParams,
  type HostMessage,
  type StepPoint,
  type SweepRuleMark,
  type TableCell,
} from '../protocol/panelProtocol';
import { t } from '../l10n/localize';

/** A number as a table shows it: six significant digits, a dash (null) where it is not finite. */
export const tableCell = (v: number | null | undefined): TableCell =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Number(v.toPrecision(6));
const point = (p: number[]) => `(${p.map((v) => Number(v.toPrecision(5))).join(', ')})`;

/** A finished run as the panel's stream of points (the loop's decimation kept as step numbers). */
export function stepPoints(r: RunResult): StepPoint[] {
  return r.params.map((params, k) => ({
    step: r.steps ? r.steps[k] : k,
    loss: r.losses[k],
    ...streamedParams(params),
    gradNorm: r.gradNorms[k] ?? NaN,
  }));
}

export function analysisTitle(analysis: AnalysisName): string {
  switch (analysis) {
    case 'race':
      return t('Optimizer race');
    case 'restarts':
      return t('Random restarts and basins');
    case 'sweep':
      return t('Learning-rate sweep');
    case 'curvature':
      return t('Convex or not: the Hessian');
    case 'whyIterate':
      return t('Why iterate: closed form, descent, brute force');
    case 'batchSizes':
      return t('Mini-batch and full batch');
  }
}

/** The panel messages of one result; `nextRunId` names each run it posts. */
export function analysisMessages(
  result: AnalysisResult,
  fileName: string,
  dimension: number,
  paramNames: string[],
  nextRunId: () => string,
): HostMessage[] {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const out: HostMessage[] = [];
  const showRun = (label: string, r: RunResult) => {
    const runId = nextRunId();
    const optimizer = isOptimizerName(r.options.optimizer) ? r.options.optimizer : 'sgd';
    const learningRate = Math.min(Math.max(r.options.learningRate, LIMITS.minLearningRate), LIMITS.maxLearningRate);
    out.push({
      type: 'runStarted',
      runId,
      file: label === r.options.optimizer ? name : `${name} · ${label}`,
      dimension,
      paramNames,
      settings: { optimizer, learningRate, steps: Math.max(1, r.options.steps), init: r.options.init },
    });
    out.push({ type: 'progress', runId, points: stepPoints(r) });
    out.push({ type: 'runFinished', runId, reason: r.reason ?? 'completed' });
  };
  switch (result.analysis) {
    case 'race': {
      for (const row of result.rows) showRun(row.label, row.run);
      const best = result.rows.reduce((b, r, i) => ((r.finalLoss ?? Infinity) < (result.rows[b].finalLoss ?? Infinity) ? i : b), 0);
      out.push({
        type: 'table',
        id: 'race',
        title: t('Optimizer race'),
        columns: [t('Optimizer'), t('Learning rate'), t('Steps to tolerance'), t('Final loss'), t('End point')],
        rows: result.rows.map((r) => [
          r.label,
          tableCell(r.run.options.learningRate),
          r.stepsToTolerance ?? t('not reached'),
          tableCell(r.finalLoss),
          point(r.run.params[r.run.params.length - 1]),
        ]),
        highlight: best,
      });
      break;
    }
    case 'restarts': {
      const r = result.result;
      r.runs.forEach((run, i) =>
        showRun(`${t('start')} ${i + 1}`, {
          params: run.path,
          losses: run.losses,
          gradNorms: [],
          options: { ...(r.options ?? { optimizer: 'sgd', learningRate: 0.1, seed: 0 }), steps: run.path.length - 1, init: run.start },
        } as RunResult),
      );
      out.push({
        type: 'table',
        id: 'basins',
        title: t('Minima reached'),
        columns: [t('Basin'), t('Minimum'), t('Loss'), t('Runs')],
        rows: r.basins.map((b, i) => [i + 1, point(b.point), tableCell(b.loss), b.runs]),
        highlight: r.basins.length ? 0 : undefined,
      });
      if (r.map)
        out.push({
          type: 'cellMap',
          id: 'basin-map',
          title: t('Basin map: which minimum each start reaches'),
          x: r.map.x,
          y: r.map.y,
          cells: r.map.basin,
          categories: r.basins.map((b, i) => `${i + 1}: ${point(b.point)}`),
          marks: r.basins.map((b, i) => ({ x: b.point[0], y: b.point[1], label: String(i + 1) })),
        });
      break;
    }
    case 'sweep': {
      const r = result.result;
      out.push({
        type: 'sweep',
        id: 'sweep',
        title: t('Learning-rate sweep'),
        axis: { learningRate: t('Learning rate'), finalLoss: t('Final loss'), diverged: t('Diverged') },
        points: r.points.map((p) => ({ learningRate: p.learningRate, finalLoss: p.finalLoss, diverged: p.outcome === 'diverged' })),
        boundary: r.boundary,
        ...stabilityMarks(r.stability, r.boundary),
      });
      const outcome = { decreased: t('decreased'), stalled: t('no change'), diverged: t('diverged') };
      out.push({
        type: 'table',
        id: 'sweep-table',
        title:
          r.boundary.stable !== undefined && r.boundary.diverged !== undefined
            ? t('Divergence begins between η = {0} and η = {1}', tableCell(r.boundary.stable) ?? '', tableCell(r.boundary.diverged) ?? '')
            : t('Learning-rate sweep'),
        columns: [t('Learning rate'), t('Outcome'), t('Final loss')],
        rows: r.points.map((p) => [tableCell(p.learningRate), outcome[p.outcome], tableCell(p.finalLoss)]),
        highlight: r.best === undefined ? undefined : r.points.findIndex((p) => p.learningRate === r.best),
      });
      break;
    }
    case 'curvature': {
      const r = result.result;
      const kinds = { minimum: t('minimum'), maximum: t('maximum'), saddle: t('saddle point'), flat: t('flat (undecided)') };
      if (r.map) {
        const order = ['positive', 'indefinite', 'negative', 'semidefinite'] as const;
        out.push({
          type: 'cellMap',
          id: 'definiteness',
          title: t('Hessian: positive definite, indefinite (saddle) or negative definite'),
          x: r.map.x,
          y: r.map.y,
          cells: r.map.definiteness.map((row) => row.map((d) => order.indexOf(d))),
          categories: [
            t('positive definite (locally convex)'),
            t('indefinite (saddle-shaped)'),
            t('negative definite (locally concave)'),
            t('semidefinite'),
          ],
          marks: r.stationary.filter((s) => s.point.length === 2).map((s) => ({ x: s.point[0], y: s.point[1], label: kinds[s.kind] })),
        });
      }
      out.push({
        type: 'table',
        id: 'stationary',
        title: t('Stationary points (∇L = 0)'),
        columns: [t('Point'), t('Kind'), t('Loss'), t('Hessian eigenvalues')],
        rows: r.stationary.map((s) => [
          point(s.point),
          kinds[s.kind],
          tableCell(s.loss),
          s.eigenvalues.map((e) => Number(e.toPrecision(4))).join(', '),
        ]),
      });
      break;
    }
    case 'whyIterate': {
      const r = result.result;
      showRun(t('gradient descent'), {
        params: r.descent.path.map((w) => [w]),
        losses: r.descent.losses,
        gradNorms: [],
        options: {
          optimizer: r.descent.optimizer,
          learningRate: r.descent.learningRate,
          steps: r.descent.path.length - 1,
          seed: 0,
          init: [r.start],
        },
      } as RunResult);
      showRun(t("Newton's method"), {
        params: [[r.start], [r.newton.point]],
        losses: [r.descent.losses[0], r.newton.loss],
        gradNorms: [],
        options: { optimizer: 'newton', learningRate: 1, steps: 1, seed: 0, init: [r.start] },
      } as RunResult);
      out.push({
        type: 'table',
        id: 'why-iterate',
        title: t('Why iterate: closed form, descent, brute force'),
        columns: [t('Method'), t('Result'), t('Work')],
        rows: [
          [
            t("Newton's method (one step = closed form for a quadratic)"),
            `w = ${tableCell(r.newton.point)}, L′(w) = ${tableCell(r.newton.slope)}`,
            t('{0} step', 1),
          ],
          [
            t('Gradient descent (η = {0})', tableCell(r.descent.learningRate) ?? ''),
            r.descent.stepsToAccuracy === undefined ? t('not reached') : `|w − w*| ≤ ${r.accuracy}`,
            r.descent.stepsToAccuracy === undefined ? t('not reached') : t('{0} steps', r.descent.stepsToAccuracy),
          ],
          [t('Grid search (brute force)'), `w ≈ ${tableCell(r.grid.best)}`, t('{0} evaluations', r.grid.evaluations)],
          ...r.gridCostLog10
            .slice(1)
            .map((c): TableCell[] => [
              t('Grid search with {0} parameters', c.dimension),
              '',
              t('about 10^{0} evaluations', Number(c.log10Evaluations.toFixed(1))),
            ]),
        ],
      });
      break;
    }
    case 'batchSizes': {
      const r = result.result;
      const label = (row: (typeof r.rows)[number]) =>
        row.fullBatch ? t('full batch ({0})', row.batchSize) : t('mini-batch {0}', row.batchSize);
      for (const row of r.rows) showRun(label(row), row.run);
      const best = r.rows.reduce((b, row, i) => ((row.finalLoss ?? Infinity) < (r.rows[b].finalLoss ?? Infinity) ? i : b), 0);
      out.push({
        type: 'table',
        id: 'batch-sizes',
        title: t('Mini-batch and full batch: the same steps, different work ({0} training samples)', r.samples),
        columns: [t('Batch size'), t('Steps'), t('Samples processed'), t('Epochs'), t('Loss on all training data'), t('Time (ms)')],
        rows: r.rows.map((row) => [
          label(row),
          row.run.steps?.[row.run.steps.length - 1] ?? row.run.params.length - 1,
          row.samples,
          Number(row.epochs.toPrecision(4)),
          tableCell(row.finalLoss),
          Math.round(row.milliseconds),
        ]),
        highlight: best,
      });
      break;
    }
  }
  return out;
}

const short = (v: number) => Number(v.toPrecision(4));

/**
 * The stability rule η < 2/λ_max on the sweep chart: a dashed line at each predicted limit (the
 * start's, and where the best run ended when that differs) and one paragraph saying what it is,
 * whether it holds everywhere (a quadratic) or only near the point, and for which optimizer.
 */
export function stabilityMarks(
  rule: StabilityRule | undefined,
  boundary: SweepResult['boundary'],
): { rules?: SweepRuleMark[]; note?: string } {
  if (!rule) return {};
  const estimated = (c: CurvatureAt) => (c.method === 'estimated' ? ` ${t('(estimated by power iteration)')}` : '');
  const rules: SweepRuleMark[] = [];
  const lines: string[] = [];
  const { start, end } = rule;
  if (start.limit !== undefined) {
    rules.push({ limit: start.limit, label: t('2/λ_max at the start = {0}', short(start.limit)) });
    lines.push(
      t(
        'The curvature of this loss at the start: λ_max = {0}, so gradient descent is stable for η < 2/λ_max = {1}.',
        short(start.lambdaMax),
        short(start.limit),
      ) + estimated(start),
    );
  } else {
    lines.push(
      t('At the start no direction curves upward (λ_max = {0}): the rule sets no limit there.', short(start.lambdaMax)) + estimated(start),
    );
  }
  if (rule.quadratic) {
    lines.push(t('This loss is quadratic: its Hessian is the same at every point, so the limit holds everywhere.'));
  } else {
    lines.push(
      t(
        'This loss is not quadratic: its Hessian changes from point to point, so the rule is local and holds only near the point where λ_max was measured.',
      ),
    );
    if (end?.limit !== undefined) {
      rules.push({ limit: end.limit, label: t('2/λ_max at the end = {0}', short(end.limit)) });
      lines.push(t('Where the best run ended: λ_max = {0}, 2/λ_max = {1}.', short(end.lambdaMax), short(end.limit)) + estimated(end));
    }
  }
  if (boundary.stable !== undefined && boundary.diverged !== undefined)
    lines.push(
      t(
        'Measured by the sweep: divergence begins between η = {0} and η = {1}.',
        tableCell(boundary.stable) ?? '',
        tableCell(boundary.diverged) ?? '',
      ),
    );
  if (!rule.plainGradientDescent)
    lines.push(t('The rule is for plain gradient descent (the sgd optimizer without momentum); other optimizers have other limits.'));
  return { rules, note: lines.join(' ') };
}
