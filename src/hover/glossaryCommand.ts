/** `gdTutor.showGlossary`: a searchable quick pick of every term (Korean and English). */
import * as vscode from 'vscode';
import { GLOSSARY, entryById } from './glossary';
import { hoverMarkdown } from './hoverMarkdown';
import { t, language } from '../l10n/localize';
import type { GlossaryEntry } from './glossaryTypes';

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
  const picked = await vscode.window.showQuickPick(
    GLOSSARY.map((e) => ({ label: e.ko, description: e.en, detail: e.explanation, entry: e })),
    { title: t('Glossary'), placeHolder: t('Search a term in Korean or English'), matchOnDescription: true, matchOnDetail: true },
  );
  if (picked) await showEntry(picked.entry);
  return picked?.entry;
}
