/**
 * Teaching as exact as the numbers: one Korean term per concept, everywhere a learner reads.
 *
 * Scans every learner-facing text of the repository — the l10n bundle, package.nls*.json, the
 * walkthrough, the README, the hover glossary and every other string in src/ (diagnoses, runner
 * and engine errors, snippets, webview and CLI text), and the examples' strings and comments —
 * and fails listing file:line for
 *
 *   - a spelling docs/korean-terms.md lists as 허용 변형 or 쓰지 않음 (our text writes only 표준 용어);
 *   - a Korean particle glued to an interpolated placeholder (`${lr}이(가)`, `{0}과`, `'${name}'은(는)`):
 *     the particle depends on how the value is read, so rephrase (a noun after the placeholder);
 *   - a double period at the end of a sentence ("문법 오류: Octal digit expected..");
 *   - a 해요체 ending in text written in 합니다체 (…죠, …해요, …예요).
 *
 * Only Korean text is matched: string literals and (in examples/) comments of TypeScript files,
 * JSON string values, Markdown lines. A glossary entry's `koVariants` are the spellings a hover
 * recognises, not text a learner reads, so they are not scanned.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { koreanTerms, neverWritten } from '../docsTables';
import { syntaxMessage } from '../../../src/runner/syntaxMessages';
import { learnerErrors } from '../../../src/runner/learnerErrors';

const ROOT = path.resolve(__dirname, '../../..');
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');

/**
 * The spellings the team decided against (docs/korean-terms.md, "one term per concept"). Each must stay
 * in docs/korean-terms.md as 허용 변형 or 쓰지 않음 of its concept, so that the scan keeps finding it.
 */
const DECIDED: Array<{ standard: string; never: string[] }> = [
  { standard: '닫힌 형태의 해', never: ['폐형식 해', '닫힌 형식의 해'] },
  { standard: '전수 탐색', never: ['무차별 대입', '격자 탐색'] },
  { standard: '초깃값', never: ['초기값'] },
  { standard: '고윳값', never: ['고유값'] },
  { standard: '갱신', never: ['업데이트'] },
  { standard: '스텝', never: ['걸음'] },
  { standard: '학습 데이터', never: ['훈련 데이터'] },
  { standard: '테스트 데이터', never: ['시험 데이터'] },
  { standard: '고원', never: ['평탄한 구간', '평평한 구간'] },
  { standard: '최솟값', never: ['최소점'] },
  { standard: '표본', never: ['샘플'] },
];

// ---------------------------------------------------------------------------------------------
// Where learners read text

/** A piece of learner-facing text and where it starts (1-based line; column of its first char). */
interface Segment {
  file: string;
  line: number;
  /** Raw text as written in the file (escapes not decoded, so offsets match the file). */
  text: string;
  /** Offset of text[0] in the file. */
  start: number;
  /** The file's text, to turn an offset into a line. */
  source: string;
  /** True for text right after an interpolated placeholder (a TypeScript template span's literal). */
  afterPlaceholder?: boolean;
}

function walk(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? walk(p, keep) : keep(p) ? [p] : [];
    });
}

/** The learner-facing files, by kind. */
export function learnerFiles(): { json: string[]; markdown: string[]; tsStrings: string[]; tsStringsAndComments: string[] } {
  return {
    json: [path.join(ROOT, 'l10n', 'bundle.l10n.ko.json'), path.join(ROOT, 'package.nls.json'), path.join(ROOT, 'package.nls.ko.json')],
    markdown: [path.join(ROOT, 'README.md'), ...walk(path.join(ROOT, 'media', 'walkthrough'), (f) => f.endsWith('.md'))],
    // Every string in src/ (hover glossary, diagnoses, runner and engine errors, snippets, webview
    // and CLI text). Comments in src/ are for developers; the examples' comments are lessons.
    tsStrings: walk(path.join(ROOT, 'src'), (f) => f.endsWith('.ts')),
    tsStringsAndComments: walk(path.join(ROOT, 'examples'), (f) => f.endsWith('.ts')),
  };
}

