import { strict as assert } from 'node:assert';
import { parseArgs, UsageError } from '../../../src/cli/args';

describe('CLI arguments', () => {
  it('parses the train contract of DESIGN.md, negative numbers as separate entries', () => {
    const a = parseArgs(['train', 'f.ts', '--optimizer', 'adam', '--lr', '1e-3', '--beta1', '0.8', '--beta2', '0.99', '--eps', '1e-6', '--weight-decay', '0.01', '--amsgrad', '--steps', '200', '--init', '-2.5,1', '--seed', '7', '--json']);
    assert.equal(a.command, 'train');
    assert.equal(a.file, 'f.ts');
    assert.equal(a.json, true);
    assert.deepEqual(a.train, { optimizer: 'adam', learningRate: 0.001, beta1: 0.8, beta2: 0.99, eps: 1e-6, weightDecay: 0.01, amsgrad: true, steps: 200, init: [-2.5, 1], seed: 7 });
  });

  it('parses grad --at and surface --grid/--bounds', () => {
    assert.deepEqual(parseArgs(['grad', 'f.ts', '--at', '1.5,-2', '--json']).at, [1.5, -2]);
    const s = parseArgs(['surface', 'f.ts', '--grid', '50', '--bounds', '-2,2,-1,3']);
    assert.equal(s.grid, 50);
    assert.deepEqual(s.bounds, [[-2, 2], [-1, 3]]);
  });

  const bad: Array<[string[], RegExp]> = [
    [[], /no command/],
    [['fly', 'f.ts'], /unknown command/],
    [['train'], /no loss file/],
    [['train', 'f.ts', '--learning-rate', '0.1'], /unknown flag --learning-rate/],
    [['train', 'f.ts', '--lr'], /--lr needs a value/],
    [['train', 'f.ts', '--lr', 'abc'], /"abc" is not a number/],
    [['train', 'f.ts', '--lr', '1e'], /"1e" is not a number/],
    [['train', 'f.ts', '--lr', ''], /is not a number/],
    [['train', 'f.ts', '--steps', '2.5'], /not a whole number/],
    [['train', 'f.ts', '--steps', '-1'], /--steps must be 0 or more/],
    [['train', 'f.ts', '--init', '1,,2'], /is not a number/],
    [['train', 'f.ts', '--at', '1'], /does not apply to "train"/],
    [['grad', 'f.ts'], /grad needs --at/],
    [['train', 'a.ts', 'b.ts'], /unexpected argument "b.ts"/],
    [['surface', 'f.ts', '--bounds', '2,-2'], /not an interval/],
    [['surface', 'f.ts', '--grid', '1'], /between 2 and 1000/],
  ];
  for (const [argv, message] of bad) {
    it(`rejects ${JSON.stringify(argv)} with a usage line`, () => {
      assert.throws(
        () => parseArgs(argv),
        (e: unknown) => e instanceof UsageError && message.test(e.message) && /usage:/.test(e.message),
      );
    });
  }
});
