/**
 * `npm run bench` — speed, measured side by side in one process (never asserted in tests):
 *
 *   W1  Rosenbrock value + gradient
 *   W2  a 100-parameter function written with a for-loop
 *   W3  MLP 2-16-16-1 tanh, MSE, 256 points, full batch (value + gradient)
 *   W4  MLP 2-128-128-2 tanh, softmax cross-entropy, two spirals of 1024 points, batch 64, Adam (one step)
 *
 * each through our engine (the learner's plain-TypeScript path, compiled by compileLoss),
 * TensorFlow.js's pure-JS CPU backend, and hand-written gradients. Medians and ratios are printed
 * and written to bench-results.json.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { measure, sideBySide, type TimingOptions } from './timing';
import { HandAdam, HandMlp, rosenbrock, w2 } from './handwritten';
import { useCpu, tfRosenbrock, tfW2, tfW3, tfW4 } from './tfjsWorkloads';
import { compileLoss } from '../src/runner/compile';
import { Adam } from '../src/engine/optim/adam';
import { mulberry32 } from '../src/engine/random';
import { prewarmRoom, runIsolated } from '../src/worker/isolatedRun';
import { keepRoomsWarm } from '../src/worker/roomPool';
import { contextAt, termAt } from '../src/hover/termMatcher';
import { readFileSync } from 'node:fs';
import { nineRunViewTimings, tenThousandNodeGraphTiming } from './viewsInteractivity';
// W3 as a learner would write it in plain TypeScript: loops over a flat parameter array.
import { mlpLoopsSource } from '../test/fixtures/mlpLoopsSource';

interface Row {
  workload: string;
  implementation: string;
  perSecond: number;
  microseconds: number;
  vsHandWritten: number;
}

const rows: Row[] = [];

/** Times the implementations of one workload side by side (rounds interleaved) and prints them. */
function report(workload: string, cases: Array<[string, () => unknown]>, options: TimingOptions = {}): void {
  const rates = sideBySide(
    cases.map(([, fn]) => fn),
    options,
  );
  const results = cases.map(([name], i) => [name, rates[i]] as const);
  const hand = results.find(([name]) => name === 'hand-written')?.[1].perSecond ?? NaN;
  for (const [implementation, r] of results) {
    rows.push({ workload, implementation, perSecond: r.perSecond, microseconds: r.microseconds, vsHandWritten: hand / r.perSecond });
  }
  console.log(`\n${workload}`);
  for (const [implementation, r] of results) {
    const ratio = hand / r.perSecond;
    console.log(
      `  ${implementation.padEnd(46)} ${r.perSecond.toExponential(3).padStart(10)} /s  ${r.microseconds.toFixed(3).padStart(11)} µs   ${ratio.toFixed(2).padStart(9)}× hand-written`,
    );
  }
}

/** Two interleaved spirals (k classes), seeded: the W4 data. */
function spirals(n: number, seed: number): { x: number[][]; y: number[] } {
  const random = mulberry32(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const t = (i / n) * 3 * Math.PI + 0.5;
    const r = t / (3 * Math.PI);
    x.push([r * Math.cos(t + c * Math.PI) + 0.02 * (random() - 0.5), r * Math.sin(t + c * Math.PI) + 0.02 * (random() - 0.5)]);
    y.push(c);
  }
  return { x, y };
}

function w3Data(): { x: number[][]; y: number[] } {
  const random = mulberry32(3);
  const x = Array.from({ length: 256 }, () => [random() * 4 - 2, random() * 4 - 2]);
  return { x, y: x.map(([a, b]) => Math.sin(a) * Math.cos(b)) };
}

/** dist/api.js as a library user loads it (npm run bench builds it first). */
function publicApi(): typeof import('../src/api') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.resolve(__dirname, '..', '..', 'dist', 'api.js')) as typeof import('../src/api');
}

