/** One concept of the glossary: what a hover shows, and the spellings that call it up. */
export interface GlossaryEntry {
  id: string;
  /** The one standard Korean term (docs/korean-terms.md, "표준 용어"). */
  ko: string;
  /** The English term: the head of the entry when gdTutor.language is "en". */
  en: string;
  /**
   * Other Korean spellings a hover recognises (spacing variants, older or non-standard forms,
   * closely related words). Our own text never writes the non-standard ones.
   */
  koVariants?: string[];
  /** Code spellings, matched case- and separator-insensitively (learningRate = learning_rate). */
  identifiers: string[];
  /** Short spellings matched only in code (lr, eta, dw), never in prose. */
  abbreviations?: string[];
  /** English multi-word phrases for comments, strings and Markdown ("local minimum"). */
  phrases?: string[];
  /** 2–5 Korean sentences at a learner's level, in 합니다체, with standard terms only. */
  explanation: string;
  /** The same explanation in English (no Hangul): what English mode shows. */
  explanationEn: string;
  /** Mathematics. Language-neutral unless `formulaEn` is given. */
  formula?: string;
  /** The formula for English mode, when `formula` has Korean words in it. */
  formulaEn?: string;
  /** A worked example or a longer aside, shown in the hover under the formula (Markdown). */
  detail?: { ko: string; en: string };
  /** A short example. Language-neutral unless `exampleEn` is given. */
  example?: string;
  /** The example for English mode, when `example` has Korean words in it. */
  exampleEn?: string;
  related?: string[];
  /** An example file that shows the idea (opened and trained by gdTutor.openExample). */
  demo?: string;
  /** Rows of docs/concepts.md this entry covers. */
  concepts?: number[];
}

export type GlossaryLanguage = 'ko' | 'en';

/** An entry's text in one language: what hovers, the glossary picker and table notes show. */
export interface EntryText {
  /** The head term in that language. */
  term: string;
  /** The other language's term, shown beside the head in Korean mode only (English mode shows no Hangul). */
  gloss?: string;
  explanation: string;
  formula?: string;
  detail?: string;
  example?: string;
}

export function entryText(e: GlossaryEntry, lang: GlossaryLanguage): EntryText {
  if (lang === 'ko')
    return { term: e.ko, gloss: e.en, explanation: e.explanation, formula: e.formula, detail: e.detail?.ko, example: e.example };
  return {
    term: e.en,
    explanation: e.explanationEn,
    formula: e.formulaEn ?? e.formula,
    detail: e.detail?.en,
    example: e.exampleEn ?? e.example,
  };
}
