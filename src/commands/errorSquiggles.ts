/**
 * Learner errors as squiggles (VS Code's `Diagnostic`s) on the learner's own file, at the line the
 * runner mapped them to; cleared on the next good run of that file. Not the tutor's diagnosis of
 * a run (teaching/diagnosis.ts), which is advice shown in the panel.
 */
import * as vscode from 'vscode';
import type { LearnerErrorData } from '../protocol/learnerError';
import { pick } from '../l10n/localize';

export function toDiagnostic(e: LearnerErrorData, document: vscode.TextDocument): vscode.Diagnostic {
  const range = errorRange(e, document);
  const d = new vscode.Diagnostic(
    range,
    pick(e),
    e.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error,
  );
  d.source = 'gdTutor';
  d.code = e.code;
  return d;
}

/** 1-based line/column from the runner → a 0-based range; the whole first line when unknown. */
export function errorRange(e: LearnerErrorData, document: vscode.TextDocument): vscode.Range {
  if (!e.line || e.line > document.lineCount) {
    const first = document.lineAt(0);
    return new vscode.Range(first.range.start, first.range.end);
  }
  const line = document.lineAt(e.line - 1);
  const start = new vscode.Position(e.line - 1, Math.max(0, (e.column ?? line.firstNonWhitespaceCharacterIndex + 1) - 1));
  if (e.endLine && e.endColumn) {
    const end = new vscode.Position(e.endLine - 1, e.endColumn - 1);
    if (end.isAfter(start)) return new vscode.Range(start, end);
  }
  // Without an end: to the end of the line, so the squiggle is visible.
  return new vscode.Range(start, line.range.end.isAfter(start) ? line.range.end : start.translate(0, 1));
}