async function main(): Promise<void> {
  await useCpu();
  console.log(`Node ${process.version}, ${new Date().toISOString()}`);

  // ── W1 ────────────────────────────────────────────────────────────────
  {
    const p = Float64Array.of(-1.2, 1);
    const g = new Float64Array(2);
    const w1Source = 'export function loss([x, y]: number[]) { return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2; }';
    const engine = compileLoss(w1Source, 'w1.ts');
    // What a library user gets: the bundle, loaded as they would load it.
    const publicW1 = publicApi().compileLoss(w1Source, 'w1.ts');
    const fd = () => {
      const h = 1e-6;
      const q = Float64Array.from(p);
      let s = rosenbrock(q, g);
      for (let i = 0; i < 2; i++) {
        q[i] = p[i] + h;
        const a = rosenbrock(q, g);
        q[i] = p[i] - h;
        s += (a - rosenbrock(q, g)) / (2 * h);
        q[i] = p[i];
      }
      return s;
    };
    report(
      'W1 Rosenbrock value + gradient (evaluations/s)',
      [
        ['hand-written', () => rosenbrock(p, g)],
        ['engine, plain-TS loss file', () => engine.valueAndGrad(p)],
        ['engine through dist/api.js (the public entry)', () => publicW1.valueAndGrad(p)],
        ['central finite differences', fd],
        ['TensorFlow.js CPU', tfRosenbrock()],
      ],
      { minMs: 150, rounds: 7 },
    );
  }

  // ── W2 ────────────────────────────────────────────────────────────────
  {
    const n = 100;
    const p = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const g = new Float64Array(n);
    const w2Source = `export const init = new Array(100).fill(0);
export function loss(p: number[]) {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i] - i / 100) ** 2 * (1 + 0.1 * Math.sin(p[i]));
  for (let i = 0; i < p.length - 1; i++) s += 0.01 * (p[i + 1] - p[i]) ** 2;
  return s;
}`;
    const engine = compileLoss(w2Source, 'w2.ts');
    const publicW2 = publicApi().compileLoss(w2Source, 'w2.ts');
    report(
      'W2 100-parameter loop function, value + gradient (evaluations/s)',
      [
        ['hand-written', () => w2(p, g.fill(0))],
        ['engine, plain-TS loss file', () => engine.valueAndGrad(p)],
        ['engine through dist/api.js (the public entry)', () => publicW2.valueAndGrad(p)],
        ['TensorFlow.js CPU (vectorised)', tfW2()],
      ],
      { minMs: 150, rounds: 7 },
    );
  }

  // ── W3 ────────────────────────────────────────────────────────────────
  {
    const { x, y } = w3Data();
    const hand = new HandMlp([2, 16, 16, 1], 256);
    const p = Float64Array.from({ length: hand.count }, (_, i) => 0.3 * Math.sin(i + 1));
    const g = new Float64Array(hand.count);
    const xs = Float64Array.from(x.flat());
    const ys = Float64Array.from(y);
    const batch = x.map((xi, i) => ({ x: xi, y: y[i] }));
    const engine = compileLoss(mlpLoopsSource(batch), 'w3.ts');
    const viaNn = compileLoss(
      `import { nn } from 'gdtutor';
const model = nn.mlp([2, 16, 16, 1], 'tanh');
export const init = model.init(0);
export const data = ${JSON.stringify(batch)};
export function loss(p: number[], batch: { x: number[]; y: number }[]) {
  return nn.mse(model.forward(p, batch.map((s) => s.x)), batch.map((s) => s.y));
}`,
      'w3nn.ts',
    );
    report(
      'W3 MLP 2-16-16-1 tanh, MSE, 256 points, value + gradient (evaluations/s)',
      [
        ['hand-written', () => hand.mse(p, g, xs, ys, 256)],
        ['engine, gdtutor nn', () => viaNn.valueAndGrad(p, batch)],
        ['engine, plain-TS loops', () => engine.valueAndGrad(p, batch)],
        ['TensorFlow.js CPU', tfW3(x, y)],
      ],
      { minMs: 200, rounds: 7 },
    );
  }

  // ── W4 ────────────────────────────────────────────────────────────────
  {
    const { x, y } = spirals(1024, 4);
    const hand = new HandMlp([2, 128, 128, 2], 64);
    const p = Float64Array.from({ length: hand.count }, (_, i) => 0.1 * Math.sin(i + 1));
    const g = new Float64Array(hand.count);
    const xs = Float64Array.from(x.flat());
    const labels = Int32Array.from(y);
    const adam = new HandAdam(hand.count);
    let start = 0;
    const handStep = () => {
      const from = start;
      start = (start + 64) % 1024;
      const v = hand.crossEntropy(p, g, xs.subarray(from * 2), labels.subarray(from), 64);
      adam.step(p, g);
      return v;
    };
    // The engine's Adam on the hand-written gradient: isolates the optimizer's cost.
    const engineAdam = new Adam({ lr: 1e-3 });
    const p2 = Float64Array.from(p);
    const engineAdamStep = () => {
      const from = start;
      start = (start + 64) % 1024;
      const v = hand.crossEntropy(p2, g, xs.subarray(from * 2), labels.subarray(from), 64);
      engineAdam.step(p2, { value: v, gradient: g, evaluate: () => ({ value: v, gradient: g }) });
      return v;
    };
    const samples = x.map((xi, i) => ({ x: xi, label: y[i] }));
    const viaNn = compileLoss(
      `import { nn } from 'gdtutor';
const model = nn.mlp([2, 128, 128, 2], 'tanh');
export const init = model.init(0);
export const data = ${JSON.stringify(samples)};
export function loss(p: number[], batch: { x: number[]; label: number }[]) {
  return nn.crossEntropy(model.forward(p, batch.map((s) => s.x)), batch.map((s) => s.label));
}`,
      'w4nn.ts',
    );
    const nnAdam = new Adam({ lr: 1e-3 });
    const p3 = Float64Array.from(viaNn.init as number[]);
    const nnStep = () => {
      const from = start;
      start = (start + 64) % 1024;
      const e = viaNn.valueAndGrad(p3, samples.slice(from, from + 64));
      nnAdam.step(p3, { value: e.value, gradient: e.gradient, evaluate: () => e });
      return e.value;
    };
    report(
      'W4 MLP 2-128-128-2 tanh, softmax CE, spirals, batch 64, Adam (steps/s)',
      [
        ['hand-written', handStep],
        ['engine, gdtutor nn + Adam', nnStep],
        ['hand gradient + engine Adam', engineAdamStep],
        ['TensorFlow.js CPU', tfW4(x, y)],
      ],
      { minMs: 200, rounds: 7 },
    );
  }

  // ── Train command → first point and → finished, in a cold room and in the warm spare the editor keeps ──
  {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const examples = path.resolve(__dirname, '..', '..', 'examples');
    const cases: Array<[string, object]> = [
      ['rosenbrock.ts', {}],
      ['quadratic.ts', { steps: 1000 }],
    ];
    for (const warm of [false, true]) {
      keepRoomsWarm(warm);
      for (const [name, options] of cases) {
        const file = path.join(examples, name);
        const source = readFileSync(file, 'utf8');
        const first: number[] = [];
        const finished: number[] = [];
        for (let k = 0; k < 5; k++) {
          if (warm) {
            prewarmRoom(file);
            await sleep(1500); // the learner opens the file, reads it, presses Train
          }
          const started = performance.now();
          let firstAt = 0;
          const run = runIsolated(
            { kind: 'train', source, fileName: file, options, withSurface: true },
            { onProgress: () => (firstAt ||= performance.now() - started) },
          );
          await run.done;
          first.push(firstAt);
          finished.push(performance.now() - started);
        }
        const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
        const room = warm ? 'warm room' : 'cold room';
        rows.push({
          workload: `first point of examples/${name}`,
          implementation: room,
          perSecond: 1000 / median(first),
          microseconds: median(first) * 1000,
          vsHandWritten: NaN,
        });
        rows.push({
          workload: `finished run of examples/${name}`,
          implementation: room,
          perSecond: 1000 / median(finished),
          microseconds: median(finished) * 1000,
          vsHandWritten: NaN,
        });
        console.log(
          `Train examples/${name} in a ${room}: first point ${median(first).toFixed(0)} ms, finished ${median(finished).toFixed(0)} ms (median of 5; surface, diagnosis included)`,
        );
      }
    }
    keepRoomsWarm(false);
    // The same, measured in real VS Code by the integration layer (test/integration/suite/latency.test.ts).
    const results = path.resolve(__dirname, '..', 'test-results');
    for (const f of existsSync(results) ? readdirSync(results).filter((n) => n.startsWith('editor-latency-')) : []) {
      const { version, median } = JSON.parse(readFileSync(path.join(results, f), 'utf8')) as { version: string; median: unknown };
      console.log(`In VS Code ${version} (integration run): ${JSON.stringify(median)}`);
    }
  }

  // ── Hover cost on a 5,000-line file (the matcher reads only the hovered line) ──
  {
    const lines = Array.from({ length: 5000 }, (_, i) =>
      i % 3 === 0
        ? `  const learningRate${i} = computeGradient(w) * lr; // 경사 하강법 step ${i}`
        : i % 3 === 1
          ? `# the local minimum of loss ${i} — 국소 최솟값을 찾습니다`
          : `  total += weights[${i}] * bias;`,
    );
    let k = 0;
    const r = measure(() => {
      const line = lines[k++ % lines.length];
      const at = (k * 13) % line.length;
      return termAt(line, at, contextAt(line, at, 'typescript'));
    });
    rows.push({
      workload: 'hover on a 5,000-line file',
      implementation: 'termAt',
      perSecond: r.perSecond,
      microseconds: r.microseconds,
      vsHandWritten: NaN,
    });
    console.log(`Hover on a 5,000-line file: ${r.microseconds.toFixed(1)} µs per hover (median)`);
  }

  // ── Teaching views: a 2-D surface with nine runs stays interactive (headless Chromium) ──
  {
    const t = await nineRunViewTimings();
    if (t) {
      rows.push({
        workload: 'race view, 9 runs on a 2-D surface: playback step',
        implementation: 'panel in Chromium',
        perSecond: 1000 / t.stepMs,
        microseconds: t.stepMs * 1000,
        vsHandWritten: NaN,
      });
      rows.push({
        workload: 'race view, 9 runs on a 2-D surface: hide/show a run',
        implementation: 'panel in Chromium',
        perSecond: 1000 / t.toggleMs,
        microseconds: t.toggleMs * 1000,
        vsHandWritten: NaN,
      });
      console.log(
        `Race view, 9 runs on the Rosenbrock contour map: playback step ${t.stepMs.toFixed(1)} ms, hide/show a run ${t.toggleMs.toFixed(1)} ms (median, incl. the next painted frame)`,
      );
    } else {
      console.log('Race view: skipped (no Chromium at /usr/bin/chromium or CHROMIUM_PATH)');
    }
  }

  // ── Backprop graph: a 10,000-node tape, collapsed, built and drawn ──
  {
    const t = await tenThousandNodeGraphTiming();
    if (t) {
      rows.push({
        workload: 'backprop graph of a 10,000-node tape: build (collapsed)',
        implementation: 'worker-side',
        perSecond: 1000 / t.buildMs,
        microseconds: t.buildMs * 1000,
        vsHandWritten: NaN,
      });
      rows.push({
        workload: 'backprop graph of a 10,000-node tape: draw',
        implementation: 'panel in Chromium (dagre + SVG)',
        perSecond: 1000 / t.drawMs,
        microseconds: t.drawMs * 1000,
        vsHandWritten: NaN,
      });
      console.log(
        `Backprop graph of a ${t.tapeNodes}-node tape: built in ${t.buildMs.toFixed(0)} ms (collapsed to ${t.drawnNodes} nodes), drawn in ${t.drawMs.toFixed(0)} ms`,
      );
    }
  }

  const out = path.resolve(__dirname, '..', '..', 'bench-results.json');
  writeFileSync(out, `${JSON.stringify({ node: process.version, date: new Date().toISOString(), rows }, null, 2)}\n`);
  console.log(`\nwritten ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
