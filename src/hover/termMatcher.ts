/**
 * Which glossary term, if any, is under a position in a line of code, a comment or Markdown.
 * Pure (no `vscode`) and local: it looks only at the line around the position, so a hover costs
 * the same on a 5-line file and a 5,000-line one.
 *
 * The rules (each guarded by a test in test/unit/hover/termMatcher.test.ts):
 *   R1 identifiers   case is ignored: LEARNING_RATE = learningRate;
 *   R2               separators are ignored: learning_rate = learningRate, bce_with_logits_loss = BCEWithLogitsLoss;
 *   R3               inside a longer identifier, the camelCase/snake_case word under the cursor
 *                    matches (computeGradient → gradient) …
 *   R4               … only when it is a full spelling of four letters or more (totalMse is not mse);
 *   R5               … and the part under the cursor must be the matched part (computeGradient at
 *                    "compute" is nothing);
 *   R6               … trying three- and two-word spans before single words (defaultWeightDecay at
 *                    "Weight" is weight decay, not weight);
 *   R7 abbreviations lr, eta, grad, dw … only in code, never in prose ("lr" in a sentence is not);
 *   R8 phrases       "local minimum", "learning rate" only in prose (comments, strings, Markdown) and
 *                    on a code line with a quote or comment mark (the tail of a string or comment
 *                    opened on an earlier line), never in plain code;
 *   R9               whole words only, a plural "s" allowed: "saddle points" yes, "nonlocal minimum" no;
 *   R10              longest first: "binary cross-entropy" before "cross-entropy";
 *   R11 Korean       경사 하강법 / 경사하강법 (spaces ignored), with particles attached (기울기가,
 *                    학습률을, 안장점에서) but nothing else (반복문 is not 반복);
 *   R12              longest first: 기울기 초기화 before 기울기;
 *   R13              the match must cover the cursor (at 노트 in "경사 하강법 노트": nothing);
 *   R14 mixed        Korean terms with digits, Latin letters or marks (1차 방법, 준-뉴턴 방법,
 *                    Levenberg–Marquardt 방법) match as whole phrases, spaces ignored, particles allowed;
 *   R15 context      contextAt: after //, /* or a leading * (# in Python), and inside a quote, is prose;
 *                    Markdown is prose;
 *   R16 cancel       `stop()` is polled after each of the four steps (mixed Korean, Korean, phrases,
 *                    identifiers): once it says so, the hover returns nothing.
 * Words that merely contain a term (grade, upgrade, gradle, lossless) never match: matching is
 * on whole words or whole camelCase parts, not substrings.
 */
import { GLOSSARY } from './glossary';
import type { GlossaryEntry } from './glossaryTypes';

export type Context = 'code' | 'prose';

export interface TermMatch {
  entry: GlossaryEntry;
  /** Character range of the matched text in the line. */
  start: number;
  end: number;
}

const norm = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');

interface Index {
  identifiers: Map<string, GlossaryEntry>;
  abbreviations: Map<string, GlossaryEntry>;
  phrases: Array<{ text: string; entry: GlossaryEntry }>;
  korean: Array<{ text: string; entry: GlossaryEntry }>;
  /** Korean terms with non-Hangul characters (1차 방법, Levenberg–Marquardt 방법), spaces removed, lower case. */
  mixed: Array<{ text: string; entry: GlossaryEntry }>;
}

function buildIndex(glossary: readonly GlossaryEntry[]): Index {
  const index: Index = { identifiers: new Map(), abbreviations: new Map(), phrases: [], korean: [], mixed: [] };
  for (const e of glossary) {
    for (const id of e.identifiers) index.identifiers.set(norm(id), e);
    for (const a of e.abbreviations ?? []) index.abbreviations.set(a.toLowerCase(), e);
    for (const p of e.phrases ?? []) index.phrases.push({ text: p.toLowerCase(), entry: e });
    for (const k of [e.ko, ...(e.koVariants ?? [])]) {
      if (!/[가-힣]/.test(k)) continue;
      const compact = k.replace(/\s+/g, '');
      if (/^[가-힣]+$/.test(compact)) index.korean.push({ text: compact, entry: e });
      else index.mixed.push({ text: compact.toLowerCase(), entry: e });
    }
  }
  // Longest first: "이진 교차 엔트로피" before "교차 엔트로피", "local minima" before "minima".
  index.phrases.sort((a, b) => b.text.length - a.text.length);
  index.korean.sort((a, b) => b.text.length - a.text.length);
  index.mixed.sort((a, b) => b.text.length - a.text.length);
  return index;
}

