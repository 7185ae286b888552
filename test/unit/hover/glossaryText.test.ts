/**
 * The glossary's text: complete in English (no Hangul anywhere in English mode), and in Korean
 * written with one standard term per concept, in 합니다체, without particles glued to numbers or
 * Latin words, and without translationese.
 */
import { strict as assert } from 'node:assert';
import { GLOSSARY, entryById } from '../../../src/hover/glossary';
import { entryText, type GlossaryEntry } from '../../../src/hover/glossaryTypes';
import { glossaryPick, hoverMarkdown } from '../../../src/hover/hoverMarkdown';
import { explain } from '../../../src/hover/explain';
import { termAt } from '../../../src/hover/termMatcher';
import { setLanguage, language } from '../../../src/l10n/localize';
import { koreanTerms } from '../docsTables';

const HANGUL = /[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]/;
const hangulIn = (s: string) => s.match(new RegExp(`.{0,20}${HANGUL.source}.{0,20}`))?.[0];

/** Every Korean text an entry shows: the head, explanation, formula, detail and example. */
const koreanTexts = (e: GlossaryEntry) => [e.ko, e.explanation, e.formula ?? '', e.detail?.ko ?? '', e.example ?? ''];
const koreanProse = (e: GlossaryEntry) => [e.explanation, e.detail?.ko ?? ''];

function withLanguage<T>(lang: 'ko' | 'en', f: () => T): T {
  const before = language();
  setLanguage(lang);
  try {
    return f();
  } finally {
    setLanguage(before);
  }
}

describe('glossary in English mode', () => {
  it('every entry has a non-empty English explanation, and English formula and example where the Korean ones have Korean words', () => {
    for (const e of GLOSSARY) {
      assert.ok(e.explanationEn.trim().length >= 40, `${e.id}: English explanation`);
      assert.ok(/^[A-Z"(]/.test(e.explanationEn) && /[.)"]$/.test(e.explanationEn.trim()), `${e.id}: English explanation is sentences`);
      if (e.formula && HANGUL.test(e.formula)) assert.ok(e.formulaEn, `${e.id}: formula "${e.formula}" needs formulaEn`);
      if (e.example && HANGUL.test(e.example)) assert.ok(e.exampleEn, `${e.id}: example "${e.example}" needs exampleEn`);
      if (e.detail) assert.ok(e.detail.en.trim() && HANGUL.test(e.detail.ko), `${e.id}: detail in both languages`);
      const en = entryText(e, 'en');
      for (const [field, text] of Object.entries(en))
        assert.equal(hangulIn(String(text ?? '')), undefined, `${e.id}.${field} (English) has Hangul`);
    }
  });

  it("rendering every entry's hover in 'en' shows no Hangul; in 'ko' it is Korean", () => {
    for (const e of GLOSSARY) {
      const en = hoverMarkdown(e, 'en');
      assert.equal(hangulIn(en), undefined, `${e.id}: English hover has Hangul`);
      assert.ok(en.startsWith(`**`) && en.includes(e.explanationEn), `${e.id}: English hover shows the English explanation`);
      const ko = hoverMarkdown(e, 'ko');
      assert.ok(ko.includes(e.explanation) && HANGUL.test(e.explanation), `${e.id}: Korean hover shows the Korean explanation`);
      assert.ok(ko.startsWith(`**`) && ko.includes(e.en), `${e.id}: Korean hover names the English term too`);
    }
    const md = hoverMarkdown(entryById('localMinimum') as GlossaryEntry, 'en');
    assert.match(md, /\*\*local minimum\*\*/);
    assert.match(md, /Related: \[global minimum\]/);
    assert.match(md, /Open a demo: himmelblau\.ts/);
  });

  it('the glossary picker and explain() show no Hangul in English mode, and Korean in Korean mode', () => {
    withLanguage('en', () => {
      const pick = glossaryPick();
      assert.equal(pick.items.length, GLOSSARY.length);
      for (const text of [pick.title, pick.placeHolder, ...pick.items.flatMap((i) => [i.label, i.description, i.detail])])
        assert.equal(hangulIn(text), undefined, text);
      assert.equal(hangulIn(explain('learning_rate')?.markdown ?? 'missing'), undefined);
      assert.equal(explain('학습률')?.en, 'learning rate');
    });
    withLanguage('ko', () => {
      const pick = glossaryPick();
      assert.match(pick.title, HANGUL);
      assert.match(pick.placeHolder, HANGUL);
      const lr = pick.items.find((i) => i.entry.id === 'learningRate');
      assert.equal(lr?.label, '학습률');
      assert.equal(lr?.description, 'learning rate');
      assert.match(explain('learning_rate')?.markdown ?? '', /학습률/);
    });
  });
});