const lineAt = (source: string, offset: number) => {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
};

/** Values of a one-key-per-line JSON file (l10n bundles, package.nls*.json). */
function jsonSegments(file: string, source = readFileSync(file, 'utf8')): Segment[] {
  const out: Segment[] = [];
  const re = /^\s*"(?:[^"\\]|\\.)*"\s*:\s*"((?:[^"\\]|\\.)*)"/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const start = m.index + m[0].length - m[1].length - 1;
    out.push({ file, line: lineAt(source, start), text: m[1], start, source });
  }
  const values = Object.keys(JSON.parse(source) as object).length;
  assert.equal(out.length, values, `${rel(file)}: read ${out.length} of ${values} values (one "key": "value" per line expected)`);
  return out;
}

function markdownSegments(file: string, source = readFileSync(file, 'utf8')): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  source.split('\n').forEach((text, i) => {
    out.push({ file, line: i + 1, text, start, source });
    start += text.length + 1;
  });
  return out;
}

/** String literals (template pieces included) and, when `comments`, comments of a TypeScript file. */
function tsSegments(file: string, comments: boolean, source = readFileSync(file, 'utf8')): Segment[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: Segment[] = [];
  const add = (start: number, end: number, afterPlaceholder = false) =>
    out.push({ file, line: lineAt(source, start), text: source.slice(start, end), start, source, afterPlaceholder });
  const seenComments = new Set<number>();
  const addComments = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      if (seenComments.has(r.pos)) continue;
      seenComments.add(r.pos);
      add(r.pos, r.end);
    }
  };
  const visit = (node: ts.Node): void => {
    // A hover's recognition list: spellings learners may write, not text they read.
    if (ts.isPropertyAssignment(node) && node.name.getText(sf) === 'koVariants') return;
    if (comments) {
      addComments(ts.getLeadingCommentRanges(source, node.pos));
      addComments(ts.getTrailingCommentRanges(source, node.end));
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node.getStart(sf) + 1, node.end - 1);
    else if (ts.isTemplateExpression(node)) {
      add(node.head.getStart(sf) + 1, node.head.end - 2);
      for (const span of node.templateSpans)
        add(span.literal.getStart(sf) + 1, span.literal.end - (ts.isTemplateTail(span.literal) ? 1 : 2), true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (comments) addComments(ts.getLeadingCommentRanges(source, sf.endOfFileToken.pos));
  return out;
}

function allSegments(): Segment[] {
  const f = learnerFiles();
  return [
    ...f.json.flatMap((x) => jsonSegments(x)),
    ...f.markdown.flatMap((x) => markdownSegments(x)),
    ...f.tsStrings.flatMap((x) => tsSegments(x, false)),
    ...f.tsStringsAndComments.flatMap((x) => tsSegments(x, true)),
  ].filter((s) => /[가-힣]/.test(s.text));
}

const where = (s: Segment, index: number) => `${rel(s.file)}:${lineAt(s.source, s.start + index)}`;

// ---------------------------------------------------------------------------------------------
// The checks, each a function of one segment (also run on made-up text below)

const HANGUL = /[가-힣]/;

interface Spelling {
  spelling: string;
  standard: string;
  en: string;
}

/** Every spelling our text must not write, longest first, with its concept's standard term. */
function spellings(): Spelling[] {
  return koreanTerms()
    .flatMap((t) => neverWritten(t).map((spelling) => ({ spelling, standard: t.standard, en: t.en })))
    .sort((a, b) => b.spelling.length - a.spelling.length);
}

/** The standard terms, longest first: a variant inside one of them is not a use of the variant. */
const STANDARDS = koreanTerms()
  .map((t) => t.standard)
  .sort((a, b) => b.length - a.length);

/** The text with every standard term blanked out (same length, so offsets still hold). */
const withoutStandards = (text: string) => STANDARDS.reduce((s, std) => s.split(std).join('□'.repeat(std.length)), text);

/**
 * Non-standard spellings in one segment. A spelling counts only where a word starts (not after
 * another Hangul syllable: 걸음 but not 발걸음); anything may follow (particles, 들: 최소점들).
 * Overlapping hits keep the longest (훈련 데이터, not also 훈련).
 */
export function termHits(s: Segment, list = spellings()): string[] {
  const hits: Array<{ at: number; end: number; what: string }> = [];
  const text = withoutStandards(s.text);
  for (const { spelling, standard, en } of list) {
    for (let i = text.indexOf(spelling); i !== -1; i = text.indexOf(spelling, i + 1)) {
      if (i > 0 && HANGUL.test(text[i - 1])) continue;
      if (hits.some((h) => i < h.end && i + spelling.length > h.at)) continue;
      hits.push({ at: i, end: i + spelling.length, what: `"${spelling}" (${en}: write ${standard})` });
    }
  }
  return hits.sort((a, b) => a.at - b.at).map((h) => `${where(s, h.at)}: ${h.what}`);
}

/** Korean particles (and the copula) that must not be glued to a value only known at run time. */
const PARTICLE =
  /^(?:이\(가\)|을\(를\)|은\(는\)|과\(와\)|와\(과\)|\(으\)로|\(이\)|이|가|은|는|을|를|과|와|의|에|로|으로|도|만|부터|까지|보다|처럼|마다|나|라|랑|인|입니다|께|한테|조차|뿐|밖에|야)/;
/** Counters and nouns that may follow a number placeholder (`{0}가지`). */
const COUNTER = /^(?:가지)/;
/** Alternating particles: written only when the word before is unknown, i.e. a template smell. */
const ALTERNATION = /이\(가\)|가\(이\)|을\(를\)|를\(을\)|은\(는\)|는\(은\)|과\(와\)|와\(과\)|\(으\)로|\(이\)[라나며]/g;
/** `{0}` (l10n) and `${1:3}` (snippet) placeholders inside a plain string. */
const PLACEHOLDER = /\{\d+\}|\$\{\d+(?::[^}]*)?\}/g;

export function particleHits(s: Segment): string[] {
  const out: string[] = [];
  const check = (index: number) => {
    const rest = s.text.slice(index).replace(/^['"`’”]+/, '');
    const word = /^[가-힣()]+/.exec(rest)?.[0] ?? '';
    if (word && PARTICLE.test(word) && !COUNTER.test(word))
      out.push(`${where(s, index)}: particle glued to a placeholder: "…}${rest.slice(0, word.length + 8)}"`);
  };
  if (s.afterPlaceholder) check(0);
  for (const m of s.text.matchAll(PLACEHOLDER)) check(m.index + m[0].length);
  for (const m of s.text.matchAll(ALTERNATION)) {
    // Already reported as glued to a placeholder.
    const before = s.text.slice(0, m.index);
    if (s.afterPlaceholder && /^['"`’”]*$/.test(before)) continue;
    if (/(\{\d+\}|\$\{\d+(?::[^}]*)?\})['"`’”]*$/.test(before)) continue;
    out.push(`${where(s, m.index)}: alternating particle "${m[0]}" (rephrase so that no particle depends on a value)`);
  }
  return out;
}

/** "..": a sentence ending twice (an ellipsis "…" or "..." and paths "../x" are fine). */
export function doublePeriodHits(s: Segment): string[] {
  return [...s.text.matchAll(/(?<=[\w가-힣)'"`])\.\.(?![./\w])/g)].map(
    (m) => `${where(s, m.index)}: double period "${s.text.slice(Math.max(0, m.index - 20), m.index + 2)}"`,
  );
}

/**
 * 해요체 endings (…죠, …해요, …예요, …거예요, …느려요): a word ending in 요. The style is 합니다체
 * with the polite imperative …(으)세요 (해 보세요); nouns that end in 요 (필요, 중요) are fine.
 */
const HAEYO = /(?:죠|(?<![세필중주수개강소동])요)(?=[^가-힣]|$)/g;
export function styleHits(s: Segment): string[] {
  return [...s.text.matchAll(HAEYO)].map(
    (m) => `${where(s, m.index)}: 해요체 ending "…${s.text.slice(Math.max(0, m.index - 10), m.index + m[0].length)}" in 합니다체 text`,
  );
}

/**
 * Translationese the team has removed: "plain" is not 평범한 (ordinary, mediocre), "cheap" is not
 * 값싼 (low-priced), and a loss function is minimised, not learnt (손실 함수를 학습).
 */
const TRANSLATIONESE = ['평범한', '값싼', '손실 함수를 학습'];
export function translationeseHits(s: Segment): string[] {
  return TRANSLATIONESE.flatMap((w) => [...s.text.matchAll(new RegExp(w, 'g'))].map((m) => `${where(s, m.index)}: translationese "${w}"`));
}

/** Passes when there are no hits; otherwise fails listing them, one file:line a line. */
function noHits(hits: string[]): void {
  if (hits.length) assert.fail(`${hits.length} found:\n  ${hits.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------

describe('one term per concept (docs/korean-terms.md) in every learner-facing text', () => {
  const segments = allSegments();

  it('docs/korean-terms.md keeps the team’s decisions', () => {
    const terms = koreanTerms();
    assert.ok(terms.length >= 55, `parsed ${terms.length} rows`);
    const standards = new Set(terms.map((t) => t.standard));
    assert.equal(standards.size, terms.length, 'one row per concept');
    for (const { standard, never } of DECIDED) {
      const row = terms.find((t) => t.standard === standard);
      assert.ok(row, `a row whose 표준 용어 is ${standard}`);
      for (const n of never) assert.ok(neverWritten(row).includes(n), `${standard}: ${n} listed as 허용 변형 or 쓰지 않음`);
    }
    assert.ok(
      terms.some((t) => t.standard === '검증 데이터'),
      'validation data is its own concept',
    );
    // No spelling is both a concept's standard and another's non-standard form.
    for (const t of terms)
      for (const n of neverWritten(t)) assert.ok(!standards.has(n), `${n} is a standard term and a variant of ${t.en}`);
  });

  it('reads every kind of learner-facing text', () => {
    const files = new Set(segments.map((s) => rel(s.file)));
    for (const f of [
      'l10n/bundle.l10n.ko.json',
      'package.nls.ko.json',
      'README.md',
      'media/walkthrough/01-why-iterate.md',
      'src/hover/glossary/basics.ts',
      'src/teaching/diagnosis.ts',
      'src/runner/learnerErrors.ts',
      'src/runner/syntaxMessages.ts',
      'src/snippets/lossTemplates.ts',
      'examples/plateau.ts',
    ])
      assert.ok(files.has(f), `${f} scanned`);
    assert.ok(segments.length > 500, `only ${segments.length} Korean segments: the scan is broken`);
  });

  it('writes only the standard term: no 허용 변형 or 쓰지 않음 spelling', () => {
    const list = spellings();
    noHits(segments.flatMap((s) => termHits(s, list)));
  });

  it("glues no particle to an interpolated value ({0}과, ${lr}이(가), '${name}'은(는))", () => {
    noHits(segments.flatMap(particleHits));
  });

  it('ends no sentence with a double period', () => {
    const all = [...segments, ...learnerFiles().tsStrings.flatMap((f) => tsSegments(f, false))];
    noHits([...new Set(all.flatMap(doublePeriodHits))]);
  });

  it('speaks 합니다체 throughout: no 해요체 ending', () => {
    noHits(segments.flatMap(styleHits));
  });

  it('writes no translationese (평범한 TypeScript, 값싼 기울기, 손실 함수를 학습)', () => {
    noHits(segments.flatMap(translationeseHits));
  });
});

describe('the scan itself (made-up text: a returning variant must fail the test)', () => {
  const fake = (text: string, afterPlaceholder = false): Segment => ({
    file: path.join(ROOT, 'fake.ts'),
    line: 1,
    text,
    start: 0,
    source: text,
    afterPlaceholder,
  });

  it('finds each decided-against spelling in JSON, Markdown, TypeScript strings and example comments', () => {
    for (const { never } of DECIDED) {
      for (const n of never) {
        const json = `{\n  "a": "x",\n  "b": "여기에 ${n}이 있습니다"\n}\n`;
        const md = `# 제목\n\n본문에 ${n}을 씁니다.\n`;
        const code = `const a = 1;\nconst s = \`값 \${a}: ${n}입니다\`;\n// 주석의 ${n}\nexport const t = '${n}';\n`;
        assert.deepEqual(
          jsonSegments('x.json', json)
            .flatMap((s) => termHits(s))
            .map((h) => h.split(':')[1]),
          ['3'],
          `${n} in JSON`,
        );
        assert.deepEqual(
          markdownSegments('x.md', md)
            .flatMap((s) => termHits(s))
            .map((h) => h.split(':')[1]),
          ['3'],
          `${n} in Markdown`,
        );
        assert.deepEqual(
          tsSegments('x.ts', false, code)
            .flatMap((s) => termHits(s))
            .map((h) => h.split(':')[1]),
          ['2', '4'],
          `${n} in strings`,
        );
        assert.deepEqual(
          tsSegments('x.ts', true, code)
            .flatMap((s) => termHits(s))
            .map((h) => h.split(':')[1]),
          ['2', '3', '4'],
          `${n} in strings and comments`,
        );
      }
    }
  });

  it('matches Korean text at word starts only, and not the hover’s koVariants', () => {
    assert.equal(termHits(fake('발걸음이 가볍습니다')).length, 0, '발걸음 is not 걸음');
    assert.equal(termHits(fake('한 걸음마다 최솟값을 지나칩니다')).length, 1);
    assert.equal(termHits(fake('최소점들 사이')).length, 1, '최소점들 is 최소점');
    assert.equal(termHits(fake('훈련 데이터')).length, 1, 'one hit, the longest spelling');
    assert.equal(termHits(fake('하이퍼파라미터와 매개변수')).length, 0, '파라미터 inside the standard 하이퍼파라미터');
    assert.equal(termHits(fake('파라미터')).length, 1);
    const code = "const updateStep = 1; // 업데이트\nexport const E = { ko: '갱신', koVariants: ['업데이트', '걸음'] };\n";
    assert.deepEqual(
      tsSegments('x.ts', false, code).flatMap((s) => termHits(s)),
      [],
      'identifiers, developer comments and koVariants are not learner text',
    );
  });

  it('finds particles glued to placeholders, and lets counters and nouns follow', () => {
    const code =
      "const a = 1, n = 'x';\nconst s = [`학습률 ${a}이(가) 큽니다`, `'${n}'은(는) 이름`, `${a}에서 발산`, `${a}개`, `${a} 스텝`, `η = ${a} — 발산`];\n";
    assert.deepEqual(
      tsSegments('x.ts', false, code)
        .flatMap(particleHits)
        .map((h) => h.split(':')[1]),
      ['2', '2', '2'],
    );
    assert.equal(particleHits(fake('η = {0}과 η = {1} 사이')).length, 1);
    assert.equal(particleHits(fake('{0}의 역전파 그래프')).length, 1);
    assert.equal(particleHits(fake('매개변수 {0}개, {1}가지, {2}번 층, 스텝 {3}')).length, 0);
    assert.equal(particleHits(fake('학습률 1.05이(가) 너무 큽니다')).length, 1, 'an alternating particle anywhere');
  });

  it('finds a double period but not an ellipsis or a path', () => {
    assert.equal(doublePeriodHits(fake('문법 오류: Octal digit expected..')).length, 1);
    assert.equal(doublePeriodHits(fake('배열 [...] 과 경로 ../helpers, 그리고 끝…')).length, 0);
    assert.equal(doublePeriodHits(fake('..')).length, 0);
  });

  it('finds a 해요체 ending', () => {
    assert.equal(styleHits(fake('모두 넣어 보는 것이죠. 그래서 느려요.')).length, 2);
    assert.equal(styleHits(fake('바꿔 보세요. 느립니다. 설정이 필요, 중요.')).length, 0);
    assert.equal(styleHits(fake('이건 예요. 그래요? 돼요!')).length, 3);
  });
});

describe('syntax errors: a Korean sentence of their own', () => {
  /** Broken loss files a learner writes, one per common TypeScript parse error. */
  const BROKEN = [
    'export function loss(w: number) {\n  return (w - 3;\n}',
    'export function loss(w: number) {\n  return w *;\n}',
    'export function loss(w: number) {\n  return "abc;\n}',
    'export function loss(w: number) {\n  return w ** 2\n',
    'export function loss(w: number) {\n  const a = 08;\n  return a;\n}',
    'export function loss(w: number) {\n  return `${w};\n}',
    'export function loss(w: number) {\n  return 3w;\n}',
    'export function loss(w: number) {\n  /* 주석\n  return w;\n}',
    'export function loss(w: number) {\n  return w #;\n}',
    'export function loss(w: number) {\n  return [w, ];\n}\nexport const init = [1,,];\nconst = 3;',
    'export function loss(w: number) {\n  let x = { a: 1, 2 };\n  return w;\n}',
    'export function loss(w: number) {\n  if (w > 0 {\n    return w;\n  }\n  return -w;\n}',
    'export function loss(w: number {\n  return w;\n}',
    'export function loss(w: number) {\n  return -w ** 2;\n}',
    'export function loss(w: number) {\n  return 0x;\n}',
    'export function loss(w: number) {\n  return 1e;\n}',
    'export function loss(w: number) {\n  return w /* */ /;\n}',
    'export function loss(w: number) {\n  for (let i = 0; i < 3; i++ {\n  }\n  return w;\n}',
    'export function loss(w: number) {\n  return w;\n}}',
    'export function loss(w: number) {\n  return w\uff1b\n}',
  ];

  it('maps each to a Korean sentence: no English in the Korean message, one period at the end', () => {
    const seen = new Set<number>();
    for (const source of BROKEN) {
      const out = ts.transpileModule(source, {
        fileName: 'loss.ts',
        reportDiagnostics: true,
        compilerOptions: { module: ts.ModuleKind.ESNext },
      });
      const d = out.diagnostics?.find((x) => x.category === ts.DiagnosticCategory.Error);
      assert.ok(d, `a syntax error in\n${source}`);
      seen.add(d.code);
      const { ko, en } = syntaxMessage(d);
      const error = learnerErrors.syntax(ko, en, {});
      assert.match(error.ko, /^문법 오류: [^]*[가-힣][^]*\.$/, error.ko);
      // The Korean message quotes code ('}', `0x`) but has no English sentence in it.
      assert.doesNotMatch(error.ko.replace(/'[^']*'|`[^`]*`|\([^)]*\)/g, ''), /[A-Za-z]{3,} [A-Za-z]{3,}/, `English left in: ${error.ko}`);
      assert.doesNotMatch(error.ko, /\.\.$|\.\. /, error.ko);
      assert.doesNotMatch(error.en, /\.\.$|\.\. /, error.en);
      assert.ok(error.en.includes(en.replace(/\.$/, '')), `the English message keeps the parser's words: ${error.en}`);
    }
    assert.ok(seen.size >= 10, `only ${seen.size} distinct diagnostics: ${[...seen].join(', ')}`);
  });

  it('an unknown diagnostic gets a Korean sentence, and its English text only in the English message', () => {
    const d = {
      code: 99999,
      messageText: 'Something unusual happened.',
      category: ts.DiagnosticCategory.Error,
      file: undefined,
      start: 0,
      length: 1,
    } as ts.Diagnostic;
    const { ko, en } = syntaxMessage(d);
    const error = learnerErrors.syntax(ko, en, {});
    assert.doesNotMatch(error.ko, /Something/);
    assert.match(error.ko, /[가-힣]/);
    assert.match(error.en, /Something unusual happened\. /);
    assert.doesNotMatch(error.en, /\.\./);
  });
});
