/**
 * The two tables in docs/ that tests check the product against: the concepts the tutor teaches
 * (docs/concepts.md, with its H/R/L marks) and the Korean terms (docs/korean-terms.md). Both
 * live in the repository so that a fresh clone alone passes its own tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const docs = path.resolve(__dirname, '../../docs');

/** Numbers of the concepts whose marks include `mark` (H hover, R run, L lesson). */
export function conceptsMarked(mark: 'H' | 'R' | 'L'): number[] {
  return readFileSync(path.join(docs, 'concepts.md'), 'utf8')
    .split('\n')
    .map((l) => l.match(/^\|\s*(\d+)\s*\|.*\|\s*([HRL ]+?)\s*(—.*)?\|\s*$/))
    .filter((m): m is RegExpMatchArray => m !== null && new RegExp(`\\b${mark}\\b`).test(m[2]))
    .map((m) => Number(m[1]));
}

export interface KoreanTerm {
  en: string;
  /** The one spelling our text uses. */
  standard: string;
  /** Spellings learners meet elsewhere: a hover recognises them, our text does not write them. */
  variants: string[];
  /** Wrong or decided-against forms: never in learner-facing text. */
  avoid: string[];
}

/** Every spelling of the concept that learner-facing text must not contain (허용 변형 and 쓰지 않음). */
export function neverWritten(t: KoreanTerm): string[] {
  return [...t.variants, ...t.avoid];
}

/** The rows of docs/korean-terms.md's term table. */
export function koreanTerms(): KoreanTerm[] {
  const cells = (s: string) =>
    s.trim() === '—'
      ? []
      : s
          .split(';')
          .map((x) => x.trim())
          .filter(Boolean);
  const rows: KoreanTerm[] = [];
  for (const line of readFileSync(path.join(docs, 'korean-terms.md'), 'utf8').split('\n')) {
    const m = line.match(/^\|([^|]+)\|([^|]+)\|([^|]+)\|([^|]+)\|\s*$/);
    if (!m || /^\s*(English|-+)\s*$/.test(m[1])) continue;
    rows.push({ en: m[1].trim(), standard: m[2].trim(), variants: cells(m[3]), avoid: cells(m[4]) });
  }
  return rows;
}
