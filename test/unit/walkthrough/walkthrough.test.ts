import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { conceptsMarked } from '../docsTables';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nlsKo: Record<string, string> = JSON.parse(readFileSync(path.join(root, 'package.nls.ko.json'), 'utf8'));
const nlsEn: Record<string, string> = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown: string };
  completionEvents: string[];
}
interface Walkthrough {
  id: string;
  title: string;
  description: string;
  when: string;
  steps: Step[];
}

const walkthroughs: Walkthrough[] = manifest.contributes.walkthroughs;
const korean = walkthroughs.find((w) => w.id === 'gdTutor.learnGradientDescent');
const english = walkthroughs.find((w) => w.id === 'gdTutor.learnGradientDescentEn');
const HANGUL = /[가-힣]/;
const key = (v: string) => {
  const m = /^%([\w.-]+)%$/.exec(v);
  assert.ok(m, `${v} is a %nls% key`);
  return m[1];
};

/** Concept numbers marked L (walkthrough) in docs/concepts.md. */
const lessonConcepts = () => conceptsMarked('L');
const conceptsOf = (file: string) => {
  const tag = readFileSync(path.join(root, file), 'utf8').match(/<!-- concepts: ([\d ]+) -->/);
  assert.ok(tag, `${file} names its concepts`);
  return tag[1].trim().split(/\s+/).map(Number);
};

describe('walkthrough', () => {
  it('comes in Korean and English, with the same steps in the same order', () => {
    assert.equal(walkthroughs.length, 2);
    assert.ok(korean && english, 'gdTutor.learnGradientDescent (Korean) and gdTutor.learnGradientDescentEn (English)');
    assert.ok(korean.steps.length >= 8);
    assert.deepEqual(
      english.steps.map((s) => s.id),
      korean.steps.map((s) => s.id),
      'step ids are the same in both',
    );
    assert.deepEqual(
      english.steps.map((s) => s.completionEvents),
      korean.steps.map((s) => s.completionEvents),
      'a step completes in both when its example is trained',
    );
    korean.steps.forEach((s, i) => {
      assert.match(s.media.markdown, /^media\/walkthrough\/[^/]+\.md$/, `${s.id}: Korean page`);
      assert.equal(
        english.steps[i].media.markdown,
        s.media.markdown.replace(/^media\/walkthrough\//, 'media/walkthrough/en/'),
        `${s.id}: English page beside it`,
      );
    });
  });

  for (const [lang, isRight] of [
    ['Korean', (v: string) => HANGUL.test(v)],
    ['English', (v: string) => !HANGUL.test(v)],
  ] as const) {
    it(`${lang}: title, description and every step's title and description are ${lang} whatever VS Code's display language`, () => {
      const w = lang === 'Korean' ? korean! : english!;
      for (const v of [w.title, w.description, ...w.steps.flatMap((s) => [s.title, s.description])]) {
        const k = key(v);
        assert.ok(nlsEn[k] && nlsKo[k], `${k} in package.nls.json and package.nls.ko.json`);
        assert.equal(nlsKo[k], nlsEn[k], `${k}: the same text in both nls files (the language is the walkthrough's, not the display's)`);
        assert.ok(isRight(nlsEn[k]), `${k}: ${lang}: ${nlsEn[k]}`);
      }
    });
  }

  it('each step opens its example, completes when it is trained, and has its page', () => {
    for (const w of [korean!, english!]) {
      for (const s of w.steps) {
        const description = nlsEn[key(s.description)];
        assert.match(description, /command:gdTutor\.openExample\?%5B%22[a-z-]+\.ts%22%5D/, `${w.id} ${s.id}: opens an example`);
        const example = description.match(/%22([a-z-]+\.ts)%22/)![1];
        assert.ok(existsSync(path.join(root, 'examples', example)), `${s.id}: examples/${example} exists`);
        assert.deepEqual(
          s.completionEvents,
          [`onContext:gdTutor.ran.${example.replace(/\.ts$/, '')}`],
          `${s.id}: completes when its example is trained`,
        );
        assert.ok(existsSync(path.join(root, s.media.markdown)), `${s.id}: ${s.media.markdown}`);
      }
    }
  });

  it('covers every concept that docs/concepts.md marks L, in both languages', () => {
    for (const w of [korean!, english!]) {
      const covered = new Set(w.steps.flatMap((s) => conceptsOf(s.media.markdown)));
      const needed = lessonConcepts();
      assert.ok(needed.length >= 8, `parsed ${needed.length} L concepts`);
      assert.deepEqual(
        needed.filter((n) => !covered.has(n)),
        [],
        w.id,
      );
    }
    korean!.steps.forEach((s, i) =>
      assert.deepEqual(conceptsOf(english!.steps[i].media.markdown), conceptsOf(s.media.markdown), `${s.id}: same concepts`),
    );
  });
});