describe('glossary Korean: one term per concept', () => {
  it('uses the standard head terms the team chose', () => {
    const heads: Record<string, string> = {
      closedForm: '닫힌 형태의 해',
      bruteForce: '전수 탐색',
      eigenvalue: '고윳값',
      trainingData: '학습 데이터',
      testSplit: '테스트 데이터',
      validation: '검증 데이터',
      plateau: '고원',
      hebbian: '헤브 학습',
      quasiNewton: '준뉴턴 방법',
      conjugateGradient: '켤레 기울기법',
    };
    for (const [id, ko] of Object.entries(heads)) assert.equal(entryById(id)?.ko, ko, id);
  });

  it('every Korean head term and Korean variant calls up its own entry in a hover, with a particle attached', () => {
    const wrong: string[] = [];
    for (const e of GLOSSARY) {
      for (const k of [e.ko, ...(e.koVariants ?? [])].filter((s) => HANGUL.test(s))) {
        for (const line of [k, `${k}에서`]) {
          const m = termAt(line, Math.floor(k.length / 2), 'prose');
          if (m?.entry.id !== e.id) wrong.push(`"${line}" → ${m?.entry.id} (${e.id})`);
        }
      }
    }
    assert.deepEqual(wrong, []);
    assert.equal(termAt('닫힌 형태의 해를 구합니다', 4, 'prose')?.entry.id, 'closedForm');
  });

  it('validation data and test data are two concepts; overfitting and early stopping use validation data', () => {
    const validation = entryById('validation') as GlossaryEntry;
    const test = entryById('testSplit') as GlossaryEntry;
    assert.ok(!(test.koVariants ?? []).some((v) => v.includes('검증')), 'test data lists no 검증 spelling');
    assert.ok(
      !(validation.koVariants ?? []).some((v) => v.includes('테스트') || v.includes('시험')),
      'validation data lists no test spelling',
    );
    assert.equal(termAt('검증 데이터로 멈출 스텝을 고릅니다', 2, 'prose')?.entry.id, 'validation');
    assert.equal(termAt('테스트 데이터는 마지막에 한 번 봅니다', 2, 'prose')?.entry.id, 'testSplit');
    assert.equal(termAt('// the validation loss', 10, 'prose')?.entry.id, 'validation');
    assert.equal(termAt('// the test set', 10, 'prose')?.entry.id, 'testSplit');
    for (const id of ['overfitting', 'earlyStopping']) {
      const e = entryById(id) as GlossaryEntry;
      assert.match(e.explanation, /검증 데이터|검증 손실/, id);
      assert.match(e.explanationEn, /validation/, id);
      assert.ok(e.related?.includes('validation'), `${id} links to validation data`);
    }
    assert.match(test.explanation, /한 번만/);
  });

  it('writes no non-standard spelling: the team decisions and the variants column of docs/korean-terms.md', () => {
    const rows = koreanTerms();
    const standards = rows.map((r) => r.standard).sort((a, b) => b.length - a.length);
    // Spellings our own text never writes (hovers may still recognise them as variants).
    const team = [
      '폐형식',
      '닫힌 형식',
      '무차별 대입',
      '격자 탐색',
      '초기값',
      '고유값',
      '업데이트',
      '걸음',
      '훈련',
      '시험 데이터',
      '평탄한',
      '평평한 구간',
      '최소점',
      '최대점',
      '최소값',
      '최대값',
    ];
    const variants = rows.flatMap((r) => r.variants).filter((v) => HANGUL.test(v));
    for (const e of GLOSSARY) {
      for (const text of koreanTexts(e)) {
        for (const bad of team) assert.ok(!text.includes(bad), `${e.id} writes "${bad}": ${text}`);
        // A variant inside a standard term (파라미터 in 하이퍼파라미터) is not a use of the variant.
        const rest = standards.reduce((s, std) => s.split(std).join('□'), text);
        for (const v of variants) assert.ok(!rest.includes(v), `${e.id} writes the variant "${v}": ${text}`);
      }
    }
  });

  it('puts no particle that depends on the last syllable right after a number, a Latin word or a formula', () => {
    // 은/는, 이/가, 을/를, 과/와, 으로/로 … depend on how the word before is read; after "Adam",
    // "0.5" or "(w − 3)²" the reader cannot be sure, so the text is rephrased instead.
    const particle = '(?:은|는|이|가|을|를|과|와|으로|로|이나|나|이란|란|라고|라는|라서|라면|랑|이랑|며|고|면|여서|여야)';
    const glued = new RegExp(`([A-Za-z0-9α-ωΑ-Ω²³ᵈᵗⁿ′″\`]|\\u0302|\\))\\s?(${particle})(?=$|[^가-힣])`, 'g'); // \u0302: the hat of m̂, v̂
    const found: string[] = [];
    for (const e of GLOSSARY) {
      for (const text of koreanTexts(e).slice(1)) {
        for (let m = glued.exec(text); m; m = glued.exec(text)) {
          if (m[1] === ')') {
            // "학습률(η)이" is fine: the particle follows the Korean word before the parenthesis.
            let depth = 0;
            let i = m.index;
            for (; i >= 0; i--) {
              if (text[i] === ')') depth++;
              else if (text[i] === '(' && --depth === 0) break;
            }
            if (HANGUL.test(text[i - 1] ?? '')) continue;
          }
          found.push(`${e.id}: "${text.slice(Math.max(0, m.index - 15), m.index + 6)}"`);
        }
      }
    }
    assert.deepEqual(found, []);
  });

  it('speaks in 합니다체, without translationese', () => {
    const bad = ['평범한', '값싼', '싸고', '싼 ', '손실 함수를 학습', '해라', '한다.', '된다.', '있다.', '이다.'];
    const found: string[] = [];
    for (const e of GLOSSARY) {
      for (const text of koreanProse(e)) {
        for (const b of bad) if (text.includes(b)) found.push(`${e.id}: "${b}"`);
        for (const para of text.split(/\n+/).map((p) => p.replace(/^- /, '').trim())) {
          if (!HANGUL.test(para)) continue; // a formula on its own line
          for (const sentence of para.split(/(?<=[.?!])\s+(?=[^a-z])/)) {
            if (!/(니다|니까|시다)(\([^)]*\))?[.?!]$/.test(sentence)) found.push(`${e.id}: "${sentence}"`);
          }
        }
      }
    }
    assert.deepEqual(found, []);
  });
});
