import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { conceptsMarked } from '../docsTables';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nlsKo = JSON.parse(readFileSync(path.join(root, 'package.nls.ko.json'), 'utf8'));
const nlsEn = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
const steps: Array<{ id: string; title: string; description: string; media: { markdown: string }; completionEvents: string[] }> = manifest.contributes.walkthroughs[0].steps;

/** Concept numbers marked L (walkthrough) in docs/concepts.md. */
const lessonConcepts = () => conceptsMarked('L');

describe('walkthrough', () => {
  it('has at least 8 steps, each with Korean and English text, its markdown, and an example to run', () => {
    assert.ok(steps.length >= 8);
    for (const s of steps) {
      const key = (v: string) => v.replace(/^%|%$/g, '');
      assert.match(nlsKo[key(s.title)], /[가-힣]/, `${s.id}: Korean title`);
      assert.ok(nlsEn[key(s.title)], `${s.id}: English title`);
      assert.match(nlsKo[key(s.description)], /command:gdTutor\.openExample\?%5B%22[a-z-]+\.ts%22%5D/, `${s.id}: opens an example`);
      const example = nlsKo[key(s.description)].match(/%22([a-z-]+\.ts)%22/)[1];
      assert.ok(existsSync(path.join(root, 'examples', example)), `${s.id}: examples/${example} exists`);
      assert.deepEqual(s.completionEvents, [`onContext:gdTutor.ran.${example.replace(/\.ts$/, '')}`], `${s.id}: completes when its example is trained`);
      assert.ok(existsSync(path.join(root, s.media.markdown)), `${s.id}: ${s.media.markdown}`);
    }
  });

  it('covers every concept that docs/concepts.md marks L', () => {
    const covered = new Set<number>();
    for (const s of steps) {
      const md = readFileSync(path.join(root, s.media.markdown), 'utf8');
      const tag = md.match(/<!-- concepts: ([\d ]+) -->/);
      assert.ok(tag, `${s.media.markdown} names its concepts`);
      for (const n of tag[1].trim().split(/\s+/)) covered.add(Number(n));
    }
    const needed = lessonConcepts();
    assert.ok(needed.length >= 8, `parsed ${needed.length} L concepts`);
    assert.deepEqual(needed.filter((n) => !covered.has(n)), []);
  });
});
