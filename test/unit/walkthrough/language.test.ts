/**
 * Which walkthrough VS Code shows: the Korean one or the English one, by `gdTutor.language`.
 *
 * Each walkthrough has a `when` clause on the setting (`config.gdTutor.language`, a context key
 * VS Code provides from the configuration itself, so it holds before the extension activates).
 * "auto" must follow VS Code's display language, which no context key exposes; but VS Code
 * replaces every `%key%` string of the manifest from package.nls.<display language>.json
 * (package.nls.json otherwise), `when` clauses included. So the clause is itself localized:
 * package.nls.ko.json counts "auto" as Korean, package.nls.json as English — the same rule as
 * `applyLanguageSetting` in src/extension.ts (auto → Korean only for a `ko` display language).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = (file: string): Record<string, string> => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const walkthroughs: Array<{ id: string; when?: string; steps: Array<{ when?: string }> }> = manifest.contributes.walkthroughs;

/**
 * The part of VS Code's when-clause language the manifest uses: `key == value`, `key != value`,
 * a bare key, `!key`, `&&` binding tighter than `||`. Anything else throws, so a clause the
 * evaluator cannot read fails the test instead of passing by accident.
 */
export function evaluateWhen(clause: string, context: Record<string, string | boolean | undefined>): boolean {
  return clause.split('||').some((conjunction) =>
    conjunction.split('&&').every((term) => {
      const t = term.trim();
      let m = /^([\w.]+)\s*(==|!=)\s*'?([\w.-]+)'?$/.exec(t);
      if (m) return (String(context[m[1]]) === m[3]) === (m[2] === '==');
      m = /^(!?)([\w.]+)$/.exec(t);
      if (m) return Boolean(context[m[2]]) !== (m[1] === '!');
      throw new Error(`when clause not understood: ${t}`);
    }),
  );
}

/** The manifest's `%key%` strings replaced from one nls file, as VS Code does for that display language. */
function localized(messages: Record<string, string>, value: string | undefined): string | undefined {
  const m = value && /^%([\w.-]+)%$/.exec(value);
  if (!m) return value;
  assert.ok(messages[m[1]] !== undefined, `${m[1]} has a message`);
  return messages[m[1]];
}

const DISPLAY: Record<string, Record<string, string>> = { en: nls('package.nls.json'), ko: nls('package.nls.ko.json') };
const EXPECTED_LANG = (setting: string, display: string) => (setting === 'auto' ? (display === 'ko' ? 'ko' : 'en') : setting);
const WALKTHROUGH_OF: Record<string, string> = { ko: 'gdTutor.learnGradientDescent', en: 'gdTutor.learnGradientDescentEn' };

describe('walkthrough language (gdTutor.language: ko, en, auto)', () => {
  it('the setting offers exactly ko, en and auto', () => {
    assert.deepEqual(manifest.contributes.configuration.properties['gdTutor.language'].enum, ['ko', 'en', 'auto']);
  });

  for (const display of Object.keys(DISPLAY)) {
    for (const setting of ['ko', 'en', 'auto']) {
      const lang = EXPECTED_LANG(setting, display);
      it(`display language ${display}, setting "${setting}": only the ${lang === 'ko' ? 'Korean' : 'English'} walkthrough is shown`, () => {
        const context = { 'config.gdTutor.language': setting };
        const shown = walkthroughs.filter((w) => {
          const when = localized(DISPLAY[display], w.when);
          assert.ok(when, `${w.id} has a when clause`);
          return evaluateWhen(when, context);
        });
        assert.deepEqual(
          shown.map((w) => w.id),
          [WALKTHROUGH_OF[lang]],
        );
        // Steps carry no clause of their own: all of the shown walkthrough's steps are there.
        for (const w of shown) assert.ok(w.steps.every((s) => s.when === undefined));
      });
    }
  }

  it('the clauses read only the setting, so they hold before the extension activates', () => {
    for (const messages of Object.values(DISPLAY)) {
      for (const w of walkthroughs) {
        const keys = localized(messages, w.when)!.match(/[a-zA-Z][\w.]*(?=\s*(==|!=))/g) ?? [];
        assert.ok(keys.length > 0);
        assert.ok(
          keys.every((k) => k === 'config.gdTutor.language'),
          `${w.id}: ${keys.join(', ')}`,
        );
      }
    }
  });

  it('the evaluator reads the clause language it claims to', () => {
    assert.equal(evaluateWhen('a == x || b == y && c != z', { a: 'q', b: 'y', c: 'w' }), true);
    assert.equal(evaluateWhen('a == x || b == y && c != z', { a: 'q', b: 'y', c: 'z' }), false);
    assert.equal(evaluateWhen('!flag && a == x', { a: 'x', flag: false }), true);
    assert.throws(() => evaluateWhen('a =~ /x/', {}));
  });
});
