/**
 * Text of an active value keeps its number but not its gradient, so every way the
 * engine sees of making it — String(w), w.toString(), `${w}`, '' + w, JSON.stringify, the
 * receiver of toFixed/toPrecision (gd.format) — throws ActiveTextError. Plain numbers format as
 * in JavaScript, and printing (util.inspect, console.log) shows the number.
 */
import { strict as assert } from 'node:assert';
import { inspect, format as formatText } from 'node:util';
import { gd, Var, HyperDual, ActiveTextError } from '../../../src/engine/runtime';
import { valueAndGrad, hessian, type ParamShape } from '../../../src/engine/evaluate';

const scalar: ParamShape = { kind: 'scalar' };

/** Runs `use` on an active w = 1.75 inside an evaluation; returns what it threw. */
function thrownWith(use: (w: Var) => unknown): unknown {
  try {
    valueAndGrad(
      (w) => {
        use(w as Var);
        return w;
      },
      [1.75],
      scalar,
    );
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('active values turned into text → ActiveTextError (engine)', () => {
  const conversions: Array<[string, (w: Var) => unknown]> = [
    ['String(w)', (w) => String(w)],
    ['w.toString()', (w) => w.toString()],
    ['`${w}`', (w) => `${w as unknown as number}`],
    ["'' + w (gd.add)", (w) => gd.add('', w)],
    ["w + '' (gd.add)", (w) => gd.add(w, '')],
    ["'w = ' + (w·2) (a computed value)", (w) => gd.add('w = ', gd.mul(w, 2))],
    ['[w] + 1 (an array of it, via ToPrimitive)', (w) => gd.add([w], 1)],
    ['JSON.stringify([w])', (w) => JSON.stringify([w])],
    ['w.toLocaleString()', (w) => w.toLocaleString()],
    ['[w].join()', (w) => [w].join()],
    [
      'gd.format(w): the receiver of w.toFixed(…) / toPrecision / toExponential / toString(radix)',
      (w) => (gd.format(w) as number).toFixed(9),
    ],
  ];
  for (const [name, use] of conversions) {
    it(name, () => {
      const e = thrownWith(use);
      assert.ok(e instanceof ActiveTextError, `${name}: ${String(e)}`);
      assert.ok(e.at === 1.75 || e.at === 3.5, `the value it was: ${e.at}`);
      assert.match(e.message, /turned into text/);
    });
  }

  it('hyper-dual numbers (a Hessian pass) refuse text the same way', () => {
    let seen: unknown;
    assert.throws(
      () =>
        hessian(
          (w) => {
            seen = w;
            return gd.mul(w, Number(String(w)));
          },
          [1.5],
          scalar,
        ),
      ActiveTextError,
    );
    assert.ok(seen instanceof HyperDual);
    const live = new HyperDual(2, 1, 0, 0);
    assert.throws(() => JSON.stringify(live), ActiveTextError);
    assert.throws(() => gd.format(live), ActiveTextError);
  });

  it('plain numbers, strings and other values format exactly as in JavaScript', () => {
    assert.equal(gd.format(2.5), 2.5);
    assert.equal((gd.format(255) as number).toString(16), 'ff');
    assert.equal(gd.format('abc'), 'abc');
    assert.deepEqual(gd.format([1, 2]), [1, 2]);
    assert.equal(gd.add('a', 1), 'a1');
    assert.equal(gd.add(1, '2'), '12');
    assert.equal(gd.add([1], [2]), '12');
  });

  it('printing shows the number: util.inspect and console.log’s formatting of w, [w], { w }', () => {
    let printed: string[] = [];
    valueAndGrad(
      (w) => {
        printed = [inspect(w), inspect([w]), inspect({ w }), formatText('w =', w)];
        return w;
      },
      [1.75],
      scalar,
    );
    assert.deepEqual(printed, ['1.75', '[ 1.75 ]', '{ w: 1.75 }', 'w = 1.75']);
  });

  it('the error is thrown where the text is made, before any number is read back (no silent gradient)', () => {
    let reached = false;
    const e = thrownWith((w) => {
      const text = `w=${w as unknown as number}`;
      reached = true;
      return Number(text.slice(2));
    });
    assert.ok(e instanceof ActiveTextError);
    assert.equal(reached, false);
  });
});
