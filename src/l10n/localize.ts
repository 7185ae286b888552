/**
 * Learner-facing text: Korean first, English through l10n.
 *
 * Source strings in code are English (what VS Code's l10n tooling extracts); `l10n/bundle.l10n.ko.json`
 * maps them to Korean. VS Code's own `vscode.l10n.t` follows only the editor's display language,
 * and many Korean learners run VS Code in English, so the `gdTutor.language` setting decides:
 * "ko" (default), "en", or "auto" (follow the display language). This module has no `vscode`
 * import so the CLI and tests use the same catalog.
 */
import ko from '../../l10n/bundle.l10n.ko.json';

export type Language = 'ko' | 'en';

export function isLanguage(v: unknown): v is Language {
  return v === 'ko' || v === 'en';
}

const korean: Record<string, string> = ko;
let current: Language = 'ko';

export function setLanguage(lang: Language): void {
  current = lang;
}

export function language(): Language {
  return current;
}

/** Translates an English source string and fills `{0}`, `{1}` … placeholders. */
export function t(english: string, ...args: Array<string | number>): string {
  const template = current === 'ko' ? (korean[english] ?? english) : english;
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

/** Every English source string that has a Korean translation (for tests). */
export function catalog(): Readonly<Record<string, string>> {
  return korean;
}

/** Picks the language of a `{ ko, en }` pair, e.g. an engine error's messages. */
export function pick(pair: { ko: string; en: string }): string {
  return current === 'ko' ? pair.ko : pair.en;
}
