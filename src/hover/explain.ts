/** `explain(term)` of the extension API and the glossary quick pick's lookup. */
import { GLOSSARY } from './glossary';
import { termAt } from './termMatcher';
import { hoverMarkdown } from './hoverMarkdown';
import { language } from '../l10n/localize';
import type { GlossaryEntry } from './glossaryTypes';

/** Finds an entry by id, Korean or English term, or any spelling the hover recognises. */
export function findEntry(term: string): GlossaryEntry | undefined {
  const t = term.trim();
  const byId = GLOSSARY.find((e) => e.id === t || e.ko === t || e.en.toLowerCase() === t.toLowerCase());
  if (byId) return byId;
  const m = termAt(t, 0, 'code') ?? termAt(t, 0, 'prose');
  return m && m.start === 0 ? m.entry : undefined;
}

/** `markdown` is in the tutor's language (gdTutor.language): Korean, or English with no Hangul. */
export function explain(term: string): { ko: string; en: string; markdown: string } | undefined {
  const e = findEntry(term);
  return e && { ko: e.ko, en: e.en, markdown: hoverMarkdown(e, language()) };
}
