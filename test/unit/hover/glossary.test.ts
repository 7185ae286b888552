import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GLOSSARY } from '../../../src/hover/glossary';
import { contextAt, termAt } from '../../../src/hover/termMatcher';
import { explain } from '../../../src/hover/explain';
import { hoverMarkdown, HOVER_COMMANDS } from '../../../src/hover/hoverMarkdown';
import { glossaryDoc } from '../../../scripts/generate-glossary-doc';
import { conceptsMarked, koreanTerms } from '../docsTables';

const root = path.resolve(__dirname, '../../..');
const norm = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');

/** Concept numbers marked H (hover) in docs/concepts.md. */
const hoverConcepts = () => conceptsMarked('H');

/** Parses the corpus: each «text|id» mark becomes a (line, offset, language, expected id). */
function corpus(): Array<{ line: string; offset: number; language: string; expected: string; text: string }> {
  const out: Array<{ line: string; offset: number; language: string; expected: string; text: string }> = [];
  let language = 'typescript';
  for (const raw of readFileSync(path.join(root, 'test', 'fixtures', 'hover', 'corpus.txt'), 'utf8').split('\n')) {
    if (raw.startsWith('## ')) {
      language = raw.slice(3).trim();
      continue;
    }
    if (raw.startsWith('# ') || !raw.includes('«')) continue;
    const marks: Array<{ start: number; text: string; id: string }> = [];
    const clean = raw.replace(/«([^|»]+)\|([^»]+)»/g, (_m, text: string, id: string, offset: number) => {
      const before = raw.slice(0, offset).replace(/«([^|»]+)\|[^»]+»/g, '$1').length;
      marks.push({ start: before, text, id });
      return text;
    });
    for (const m of marks)
      out.push({ line: clean, offset: m.start + Math.floor(m.text.length / 2), language, expected: m.id, text: m.text });
  }
  return out;
}

describe('glossary', () => {
  it('has at least 60 entries with Korean explanations, a formula or example, and valid links', () => {
    assert.ok(GLOSSARY.length >= 60, `${GLOSSARY.length} entries`);
    const ids = new Set(GLOSSARY.map((e) => e.id));
    for (const e of GLOSSARY) {
      assert.match(e.explanation, /[가-힣]/, `${e.id}: Korean explanation`);
      assert.ok(e.formula || e.example || e.related?.length, `${e.id}: formula, example or related terms`);
      for (const r of e.related ?? []) assert.ok(ids.has(r), `${e.id}: related ${r} exists`);
    }
  });

  it('covers every concept docs/concepts.md marks H', () => {
    const needed = hoverConcepts();
    assert.ok(needed.length >= 30, `parsed ${needed.length} H concepts`);
    const covered = new Set(GLOSSARY.flatMap((e) => e.concepts ?? []));
    assert.deepEqual(
      needed.filter((n) => !covered.has(n)),
      [],
    );
  });

  it('no two entries claim the same code spelling or Korean term', () => {
    const seen = new Map<string, string>();
    for (const e of GLOSSARY) {
      for (const s of [...e.identifiers.map(norm), ...(e.abbreviations ?? []).map(norm), e.ko.replace(/\s/g, '')]) {
        assert.ok(!seen.has(s) || seen.get(s) === e.id, `"${s}" is claimed by ${seen.get(s)} and ${e.id}`);
        seen.set(s, e.id);
      }
    }
  });

  it('uses none of the wrong forms docs/korean-terms.md lists', () => {
    const avoid = koreanTerms().flatMap((t) => t.avoid);
    assert.ok(avoid.length >= 40, `parsed ${avoid.length} wrong forms`);
    for (const e of GLOSSARY) {
      const text = [e.ko, e.explanation, e.formula ?? '', e.example ?? ''].join(' ');
      for (const a of avoid) assert.ok(!text.includes(a), `${e.id} uses "${a}"`);
    }
  });

  it('docs/glossary.md is generated from the glossary (run scripts/generate-glossary-doc.ts)', () => {
    assert.equal(readFileSync(path.join(root, 'docs', 'glossary.md'), 'utf8'), glossaryDoc());
  });

  it('hover corpus: every marked term found and no look-alike matched (what the matcher scores today)', () => {
    const cases = corpus();
    const terms = cases.filter((c) => c.expected !== 'none');
    const friends = cases.filter((c) => c.expected === 'none');
    assert.ok(terms.length >= 150 && friends.length >= 15, `${terms.length} terms, ${friends.length} look-alikes marked`);
    const found = (c: (typeof cases)[number]) => termAt(c.line, c.offset, contextAt(c.line, c.offset, c.language))?.entry.id;
    const misses = terms.filter((c) => found(c) !== c.expected);
    const falsePositives = friends.filter((c) => found(c) !== undefined);
    assert.deepEqual(
      misses.map((m) => `${m.text}→${m.expected} (got ${found(m)})`),
      [],
      'missed terms',
    );
    assert.deepEqual(
      falsePositives.map((f) => `${f.text}→${found(f)}`),
      [],
      'false positives',
    );
  });

  it('explain() finds terms by id, Korean, English and code spelling; hover Markdown links only our commands', () => {
    assert.equal(explain('learning_rate')?.ko, '학습률');
    assert.equal(explain('경사 하강법')?.en, 'gradient descent');
    assert.equal(explain('saddle point')?.ko, '안장점');
    assert.equal(explain('grade'), undefined);
    const md = hoverMarkdown(GLOSSARY.find((e) => e.id === 'localMinimum') as (typeof GLOSSARY)[number]);
    assert.match(md, /국소 최솟값/);
    assert.match(md, /command:gdTutor\.openExample\?%5B%22himmelblau\.ts%22%5D/);
    for (const link of md.match(/command:[\w.]+/g) ?? []) assert.ok(HOVER_COMMANDS.includes(link.slice('command:'.length)), link);
  });
});
