/**
 * The optimizer race's runners, chosen by the learner (all of them preselected); their
 * hyper-parameters come from the file's config. Undefined when the learner cancels or picks none.
 */
import * as vscode from 'vscode';
import { t } from '../l10n/localize';
import { DEFAULT_RACE, type RaceEntry } from '../teaching/raceEntries';

export async function pickRacers(): Promise<RaceEntry[] | undefined> {
  const picked = await vscode.window.showQuickPick(
    DEFAULT_RACE.map((e) => ({ label: e.label, picked: true, entry: e })),
    { canPickMany: true, title: t('Optimizer race'), placeHolder: t('Choose the optimizers to compare') },
  );
  return picked?.length ? picked.map((p) => p.entry) : undefined;
}