const INDEX = buildIndex(GLOSSARY);

/** Korean particles and endings that may follow a term: 기울기가, 학습률을, 안장점에서, 수렴한다 … */
const PARTICLES =
  /^(이|가|은|는|을|를|의|에|에서|에게|으로|로|와|과|도|만|이다|입니다|이며|이고|하는|한다|했다|하면|해서|하고|처럼|보다|까지|부터|마다|이라|라고|이라는|라는|들|들이|들을|들의)*$/;

/** The identifier token ([A-Za-z0-9_$]) around `offset`, if any. */
function tokenAt(line: string, offset: number): { text: string; start: number; end: number } | undefined {
  const isId = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_$]/.test(c);
  if (!isId(line[offset]) && !isId(line[offset - 1])) return undefined;
  let start = offset;
  let end = offset;
  while (start > 0 && isId(line[start - 1])) start--;
  while (end < line.length && isId(line[end])) end++;
  return start < end ? { text: line.slice(start, end), start, end } : undefined;
}

/** camelCase / PascalCase / snake_case parts with their offsets in the token. */
function parts(token: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const re = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;
  for (let m = re.exec(token); m; m = re.exec(token)) out.push({ text: m[0], start: m.index });
  return out;
}

function matchIdentifier(line: string, offset: number, context: Context, stop: () => boolean): TermMatch | undefined {
  const tok = tokenAt(line, offset);
  if (!tok || stop()) return undefined;
  const whole = INDEX.identifiers.get(norm(tok.text));
  if (whole) return { entry: whole, start: tok.start, end: tok.end };
  if (context === 'code') {
    const abbr = INDEX.abbreviations.get(tok.text.toLowerCase());
    if (abbr) return { entry: abbr, start: tok.start, end: tok.end };
  }
  // A word inside a longer identifier: computeGradient, local_minimum_found.
  const segs = parts(tok.text);
  if (segs.length < 2) return undefined;
  const at = offset - tok.start;
  for (let i = 0; i < segs.length; i++) {
    // Two-word spellings (learningRate inside initialLearningRate) before single words.
    for (const span of [3, 2, 1]) {
      const group = segs.slice(i, i + span);
      if (group.length < span) continue;
      const start = group[0].start;
      const last = group[group.length - 1];
      const end = last.start + last.text.length;
      if (at < start || at > end) continue;
      const text = group.map((g) => g.text).join('');
      const e = INDEX.identifiers.get(norm(text));
      if (e && text.length >= 4) return { entry: e, start: tok.start + start, end: tok.start + end };
    }
  }
  return undefined;
}

function matchPhrase(line: string, offset: number): TermMatch | undefined {
  const lower = line.toLowerCase();
  for (const { text, entry } of INDEX.phrases) {
    for (let i = lower.indexOf(text); i >= 0; i = lower.indexOf(text, i + 1)) {
      const end = i + text.length;
      const before = lower[i - 1];
      const after = lower[end];
      // Whole words only, allowing a plural "s" ("saddle points").
      const okBefore = before === undefined || !/[a-z0-9]/.test(before);
      const okAfter = after === undefined || !/[a-z0-9]/.test(after) || (after === 's' && !/[a-z0-9]/.test(lower[end + 1] ?? ''));
      if (okBefore && okAfter && offset >= i && offset <= end) return { entry, start: i, end };
    }
  }
  return undefined;
}

