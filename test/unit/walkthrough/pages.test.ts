/**
 * The walkthrough pages themselves: every Korean page has an English twin with the same links,
 * every link goes somewhere real, and the Korean reads as one voice (합니다체, one term per
 * concept, no particle glued to a number, formula or Latin word).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { koreanTerms, neverWritten } from '../docsTables';
import { entryById } from '../../../src/hover/glossary';

const root = path.resolve(__dirname, '../../..');
const dir = path.join(root, 'media', 'walkthrough');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const koPages = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort();
const enPages = readdirSync(path.join(dir, 'en'))
  .filter((f) => f.endsWith('.md'))
  .sort();
const read = (...p: string[]) => readFileSync(path.join(dir, ...p), 'utf8');
const HANGUL = /[가-힣]/;

/** Link and image targets in the order they appear: `[text](target)`, `![alt](src)`, `<img src="…">`. */
export function targets(md: string): string[] {
  return [...md.matchAll(/\]\(([^)\s]+)\)|<img\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
}

/** `command:` links: the command id and its decoded JSON arguments. */
export function commandLinks(md: string): Array<{ command: string; args: unknown[] }> {
  return targets(md)
    .filter((t) => t.startsWith('command:'))
    .map((t) => {
      const [command, query] = t.slice('command:'.length).split('?');
      return { command, args: query ? (JSON.parse(decodeURIComponent(query)) as unknown[]) : [] };
    });
}

/** The prose of a page: no fenced or indented code blocks, no HTML comments; links reduced to their text. */
export function prose(md: string): string[] {
  let fenced = false;
  return md
    .replace(/<!--[^]*?-->/g, '')
    .split('\n')
    .filter((line) => {
      if (/^\s*```/.test(line)) return ((fenced = !fenced), false);
      return !fenced && !/^( {4}|\t)/.test(line);
    })
    .map((line) => line.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|__/g, ''));
}

/** Counters and unit nouns that follow a number directly (82개, 10배, 1,386번째, 7단계). */
const COUNTER = /^(?:개|번째|번|배|차원|차|층|회|가지|단계)/;
/** What a Korean particle must not be glued to: a digit, a Latin or Greek letter, a formula's end, code. */
const NOT_KOREAN_END = /[0-9A-Za-z`)\]}%²³¹⁰⁴⁵⁶⁷⁸⁹⁻₀-₉ᵗ\u0370-\u03ff∇′″]/;
/** Particles and copula forms that, standing alone after a space, hang off the formula before them. */
const LONE_PARTICLE =
  /^(?:은|는|이|가|을|를|에|에서|에는|의|로|으로|와|과|도|만|이며|이고|인|입니다|이다|처럼|보다|부터|까지|이라고|라고)$/;

/** Places where Korean text leans on how a number, formula or Latin word is read aloud. */
export function gluedParticles(line: string): string[] {
  // A gloss right after a Korean word does not carry the particle: 기울기(gradient)는, 위치(w = 3)를.
  const text = line.replace(/(?<=[가-힣])\([^()]*\)/g, '');
  const hits: string[] = [];
  for (const m of text.matchAll(/[가-힣]+/g)) {
    const before = text[m.index - 1];
    if (before && NOT_KOREAN_END.test(before) && !COUNTER.test(m[0]))
      hits.push(text.slice(Math.max(0, m.index - 12), m.index + m[0].length));
  }
  for (const m of text.matchAll(/(\S+)\s+([가-힣]+)(?=[\s.,:;!?]|$)/g)) {
    if (NOT_KOREAN_END.test(m[1].slice(-1)) && LONE_PARTICLE.test(m[2])) hits.push(m[0]);
  }
  return hits;
}

/** Sentence endings other than 합니다체: 해라체 (…한다.), 해요체 (…해요, …죠), 해체 questions (…할까?). */
export function notHamnida(line: string): string[] {
  return [...line.matchAll(/[가-힣]*(?:(?<!니)다|요|죠|(?<!니)까)(?=[.!?](?:\s|$)|$)/g)]
    .map((m) => m[0])
    .filter((w) => !/^(?:필요|중요)$/.test(w));
}

/** Spellings our Korean text never writes: docs/korean-terms.md's variants and wrong forms, and the team's decisions on spelling. */
const NEVER = [
  ...koreanTerms().flatMap(neverWritten),
  ...[
    '폐형식',
    '무차별 대입',
    '초기값',
    '고유값',
    '업데이트',
    '걸음',
    '훈련',
    '시험 데이터',
    '평탄',
    '평평',
    '최소점',
    '최소값',
    '관성',
    '이(가)',
    '을(를)',
    '은(는)',
  ],
  // Translationese: "plain" is not 평범한, "cheap" is not 값싼 or 싼, a loss is minimised, not learnt.
  ...['평범한', '값싼', '싼 이유', '손실 함수를 학습'],
];

