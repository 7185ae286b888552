/**
 * `gdTutor.showGlossary`: a searchable quick pick of every term. Korean mode lists the Korean
 * term with its English name; English mode lists English only (no Hangul), with the code
 * spellings to search by.
 */
import * as vscode from 'vscode';
import { entryById } from '../hover/glossary';
import { glossaryPick, hoverMarkdown } from '../hover/hoverMarkdown';
import type { GlossaryEntry } from '../hover/glossaryTypes';
import { language } from '../l10n/localize';

async function showEntry(e: GlossaryEntry): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: `${hoverMarkdown(e, language())}\n` });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri).then(undefined, () => vscode.window.showTextDocument(doc));
}

export async function showGlossary(id?: unknown): Promise<GlossaryEntry | undefined> {
  if (typeof id === 'string') {
    const e = entryById(id);
    if (e) await showEntry(e);
    return e;
  }
  const pick = glossaryPick();
  const picked = await vscode.window.showQuickPick(pick.items, {
    title: pick.title,
    placeHolder: pick.placeHolder,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked) await showEntry(picked.entry);
  return picked?.entry;
}
