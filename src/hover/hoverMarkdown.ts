/** A glossary entry as hover Markdown: Korean term first, English, explanation, formula, demo link. */
import type { GlossaryEntry } from './glossaryTypes';
import { entryById } from './glossary';

/** The only commands hover links may run (MarkdownString.isTrusted.enabledCommands). */
export const HOVER_COMMANDS = ['gdTutor.openExample', 'gdTutor.showGlossary'];

export function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

const escape = (s: string) => s.replace(/([\\`*_{}[\]<>|])/g, '\\$1');

export function hoverMarkdown(e: GlossaryEntry, lang: 'ko' | 'en' = 'ko'): string {
  const lines = [`**${escape(e.ko)}** · ${escape(e.en)}`, '', e.explanation];
  if (e.formula) lines.push('', `\`${e.formula}\``);
  if (e.example) lines.push('', `${lang === 'ko' ? '예' : 'e.g.'}: \`${e.example}\``);
  const related = (e.related ?? []).map(entryById).filter((r): r is GlossaryEntry => r !== undefined);
  if (related.length) lines.push('', `${lang === 'ko' ? '관련' : 'Related'}: ${related.map((r) => `[${escape(r.ko)}](${commandLink('gdTutor.showGlossary', [r.id])})`).join(' · ')}`);
  if (e.demo) lines.push('', `[▶ ${lang === 'ko' ? '데모 열기' : 'Open a demo'}: ${e.demo}](${commandLink('gdTutor.openExample', [e.demo])})`);
  return lines.join('\n');
}
