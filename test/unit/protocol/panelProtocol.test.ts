import { strict as assert } from 'node:assert';
import {
  isHostMessage,
  isOptimizerName,
  isPanelState,
  isRunSettings,
  isShownSettings,
  isSurfaceData,
  isWebviewMessage,
  LIMITS,
  MAX_STREAMED_PARAMETERS,
  OPTIMIZER_NAMES,
  OPTIMIZERS,
  streamedParams,
} from '../../../src/protocol/panelProtocol';
import { contentSecurityPolicy, makeNonce, panelHtml } from '../../../src/panel/panelHtml';

const settings = { optimizer: 'adam', learningRate: 0.01, steps: 200 };

describe('panel protocol validation', () => {
  it('accepts well-formed webview messages', () => {
    assert.ok(isWebviewMessage({ type: 'ready' }));
    assert.ok(isWebviewMessage({ type: 'stop' }));
    assert.ok(isWebviewMessage({ type: 'rerun', settings }));
    assert.ok(isWebviewMessage({ type: 'rerun', settings: { ...settings, init: [1.5, -2] } }));
  });

  it('rejects malformed or out-of-range webview messages', () => {
    const bad: unknown[] = [
      null,
      'ready',
      [],
      { type: 'ready', extra: 1 },
      { type: 'launchMissiles' },
      { type: 'rerun' },
      { type: 'rerun', settings: { ...settings, optimizer: 'sgdx' } },
      { type: 'rerun', settings: { ...settings, learningRate: -0.1 } },
      { type: 'rerun', settings: { ...settings, learningRate: Number.NaN } },
      { type: 'rerun', settings: { ...settings, learningRate: LIMITS.maxLearningRate * 10 } },
      { type: 'rerun', settings: { ...settings, steps: 1.5 } },
      { type: 'rerun', settings: { ...settings, steps: LIMITS.maxSteps + 1 } },
      { type: 'rerun', settings: { ...settings, init: [1, Infinity] } },
      { type: 'rerun', settings: { ...settings, init: '1,2' } },
    ];
    for (const m of bad) assert.equal(isWebviewMessage(m), false, JSON.stringify(m));
  });

  it('validates host messages, allowing non-finite losses of a diverged step', () => {
    assert.ok(isHostMessage({ type: 'progress', runId: 'a', points: [{ step: 3, loss: Infinity, params: [1e308], gradNorm: NaN }] }));
    assert.ok(isHostMessage({ type: 'runFinished', runId: 'a', reason: 'diverged', message: '발산' }));
    assert.equal(isHostMessage({ type: 'progress', runId: 'a', points: [{ step: 'x', loss: 1, params: [], gradNorm: 0 }] }), false);
    assert.equal(isHostMessage({ type: 'runFinished', runId: 'a', reason: 'exploded' }), false);
  });

  it('streams a big network’s first 32 parameters and counts the rest; held-out losses and counts validated', () => {
    assert.deepEqual(streamedParams([1, 2, 3]), { params: [1, 2, 3] });
    const big = streamedParams(Float64Array.from({ length: 4482 }, (_, i) => i));
    assert.equal(big.params.length, MAX_STREAMED_PARAMETERS);
    assert.equal(big.more, 4482 - MAX_STREAMED_PARAMETERS);
    const point = { step: 3, loss: 0.5, gradNorm: 1, ...big, testLoss: 0.7 };
    assert.ok(isHostMessage({ type: 'progress', runId: 'r', points: [point] }));
    assert.ok(!isHostMessage({ type: 'progress', runId: 'r', points: [{ ...point, more: -1 }] }));
    assert.ok(!isHostMessage({ type: 'progress', runId: 'r', points: [{ ...point, testLoss: '0.7' }] }));
  });

  it('carries a diagnosis’ remedy to the panel and the remedy button’s request back, validated', () => {
    const remedy = { cli: ['--optimizer', 'sgd', '--lr', '0.5', '--steps', '60'], outcome: { finalLoss: 1e-9, steps: 60 } };
    const finding = { code: 'diverged', text: '발산했습니다.', glossary: 'divergence' };
    assert.ok(isHostMessage({ type: 'diagnosis', runId: 'r', findings: [{ ...finding, remedy }, finding] }));
    assert.equal(
      isHostMessage({ type: 'diagnosis', runId: 'r', findings: [{ ...finding, remedy: { cli: '--lr 0.5', outcome: remedy.outcome } }] }),
      false,
    );
    assert.equal(
      isHostMessage({
        type: 'diagnosis',
        runId: 'r',
        findings: [{ ...finding, remedy: { cli: remedy.cli, outcome: { finalLoss: '1', steps: 60 } } }],
      }),
      false,
    );
    assert.equal(
      isHostMessage({ type: 'diagnosis', runId: 'r', findings: [{ ...finding, remedy: { cli: [1], outcome: remedy.outcome } }] }),
      false,
    );
    assert.ok(isWebviewMessage({ type: 'remedy', runId: 'r', code: 'diverged', cli: remedy.cli }));
    assert.equal(isWebviewMessage({ type: 'remedy', runId: 'r', code: 'diverged', cli: remedy.cli, extra: 1 }), false);
    assert.equal(isWebviewMessage({ type: 'remedy', runId: 'r', code: 'diverged', cli: [2] }), false);
    assert.equal(isWebviewMessage({ type: 'remedy', runId: 'r', cli: remedy.cli }), false);
  });

  it('shows whatever settings a run used (runStarted), while requests stay within the limits', () => {
    const ran = { optimizer: 'adam', learningRate: 0.05, steps: 0, batchSize: 50 };
    assert.ok(
      isHostMessage({
        type: 'runStarted',
        runId: 'r',
        file: 'f.ts',
        dimension: 2,
        paramNames: ['x', 'y'],
        settings: ran,
        setsControls: true,
      }),
    );
    assert.ok(
      isHostMessage({
        type: 'runStarted',
        runId: 'r',
        file: 'f.ts',
        dimension: 2,
        paramNames: ['x', 'y'],
        settings: { ...ran, steps: 2 * LIMITS.maxSteps },
      }),
    );
    assert.equal(
      isHostMessage({
        type: 'runStarted',
        runId: 'r',
        file: 'f.ts',
        dimension: 2,
        paramNames: [],
        settings: { ...ran, optimizer: 'magic' },
      }),
      false,
    );
    assert.equal(
      isHostMessage({ type: 'runStarted', runId: 'r', file: 'f.ts', dimension: 2, paramNames: [], settings: ran, setsControls: 'yes' }),
      false,
    );
    assert.equal(isWebviewMessage({ type: 'rerun', settings: ran }), false, '0 steps is shown, never asked for');
    assert.ok(isWebviewMessage({ type: 'rerun', settings: { ...ran, steps: 400 } }));
    assert.equal(isWebviewMessage({ type: 'rerun', settings: { ...ran, steps: 400, batchSize: 0 } }), false);
    assert.ok(isHostMessage({ type: 'reportState' }));
    assert.ok(
      isWebviewMessage({ type: 'state', state: { legend: ['f.ts · adam · η=0.05'], settings: ran, status: '수렴했습니다 (48 스텝에서)' } }),
    );
    assert.equal(isWebviewMessage({ type: 'state', state: { legend: 'f.ts', settings: ran, status: '' } }), false);
    assert.equal(isWebviewMessage({ type: 'state', state: { legend: [], settings: ran } }), false, 'the status line is part of the state');
  });

  it('takes a run that stops at convergence (tolerance) and the step a run ended at, each only as a sane number', () => {
    const ran = { optimizer: 'sgd', learningRate: 0.1, steps: 1000, tolerance: 1e-8 };
    assert.ok(isHostMessage({ type: 'runStarted', runId: 'r', file: 'f.ts', dimension: 1, paramNames: ['w'], settings: ran }));
    assert.ok(isWebviewMessage({ type: 'rerun', settings: ran }));
    for (const tolerance of [0, -1e-8, Infinity, NaN, '1e-8'])
      assert.equal(isWebviewMessage({ type: 'rerun', settings: { ...ran, tolerance } }), false, String(tolerance));
    assert.ok(isHostMessage({ type: 'runFinished', runId: 'r', reason: 'converged', step: 48 }));
    for (const step of [-1, 1.5, '48'])
      assert.equal(isHostMessage({ type: 'runFinished', runId: 'r', reason: 'converged', step }), false, String(step));
  });

  it('accepts a re-roll seed only as a 32-bit non-negative integer', () => {
    const rerun = (initSeed: unknown) => isWebviewMessage({ type: 'rerun', settings: { ...settings, initSeed } });
    assert.ok(rerun(123456));
    assert.ok(rerun(0));
    assert.ok(!rerun(-1));
    assert.ok(!rerun(1.5));
    assert.ok(!rerun(2 ** 32));
    assert.ok(!rerun('7'));
  });

  it('checks restored panel state', () => {
    assert.ok(isPanelState({ settings, logScale: false }));
    assert.equal(isPanelState({ settings, logScale: 'yes' }), false);
    assert.equal(isPanelState(undefined), false);
  });
});

