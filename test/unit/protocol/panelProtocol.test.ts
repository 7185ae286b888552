import { strict as assert } from 'node:assert';
import { isHostMessage, isPanelState, isWebviewMessage, LIMITS, MAX_STREAMED_PARAMETERS, streamedParams } from '../../../src/protocol/panelProtocol';
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
    assert.equal(isHostMessage({ type: 'diagnosis', runId: 'r', findings: [{ ...finding, remedy: { cli: '--lr 0.5', outcome: remedy.outcome } }] }), false);
    assert.equal(isHostMessage({ type: 'diagnosis', runId: 'r', findings: [{ ...finding, remedy: { cli: remedy.cli, outcome: { finalLoss: '1', steps: 60 } } }] }), false);
    assert.equal(isHostMessage({ type: 'diagnosis', runId: 'r', findings: [{ ...finding, remedy: { cli: [1], outcome: remedy.outcome } }] }), false);
    assert.ok(isWebviewMessage({ type: 'remedy', runId: 'r', code: 'diverged', cli: remedy.cli }));
    assert.equal(isWebviewMessage({ type: 'remedy', runId: 'r', code: 'diverged', cli: remedy.cli, extra: 1 }), false);
    assert.equal(isWebviewMessage({ type: 'remedy', runId: 'r', code: 'diverged', cli: [2] }), false);
    assert.equal(isWebviewMessage({ type: 'remedy', runId: 'r', cli: remedy.cli }), false);
  });

  it('shows whatever settings a run used (runStarted), while requests stay within the limits', () => {
    const ran = { optimizer: 'adam', learningRate: 0.05, steps: 0, batchSize: 50 };
    assert.ok(isHostMessage({ type: 'runStarted', runId: 'r', file: 'f.ts', dimension: 2, paramNames: ['x', 'y'], settings: ran, setsControls: true }));
    assert.ok(isHostMessage({ type: 'runStarted', runId: 'r', file: 'f.ts', dimension: 2, paramNames: ['x', 'y'], settings: { ...ran, steps: 2 * LIMITS.maxSteps } }));
    assert.equal(isHostMessage({ type: 'runStarted', runId: 'r', file: 'f.ts', dimension: 2, paramNames: [], settings: { ...ran, optimizer: 'magic' } }), false);
    assert.equal(isHostMessage({ type: 'runStarted', runId: 'r', file: 'f.ts', dimension: 2, paramNames: [], settings: ran, setsControls: 'yes' }), false);
    assert.equal(isWebviewMessage({ type: 'rerun', settings: ran }), false, '0 steps is shown, never asked for');
    assert.ok(isWebviewMessage({ type: 'rerun', settings: { ...ran, steps: 400 } }));
    assert.equal(isWebviewMessage({ type: 'rerun', settings: { ...ran, steps: 400, batchSize: 0 } }), false);
    assert.ok(isHostMessage({ type: 'reportState' }));
    assert.ok(isWebviewMessage({ type: 'state', state: { legend: ['f.ts · adam · η=0.05'], settings: ran, status: '수렴했습니다 (48 스텝에서)' } }));
    assert.equal(isWebviewMessage({ type: 'state', state: { legend: 'f.ts', settings: ran, status: '' } }), false);
    assert.equal(isWebviewMessage({ type: 'state', state: { legend: [], settings: ran } }), false, 'the status line is part of the state');
  });

  it('takes a run that stops at convergence (tolerance) and the step a run ended at, each only as a sane number', () => {
    const ran = { optimizer: 'sgd', learningRate: 0.1, steps: 1000, tolerance: 1e-8 };
    assert.ok(isHostMessage({ type: 'runStarted', runId: 'r', file: 'f.ts', dimension: 1, paramNames: ['w'], settings: ran }));
    assert.ok(isWebviewMessage({ type: 'rerun', settings: ran }));
    for (const tolerance of [0, -1e-8, Infinity, NaN, '1e-8']) assert.equal(isWebviewMessage({ type: 'rerun', settings: { ...ran, tolerance } }), false, String(tolerance));
    assert.ok(isHostMessage({ type: 'runFinished', runId: 'r', reason: 'converged', step: 48 }));
    for (const step of [-1, 1.5, '48']) assert.equal(isHostMessage({ type: 'runFinished', runId: 'r', reason: 'converged', step }), false, String(step));
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