function matchKorean(line: string, offset: number): TermMatch | undefined {
  const isHangul = (c: string | undefined) => c !== undefined && /[가-힣]/.test(c);
  if (!isHangul(line[offset]) && !isHangul(line[offset - 1])) return undefined;
  // Up to three Hangul words around the position, spaces removed: "경사 하강법을" → "경사하강법을".
  let start = offset;
  while (start > 0 && (isHangul(line[start - 1]) || (line[start - 1] === ' ' && isHangul(line[start - 2])))) start--;
  let end = offset;
  while (end < line.length && (isHangul(line[end]) || (line[end] === ' ' && isHangul(line[end + 1])))) end++;
  const span = line.slice(start, end);
  // Candidate word starts: the start of each word in the span.
  const words: number[] = [0];
  for (let i = 0; i < span.length; i++) if (span[i] === ' ') words.push(i + 1);
  for (const w of words) {
    if (start + w > offset) break;
    const rest = span.slice(w);
    const compact = rest.replace(/ /g, '');
    for (const { text, entry } of INDEX.korean) {
      if (!compact.startsWith(text)) continue;
      // Map the compact match back to the span, then check the tail is only particles.
      let consumed = 0;
      let j = 0;
      while (consumed < text.length && j < rest.length) {
        if (rest[j] !== ' ') consumed++;
        j++;
      }
      const wordEnd = rest.indexOf(' ', j) < 0 ? rest.length : rest.indexOf(' ', j);
      const tail = rest.slice(j, wordEnd);
      if (!PARTICLES.test(tail)) continue;
      const s = start + w;
      const e = start + w + j;
      if (offset >= s && offset <= e + tail.length) return { entry, start: s, end: e };
    }
  }
  return undefined;
}

/** R14: a Korean term with digits, Latin letters or marks, as a whole phrase (spaces in the line ignored). */
function matchMixed(line: string, offset: number): TermMatch | undefined {
  const lower = line.toLowerCase();
  const isWordChar = (c: string | undefined) => c !== undefined && /[가-힣A-Za-z0-9]/.test(c);
  for (const { text, entry } of INDEX.mixed) {
    for (let i = lower.indexOf(text[0]); i >= 0; i = lower.indexOf(text[0], i + 1)) {
      if (i > offset) break;
      if (isWordChar(line[i - 1]) && isWordChar(text[0])) continue;
      // Walk the term through the line, skipping spaces in the line.
      let j = i;
      let k = 0;
      while (k < text.length && j < lower.length) {
        if (lower[j] === text[k]) {
          j++;
          k++;
        } else if (lower[j] === ' ' && j > i) j++;
        else break;
      }
      if (k < text.length) continue;
      let tailEnd = j;
      while (tailEnd < line.length && /[가-힣]/.test(line[tailEnd])) tailEnd++;
      const tail = line.slice(j, tailEnd);
      if (!PARTICLES.test(tail) || (tail === '' && isWordChar(line[j]) && isWordChar(text[text.length - 1]))) continue;
      if (offset >= i && offset <= tailEnd) return { entry, start: i, end: j };
    }
  }
  return undefined;
}

/**
 * The glossary term at `offset` of `line`, or undefined. `context` is "code" for code outside
 * comments and strings, "prose" for comments, strings, Markdown text; `stop` is checked between
 * steps so a cancelled hover returns at once.
 */
export function termAt(line: string, offset: number, context: Context, stop: () => boolean = () => false): TermMatch | undefined {
  if (offset < 0 || offset > line.length) return undefined;
  const mixed = matchMixed(line, offset);
  if (mixed || stop()) return mixed;
  const korean = matchKorean(line, offset);
  if (korean || stop()) return korean;
  const phrase = context === 'prose' || /\/\/|#|\/\*|\*|["'`]/.test(line) ? matchPhrase(line, offset) : undefined;
  if (phrase || stop()) return phrase;
  return matchIdentifier(line, offset, context, stop);
}

/** Whether `offset` is inside a comment or string of a code line (a cheap, line-local guess). */
export function contextAt(line: string, offset: number, languageId: string): Context {
  if (languageId === 'markdown' || languageId === 'plaintext') return 'prose';
  // `*` only as the first mark on a line (a block comment's continuation), never `a * lr`.
  const commentMarks = languageId === 'python' ? ['#'] : ['//', '/*', '*'];
  let inString: string | undefined;
  for (let i = 0; i < offset && i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === inString) inString = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      inString = c;
      continue;
    }
    if (commentMarks.some((m) => line.startsWith(m, i) && (m !== '*' || line.slice(0, i).trim() === ''))) return 'prose';
  }
  return inString ? 'prose' : 'code';
}
