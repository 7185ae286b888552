import { strict as assert } from 'node:assert';
import { languageArgument, parseArgs, usage, USAGE, UsageError } from '../../../src/runner/cliArgs';
import { languageFromEnvironment } from '../../../src/cli/lang';
import { language, setLanguage } from '../../../src/l10n/localize';

const HANGUL = /[\u3131-\u318e\uac00-\ud7a3]/;

describe('CLI arguments', () => {
  it('parses the train contract of docs/cli-contract.md, negative numbers as separate entries', () => {
    const a = parseArgs([
      'train',
      'f.ts',
      '--optimizer',
      'adam',
      '--lr',
      '1e-3',
      '--beta1',
      '0.8',
      '--beta2',
      '0.99',
      '--eps',
      '1e-6',
      '--weight-decay',
      '0.01',
      '--amsgrad',
      '--steps',
      '200',
      '--init',
      '-2.5,1',
      '--seed',
      '7',
      '--json',
    ]);
    assert.equal(a.command, 'train');
    assert.equal(a.file, 'f.ts');
    assert.equal(a.json, true);
    assert.deepEqual(a.train, {
      optimizer: 'adam',
      learningRate: 0.001,
      beta1: 0.8,
      beta2: 0.99,
      eps: 1e-6,
      weightDecay: 0.01,
      amsgrad: true,
      steps: 200,
      init: [-2.5, 1],
      seed: 7,
    });
  });

  it('parses grad --at and surface --grid/--bounds', () => {
    assert.deepEqual(parseArgs(['grad', 'f.ts', '--at', '1.5,-2', '--json']).at, [1.5, -2]);
    const s = parseArgs(['surface', 'f.ts', '--grid', '50', '--bounds', '-2,2,-1,3']);
    assert.equal(s.grid, 50);
    assert.deepEqual(s.bounds, [
      [-2, 2],
      [-1, 3],
    ]);
  });

  it('parses --damping (Newton) and --lang for every command', () => {
    assert.deepEqual(parseArgs(['train', 'f.ts', '--optimizer', 'newton', '--damping', '0']).train, { optimizer: 'newton', damping: 0 });
    assert.equal(parseArgs(['train', 'f.ts', '--damping', '0.5']).train.damping, 0.5);
    assert.equal(parseArgs(['train', 'f.ts', '--lang', 'en']).lang, 'en');
    assert.equal(parseArgs(['grad', 'f.ts', '--at', '1', '--lang', 'ko']).lang, 'ko');
    assert.equal(parseArgs(['surface', 'f.ts', '--lang', 'en']).lang, 'en');
    assert.equal(parseArgs(['train', 'f.ts']).lang, undefined);
    assert.equal('lang' in parseArgs(['train', 'f.ts', '--lang', 'en']).train, false, '--lang is not a train option');
  });

  it("finds --lang before the full parse, never inside another flag's value", () => {
    assert.equal(languageArgument(['train', 'f.ts', '--lr', 'oops', '--lang', 'en']), 'en');
    assert.equal(languageArgument(['train', '--lang', 'ko', 'f.ts']), 'ko');
    assert.equal(languageArgument(['train', 'f.ts', '--optimizer', '--lang', 'en']), undefined);
    assert.equal(languageArgument(['train', 'f.ts', '--lang', 'fr']), undefined);
    assert.equal(languageArgument(['train', 'f.ts', '--amsgrad', '--lang', 'en']), 'en');
    assert.equal(languageArgument(['train', 'f.ts']), undefined);
  });

  it('defaults the language from LC_ALL, LC_MESSAGES, LANG: English when the first set starts with "en"', () => {
    assert.equal(languageFromEnvironment({ LANG: 'en_US.UTF-8' }), 'en');
    assert.equal(languageFromEnvironment({ LANG: 'ko_KR.UTF-8' }), 'ko');
    assert.equal(languageFromEnvironment({ LANG: 'C.UTF-8' }), 'ko');
    assert.equal(languageFromEnvironment({}), 'ko');
    assert.equal(languageFromEnvironment({ LC_ALL: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8' }), 'ko');
    assert.equal(languageFromEnvironment({ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'ko_KR.UTF-8' }), 'en');
    assert.equal(languageFromEnvironment({ LC_ALL: '', LANG: 'en_US' }), 'en', 'an empty variable counts as unset');
  });

  it('says every usage error and the usage itself in one language', () => {
    const before = language();
    try {
      for (const argv of [
        ['train', 'f.ts', '--damping', '-1'],
        ['train', 'f.ts', '--lr', 'x'],
        ['fly'],
        ['train', 'f.ts', '--lang', 'de'],
      ]) {
        let error: UsageError | undefined;
        try {
          parseArgs(argv);
        } catch (e) {
          error = e as UsageError;
        }
        assert.ok(error instanceof UsageError, JSON.stringify(argv));
        assert.ok(HANGUL.test(error.ko) && !HANGUL.test(error.en), `${error.ko} / ${error.en}`);
        setLanguage('en');
        assert.ok(!HANGUL.test(error.text()) && /^usage:/m.test(error.text()), error.text());
        setLanguage('ko');
        assert.ok(error.text().startsWith(error.ko) && /^사용법:/m.test(error.text()), error.text());
      }
      assert.ok(!HANGUL.test(USAGE.en) && /--damping L/.test(USAGE.en) && /--lang ko\|en/.test(USAGE.en));
      setLanguage('en');
      assert.equal(usage(), USAGE.en);
    } finally {
      setLanguage(before);
    }
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
    [['train', 'f.ts', '--damping', '-0.5'], /--damping must be a finite number ≥ 0, got -0.5/],
    [['train', 'f.ts', '--damping', 'none'], /--damping: "none" is not a number/],
    [['train', 'f.ts', '--damping', '1e400'], /--damping: "1e400" is not a finite number/],
    [['train', 'f.ts', '--damping'], /--damping needs a value/],
    [['grad', 'f.ts', '--at', '1', '--damping', '0'], /--damping does not apply to "grad"/],
    [['train', 'f.ts', '--lang', 'fr'], /--lang must be ko or en, got "fr"/],
    [['train', 'f.ts', '--lang'], /--lang needs a value/],
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
