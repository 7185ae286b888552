import { strict as assert } from 'node:assert';
import { OPTIMIZER_FACTORIES, OPTIMIZER_NAMES, PYTORCH_DEFAULT_LR, createOptimizer, isOptimizerName } from '../../../src/engine/optim';
import { OptimizerError } from '../../../src/engine/optim/types';
import type { OptimizerSettings } from '../../../src/engine/trainOptions';
import { assertClose, quadratic, rosenbrock, trajectory } from './helpers';

const bowl = quadratic([1], [3]); // L = (w − 3)², g₀ = −6 at w₀ = 0
const make = (optimizer: string, extra: Partial<OptimizerSettings> = {}) =>
  createOptimizer(optimizer, { optimizer, learningRate: 0.1, ...extra });

describe('optimizer registry (CLI names → torch.optim)', () => {
  it('knows exactly the CLI names, each a factory', () => {
    assert.deepEqual([...OPTIMIZER_NAMES], ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'newton', 'lbfgs']);
    assert.deepEqual(Object.keys(OPTIMIZER_FACTORIES).sort(), [...OPTIMIZER_NAMES].sort());
    assert.ok(isOptimizerName('adam') && !isOptimizerName('Adam') && !isOptimizerName(3));
  });

  it('builds each optimizer under its torch name', () => {
    const names = OPTIMIZER_NAMES.map((n) => make(n).name);
    assert.deepEqual(names, ['sgd', 'sgd', 'sgd', 'adagrad', 'rmsprop', 'adam', 'adamw', 'newton', 'lbfgs']);
  });

  it('sgd is plain gradient descent unless a momentum is given', () => {
    // w₁ = 0.6, w₂ = 0.6 + 0.1·4.8 = 1.08 (no momentum)
    assertClose(trajectory(make('sgd'), bowl, [0], 2), [[0], [0.6], [1.08]], 1e-15);
    assertClose(trajectory(make('sgd', { momentum: 0.9 }), bowl, [0], 2), [[0], [0.6], [1.62]], 1e-15);
  });

  it('momentum = SGD with μ = 0.9; nesterov = the same with nesterov=True; both take a given μ', () => {
    // momentum: b₁ = −6, w₁ = 0.6; b₂ = 0.9·(−6) − 4.8 = −10.2, w₂ = 1.62
    assertClose(trajectory(make('momentum'), bowl, [0], 2), [[0], [0.6], [1.62]], 1e-15);
    // nesterov: w₁ = −0.1·(−6 + 0.9·(−6)) = 1.14
    assertClose(trajectory(make('nesterov'), bowl, [0], 1), [[0], [1.14]], 1e-15);
    // momentum 0.5: b₂ = 0.5·(−6) − 4.8 = −7.8, w₂ = 0.6 + 0.78 = 1.38
    assertClose(trajectory(make('momentum', { momentum: 0.5 }), bowl, [0], 2), [[0], [0.6], [1.38]], 1e-15);
    // nesterov with momentum 0.5: w₁ = −0.1·(−6 + 0.5·(−6)) = 0.9
    assertClose(trajectory(make('nesterov', { momentum: 0.5 }), bowl, [0], 1), [[0], [0.9]], 1e-15);
    assertClose(trajectory(make('nesterov', { nesterov: false }), bowl, [0], 2), [[0], [0.6], [1.62]], 1e-15);
  });

  it('passes the torch hyper-parameters through, with torch defaults for the rest', () => {
    // adamw default weight_decay 0.01: from w₀ = 2, θ ← 2·(1 − 0.1·0.01), then + 0.1·sign
    assertClose(trajectory(make('adamw'), bowl, [2], 1), [[2], [2 * (1 - 0.001) + (0.1 * 2) / (2 + 1e-8)]], 1e-15);
    // adam default weight_decay 0, eps 1e-8
    assertClose(trajectory(make('adam'), bowl, [2], 1), [[2], [2 + (0.1 * 2) / (2 + 1e-8)]], 1e-15);
    // adagrad: initial accumulator 64 → s₁ = 100, w₁ = 0 + 0.1·6/(10 + 1e-10)
    assertClose(trajectory(make('adagrad', { initialAccumulatorValue: 64 }), bowl, [0], 1), [[0], [0.6 / (10 + 1e-10)]], 1e-15);
    // rmsprop alpha 0.5: v₁ = 0.5·36 = 18, w₁ = 0.1·6/(√18 + 1e-8)
    assertClose(trajectory(make('rmsprop', { alpha: 0.5 }), bowl, [0], 1), [[0], [0.6 / (Math.sqrt(18) + 1e-8)]], 1e-15);
    // newton with the learning rate as its step scale: w₁ = 0 − 0.1·(−6/2) = 0.3
    assertClose(
      trajectory(make('newton'), bowl, [0], 1, () => Float64Array.of(2)),
      [[0], [0.3]],
      1e-15,
    );
  });

  it('L-BFGS takes line_search_fn from lineSearch', () => {
    const withSearch = make('lbfgs', { learningRate: 1, lineSearch: 'strong_wolfe' });
    const without = make('lbfgs', { learningRate: 1 });
    // the first Rosenbrock step: 19 iterations ending on max_eval with the search, 20 plain ones without
    trajectory(withSearch, rosenbrock, [-1.2, 1], 1);
    trajectory(without, rosenbrock, [-1.2, 1], 1);
    assert.equal(withSearch.state().iterations, 19);
    assert.equal(without.state().iterations, 20);
    assert.throws(() => make('lbfgs', { lineSearch: 'armijo' as 'strong_wolfe' }), /only 'strong_wolfe' is supported/);
  });

  it('rejects unknown names and bad hyper-parameters in Korean and English', () => {
    assert.throws(
      () => make('sgdx'),
      (e: unknown) =>
        e instanceof OptimizerError &&
        e.code === 'badOptimizerConfig' &&
        /Unknown optimizer 'sgdx'/.test(e.en) &&
        /알 수 없는 옵티마이저/.test(e.ko),
    );
    assert.throws(
      () => make('adam', { learningRate: -1 }),
      (e: unknown) =>
        e instanceof OptimizerError && e.code === 'badOptimizerConfig' && e.en === 'Invalid learning rate: -1' && /학습률/.test(e.ko),
    );
    assert.throws(() => make('sgd', { learningRate: 'fast' as unknown as number }), /Invalid learning rate: fast/);
    assert.throws(() => make('adam', { beta1: 1 }), /Invalid beta parameter at index 0: 1/);
    assert.throws(() => make('rmsprop', { alpha: -1 }), /Invalid alpha value: -1/);
    assert.throws(() => make('nesterov', { dampening: 0.1 }), /Nesterov momentum requires a momentum and zero dampening/);
  });

  it('records torch’s default learning rates', () => {
    assert.deepEqual(PYTORCH_DEFAULT_LR, {
      sgd: 1e-3,
      momentum: 1e-3,
      nesterov: 1e-3,
      adagrad: 1e-2,
      rmsprop: 1e-2,
      adam: 1e-3,
      adamw: 1e-3,
      newton: 1,
      lbfgs: 1,
    });
  });
});