describe('panel protocol limits, each just inside and just outside', () => {
  const inOut = (name: string, guard: (x: unknown) => boolean, make: (v: unknown) => unknown, inside: unknown[], outside: unknown[]) => {
    for (const v of inside) assert.ok(guard(make(v)), `${name} ${String(v)} is accepted`);
    for (const v of outside) assert.equal(guard(make(v)), false, `${name} ${String(v)} is refused`);
  };

  it('keeps requested settings within the panel’s limits', () => {
    const run = (key: string) => (v: unknown) => ({ ...settings, [key]: v });
    inOut(
      'learningRate',
      isRunSettings,
      run('learningRate'),
      [LIMITS.minLearningRate, LIMITS.maxLearningRate],
      [LIMITS.minLearningRate * 0.999, LIMITS.maxLearningRate * 1.001, 0, Infinity],
    );
    inOut('steps', isRunSettings, run('steps'), [1, LIMITS.maxSteps], [0, LIMITS.maxSteps + 1, 2.5, Infinity]);
    inOut(
      'init',
      isRunSettings,
      run('init'),
      [[], new Array(LIMITS.maxDimension).fill(0)],
      [new Array(LIMITS.maxDimension + 1).fill(0), [NaN], [1, '2']],
    );
    inOut('initSeed', isRunSettings, run('initSeed'), [0, 2 ** 32 - 1], [-1, 2 ** 32, 0.5]);
    inOut('batchSize', isRunSettings, run('batchSize'), [1, LIMITS.maxSteps], [0, LIMITS.maxSteps + 1, 1.5]);
    inOut('tolerance', isRunSettings, run('tolerance'), [Number.MIN_VALUE, 1], [0, -1, Infinity]);
    assert.equal(isRunSettings([settings]), false);
    assert.equal(isRunSettings({ learningRate: 0.1, steps: 10 }), false, 'the optimizer is required');
  });

  it('shows what a run used, outside the limits, but only as sane numbers', () => {
    const ran = (key: string) => (v: unknown) => ({ ...settings, [key]: v });
    inOut('shown learningRate', isShownSettings, ran('learningRate'), [1e4, -1, 0], [NaN, Infinity, '0.1']);
    inOut('shown steps', isShownSettings, ran('steps'), [0, 10 * LIMITS.maxSteps], [-1, 0.5]);
    inOut('shown initSeed', isShownSettings, ran('initSeed'), [-1, 2 ** 40], [1.5]);
    inOut('shown batchSize', isShownSettings, ran('batchSize'), [1, LIMITS.maxSteps], [0, LIMITS.maxSteps + 1]);
  });

  it('bounds every webview request', () => {
    inOut(
      'explain term',
      isWebviewMessage,
      (term) => ({ type: 'explain', term }),
      ['a', 'A'.repeat(40)],
      ['', 'A'.repeat(41), 'learning-rate', 'a1', 3],
    );
    assert.equal(isWebviewMessage({ type: 'explain', term: 'adam', extra: 1 }), false);
    const remedy = { type: 'remedy', runId: 'r', code: 'c', cli: ['--lr'] };
    inOut('remedy runId', isWebviewMessage, (runId) => ({ ...remedy, runId }), ['x'.repeat(64)], ['x'.repeat(65)]);
    inOut('remedy code', isWebviewMessage, (code) => ({ ...remedy, code }), ['x'.repeat(64)], ['x'.repeat(65)]);
    inOut(
      'remedy cli',
      isWebviewMessage,
      (cli) => ({ ...remedy, cli }),
      [[], new Array(64).fill('a'), ['x'.repeat(1_000_000)]],
      [new Array(65).fill('a'), ['x'.repeat(1_000_001)]],
    );
    const png = 'data:image/png;base64,AAAA';
    inOut('csv export', isWebviewMessage, (dataUrl) => ({ type: 'export', format: 'csv', runId: 'r', dataUrl }), [undefined], [png]);
    inOut(
      'png export',
      isWebviewMessage,
      (dataUrl) => ({ type: 'export', format: 'png', runId: 'r', dataUrl }),
      [png, 'data:image/png;base64,' + 'A'.repeat(LIMITS.maxPngDataUrl - 22)],
      [undefined, 'data:image/jpeg;base64,AAAA', png + 'A'.repeat(LIMITS.maxPngDataUrl)],
    );
    inOut('export format', isWebviewMessage, (format) => ({ type: 'export', format, runId: 'r' }), ['csv', 'json'], ['svg']);
    inOut('export runId', isWebviewMessage, (runId) => ({ type: 'export', format: 'json', runId }), ['x'.repeat(64)], ['x'.repeat(65), 1]);
    inOut(
      'reveal',
      isWebviewMessage,
      (span) => ({ type: 'reveal', start: (span as number[])[0], end: (span as number[])[1] }),
      [
        [0, 0],
        [3, 10_000_000],
      ],
      [
        [-1, 2],
        [5, 4],
        [0, 10_000_001],
        [0.5, 2],
      ],
    );
    assert.equal(isWebviewMessage({ type: 'reveal', start: 0, end: 1, extra: 1 }), false);
    const state = { legend: [], settings, status: '' };
    inOut(
      'state legend',
      isWebviewMessage,
      (legend) => ({ type: 'state', state: { ...state, legend } }),
      [new Array(1000).fill('a')],
      [new Array(1001).fill('a'), [1]],
    );
    inOut(
      'state status',
      isWebviewMessage,
      (status) => ({ type: 'state', state: { ...state, status } }),
      ['x'.repeat(10_000)],
      ['x'.repeat(10_001)],
    );
    assert.equal(isWebviewMessage({ type: 'state', state, extra: 1 }), false);
    assert.equal(isWebviewMessage({ type: 'stop', extra: undefined }), false, 'a key, even undefined, is a key');
  });

  it('checks the shapes of the host’s teaching views', () => {
    assert.ok(isSurfaceData({ kind: '2d', x: [0, 1], y: [0], z: [[null, Infinity]], axes: [0, 1] }));
    assert.equal(isSurfaceData({ kind: '2d', x: [0, 1], y: [0], z: [[null]], axes: [0, 1] }), false, 'a row per x');
    assert.equal(isSurfaceData({ kind: '2d', x: [0], y: [0], z: [[1]], axes: [0, 1, 2] }), false, 'two axes');
    assert.equal(isSurfaceData({ kind: '1d', x: [0, 1], z: [1] }), false, 'a value per x');

    const table = {
      type: 'table',
      id: 't',
      title: 'T',
      columns: ['a', 'b'],
      rows: [
        [1, 'x'],
        [null, NaN],
      ],
    };
    assert.ok(isHostMessage({ ...table, rowNotes: [null, 'n'], highlight: 1 }));
    assert.equal(isHostMessage({ ...table, rows: [[1]] }), false);
    assert.equal(isHostMessage({ ...table, rowNotes: ['n'] }), false);
    assert.equal(isHostMessage({ ...table, highlight: 0.5 }), false);

    const cellMap = { type: 'cellMap', id: 'm', title: 'M', x: [0, 1], y: [0], cells: [[0, 1]], categories: ['a', 'b'] };
    assert.ok(isHostMessage({ ...cellMap, marks: [{ x: 0, y: 0, label: 'min' }] }));
    assert.equal(isHostMessage({ ...cellMap, cells: [[0, 0.5]] }), false);
    assert.equal(isHostMessage({ ...cellMap, cells: [[0]] }), false);
    assert.equal(isHostMessage({ ...cellMap, x: [0, Infinity] }), false);
    assert.equal(isHostMessage({ ...cellMap, marks: [{ x: NaN, y: 0, label: 'min' }] }), false);

    const sweep = {
      type: 'sweep',
      id: 's',
      title: 'S',
      axis: { learningRate: 'η', finalLoss: 'L', diverged: 'x' },
      points: [{ learningRate: 0.1, finalLoss: null, diverged: true }],
      boundary: {},
    };
    assert.ok(isHostMessage({ ...sweep, rules: [{ limit: 2, label: '2/λ' }] }));
    assert.equal(isHostMessage({ ...sweep, boundary: [] }), false, 'the boundary is an object, not an array');
    assert.equal(isHostMessage({ ...sweep, boundary: { stable: Infinity } }), false);
    assert.equal(isHostMessage({ ...sweep, rules: [{ limit: 0, label: '' }] }), false);

    const node = (id: number) => ({ id, kind: 'operation', label: '*', value: NaN, adjoint: 1, count: 1 });
    const graph = { nodes: [node(0), node(1)], edges: [{ from: 1, to: 0, partial: 2 }], root: 1 };
    const graphMessage = (g: unknown) => ({ type: 'graph', title: 'g', graph: g });
    assert.ok(isHostMessage(graphMessage(graph)));
    assert.equal(isHostMessage(graphMessage({ ...graph, nodes: [node(0), node(2)] })), false, 'a node’s id is its index');
    assert.equal(isHostMessage(graphMessage({ ...graph, edges: [{ from: 2, to: 0 }] })), false);
    assert.equal(isHostMessage(graphMessage({ ...graph, root: 2 })), false);
    assert.ok(isHostMessage(graphMessage({ nodes: Array.from({ length: 5000 }, (_, i) => node(i)), edges: [], root: 0 })));
    assert.equal(isHostMessage(graphMessage({ nodes: Array.from({ length: 5001 }, (_, i) => node(i)), edges: [], root: 0 })), false);

    const layer = { name: 'l', rows: 2, cols: 1, start: [1, 2], end: [3, 4], biasStart: [0, 0], biasEnd: [1, 1] };
    const weights = (layers: unknown[]) => ({
      type: 'weights',
      title: 'w',
      labels: { start: 'a', end: 'b', bias: 'c', layer: 'd', readout: 'e', hint: 'f', colorBar: 'g' },
      layers,
    });
    assert.ok(isHostMessage(weights(new Array(64).fill(layer))));
    assert.equal(isHostMessage(weights(new Array(65).fill(layer))), false);
    assert.equal(isHostMessage(weights([{ ...layer, biasEnd: [1] }])), false);
    assert.equal(isHostMessage(weights([{ ...layer, rows: 0, start: [], end: [], biasStart: [], biasEnd: [] }])), false);
    const side = LIMITS.maxDimension * 20;
    assert.equal(
      isHostMessage(
        weights([
          {
            ...layer,
            rows: 1,
            cols: side + 1,
            start: new Array(side + 1).fill(0),
            end: new Array(side + 1).fill(0),
            biasStart: [0],
            biasEnd: [0],
          },
        ]),
      ),
      false,
    );

    const boundary = {
      x: [0, 1],
      y: [0],
      z: [[0.5, NaN]],
      kind: 'probability',
      points: [{ x: 0, y: 0, label: 1, test: true }],
      accuracy: 1,
    };
    const boundaryMessage = (b: unknown) => ({ type: 'boundary', runId: 'r', boundary: b });
    assert.ok(isHostMessage(boundaryMessage(boundary)));
    inOut(
      'classes',
      isHostMessage,
      (classes) => boundaryMessage({ ...boundary, kind: 'classes', classes }),
      [2, 32],
      [1, 33, 2.5, undefined],
    );
    assert.equal(isHostMessage(boundaryMessage({ ...boundary, z: [[0.5]] })), false);
    assert.ok(isHostMessage(boundaryMessage({ ...boundary, points: new Array(100_000).fill(boundary.points[0]) })));
    assert.equal(isHostMessage(boundaryMessage({ ...boundary, points: new Array(100_001).fill(boundary.points[0]) })), false);

    const point = { step: 0, loss: 1, params: [1], gradNorm: 0 };
    assert.ok(isHostMessage({ type: 'progress', runId: 'r', points: [{ ...point, state: { exp_avg: [NaN], step: 3 } }] }));
    assert.equal(
      isHostMessage({ type: 'progress', runId: 'r', points: [{ ...point, state: [1, 2] }] }),
      false,
      'state is an object, not an array',
    );
    assert.equal(isHostMessage({ type: 'progress', runId: 'r', points: [{ ...point, state: { constructor: 'x' } }] }), false);
    assert.equal(isHostMessage({ type: 'init', strings: [], settings }), false);
    assert.equal(
      isHostMessage({ type: 'init', strings: {}, settings: { ...settings, steps: 0 } }),
      false,
      'init’s settings are the panel’s own, within the limits',
    );
    assert.equal(isHostMessage({ type: 'reportState', extra: 1 }), false);
  });

  it('has one list of optimizer names', () => {
    assert.equal(OPTIMIZERS, OPTIMIZER_NAMES);
    assert.ok(OPTIMIZER_NAMES.every(isOptimizerName));
    assert.ok(!isOptimizerName('Adam') && !isOptimizerName(undefined));
  });
});

describe('panel HTML', () => {
  it('has a strict CSP: nonce-only scripts, no inline styles, no network', () => {
    const csp = contentSecurityPolicy('https://x.vscode-cdn.net', 'abc');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('puts the nonce on its only script and escapes attributes', () => {
    const html = panelHtml({ cspSource: 'src', nonce: 'N1', scriptUri: 'a"b', styleUri: 's', codiconUri: 'c', lang: 'ko', title: '<t>' });
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, /<script nonce="N1" src="a&quot;b"><\/script>/);
    assert.match(html, /<title>&lt;t&gt;<\/title>/);
    assert.doesNotMatch(html, /style="/);
  });

  it('makes 32-character nonces from random bytes', () => {
    const nonce = makeNonce((n) => Uint8Array.from({ length: n }, (_, i) => i * 7));
    assert.equal(nonce.length, 32);
    assert.match(nonce, /^[A-Za-z0-9]{32}$/);
  });
});