describe('walkthrough pages', () => {
  it('every Korean page has an English page of the same name, and no other', () => {
    assert.ok(koPages.length >= 8);
    assert.deepEqual(enPages, koPages);
  });

  for (const page of koPages) {
    describe(page, () => {
      const ko = read(page);
      const en = existsSync(path.join(dir, 'en', page)) ? read('en', page) : '';

      it('English: no Hangul', () => {
        assert.ok(en.length > 200, 'an English page with content');
        const lines = en.split('\n').filter((l) => HANGUL.test(l));
        assert.deepEqual(lines, []);
      });

      it('English and Korean have the same links and images, in the same order, and the same concepts', () => {
        assert.deepEqual(targets(en), targets(ko));
        assert.equal(en.match(/<!-- concepts: [\d ]+ -->/)?.[0], ko.match(/<!-- concepts: [\d ]+ -->/)?.[0]);
      });

      it('opens its own example', () => {
        const step = manifest.contributes.walkthroughs[0].steps.find(
          (s: { media: { markdown: string } }) => s.media.markdown === `media/walkthrough/${page}`,
        );
        assert.ok(step, `${page} is a step`);
        const completes = String(step.completionEvents[0]).replace('onContext:gdTutor.ran.', '');
        assert.ok(
          commandLinks(ko).some((l) => l.command === 'gdTutor.openExample' && l.args[0] === `${completes}.ts`),
          `a link that opens ${completes}.ts`,
        );
      });

      it('Korean: 합니다체, one term per concept, no particle glued to a number, formula or Latin word', () => {
        const lines = prose(ko);
        assert.deepEqual(lines.flatMap(gluedParticles), [], 'rephrase: put a Korean noun after the number or formula');
        assert.deepEqual(lines.flatMap(notHamnida), [], '합니다체 endings');
        assert.deepEqual(
          NEVER.filter((n) => ko.includes(n)),
          [],
          'only the standard terms of docs/korean-terms.md',
        );
      });
    });
  }

  it("the Korean walkthrough's titles and descriptions follow the same rules", () => {
    const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.ko.json'), 'utf8')) as Record<string, string>;
    const values = Object.entries(nls)
      .filter(([k]) => k.startsWith('walkthrough.ko.') && !k.endsWith('.when'))
      .map(([, v]) => v);
    assert.ok(values.length >= 20);
    const lines = values.flatMap((v) => prose(v));
    assert.deepEqual(lines.flatMap(gluedParticles), []);
    assert.deepEqual(lines.flatMap(notHamnida), []);
    assert.deepEqual(
      NEVER.filter((n) => values.some((v) => v.includes(n))),
      [],
    );
  });

  it('every command link goes to a command the extension contributes, with arguments that exist', () => {
    const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    const links = [...koPages.map((p) => read(p)), ...enPages.map((p) => read('en', p))].flatMap(commandLinks);
    assert.ok(links.length >= koPages.length * 2, `${links.length} command links`);
    for (const { command, args } of links) {
      assert.ok(commands.has(command), `${command} is in contributes.commands`);
      if (command === 'gdTutor.openExample')
        assert.ok(existsSync(path.join(root, 'examples', String(args[0]))), `examples/${String(args[0])}`);
      if (command === 'gdTutor.showGlossary') assert.ok(entryById(String(args[0])), `glossary entry ${String(args[0])}`);
    }
  });

  it('the checks catch what they are for (made-up text)', () => {
    assert.deepEqual(gluedParticles('w = 3에서 멈춥니다'), ['w = 3에서']);
    assert.equal(gluedParticles('`quadratic.ts`를 엽니다. Adam은 빠릅니다. η는 작습니다').length, 3);
    assert.equal(gluedParticles('손실 (w − 3)² 을 봅니다').length, 1);
    assert.deepEqual(gluedParticles('고윳값 82개 가운데 31개, 기울기(gradient)는, 10배, 7단계, 시작점(3, 4)에서, 1 − 8η 값입니다'), []);
    assert.deepEqual(notHamnida('설명합니다. 간단하다. 그렇죠. 좋아요. 왜일까? 맞습니까?'), ['간단하다', '그렇죠', '좋아요', '왜일까']);
    assert.deepEqual(prose('a\n```\n코드다.\n```\n    들여쓴 코드다.\n[링크](command:x)를'), ['a', '링크를']);
  });
});
