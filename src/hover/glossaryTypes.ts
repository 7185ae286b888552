/** One concept of the glossary: what a hover shows, and the spellings that call it up. */
export interface GlossaryEntry {
  id: string;
  /** The one standard Korean term (docs/korean-terms.md, "표준 용어"). */
  ko: string;
  en: string;
  /** Other accepted Korean spellings (spacing variants, synonyms). */
  koVariants?: string[];
  /** Code spellings, matched case- and separator-insensitively (learningRate = learning_rate). */
  identifiers: string[];
  /** Short spellings matched only in code (lr, eta, dw), never in prose. */
  abbreviations?: string[];
  /** English multi-word phrases for comments, strings and Markdown ("local minimum"). */
  phrases?: string[];
  /** 2–5 Korean sentences at a learner's level. */
  explanation: string;
  formula?: string;
  example?: string;
  related?: string[];
  /** An example file that shows the idea (opened and trained by gdTutor.openExample). */
  demo?: string;
  /** Rows of docs/concepts.md this entry covers. */
  concepts?: number[];
}
