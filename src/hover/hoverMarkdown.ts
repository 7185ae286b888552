/**
 * A glossary entry as hover Markdown. Korean mode: Korean term, English term, the Korean text.
 * English mode: the English term and English text only — no Hangul anywhere, links included.
 */
import { entryText, type GlossaryEntry, type GlossaryLanguage } from './glossaryTypes';
import { GLOSSARY, entryById } from './glossary';
import { language, t } from '../l10n/localize';

/** The only commands hover links may run (MarkdownString.isTrusted.enabledCommands). */
export const HOVER_COMMANDS = ['gdTutor.openExample', 'gdTutor.showGlossary'];

export function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

const escape = (s: string) => s.replace(/([\\`*_{}[\]<>|])/g, '\\$1');

const LABELS = {
  ko: { example: '예', related: '관련', demo: '데모 열기' },
  en: { example: 'e.g.', related: 'Related', demo: 'Open a demo' },
} as const;

export function hoverMarkdown(e: GlossaryEntry, lang: GlossaryLanguage = 'ko'): string {
  const text = entryText(e, lang);
  const label = LABELS[lang];
  const head = text.gloss ? `**${escape(text.term)}** · ${escape(text.gloss)}` : `**${escape(text.term)}**`;
  const lines = [head, '', text.explanation];
  if (text.formula) lines.push('', `\`${text.formula}\``);
  if (text.detail) lines.push('', text.detail);
  if (text.example) lines.push('', `${label.example}: \`${text.example}\``);
  const related = (e.related ?? []).map(entryById).filter((r): r is GlossaryEntry => r !== undefined);
  if (related.length)
    lines.push(
      '',
      `${label.related}: ${related.map((r) => `[${escape(lang === 'ko' ? r.ko : r.en)}](${commandLink('gdTutor.showGlossary', [r.id])})`).join(' · ')}`,
    );
  if (e.demo) lines.push('', `[▶ ${label.demo}: ${e.demo}](${commandLink('gdTutor.openExample', [e.demo])})`);
  return lines.join('\n');
}

/** One row of the glossary quick pick (gdTutor.showGlossary). */
export interface GlossaryPickItem {
  label: string;
  description: string;
  detail: string;
  entry: GlossaryEntry;
}

/**
 * The glossary quick pick's title, placeholder and rows, in the tutor's language (gdTutor.language).
 * Korean: the Korean term with its English name. English: English only (no Hangul), with the code
 * spellings to search by; it cannot be searched in Korean, so its placeholder does not offer that.
 */
export function glossaryPick(): { title: string; placeHolder: string; items: GlossaryPickItem[] } {
  const lang = language();
  const items = GLOSSARY.map((e) => {
    const text = entryText(e, lang);
    const description = lang === 'ko' ? e.en : [...e.identifiers, ...(e.abbreviations ?? [])].slice(0, 4).join(', ');
    return { label: text.term, description, detail: text.explanation, entry: e };
  });
  const placeHolder = lang === 'ko' ? t('Search a term in Korean or English') : 'Search a term by name, code spelling or explanation';
  return { title: t('Glossary'), placeHolder, items };
}
