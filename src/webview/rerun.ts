/** The panel asks the host to train the learner's file again (a click on the map, a sweep's point). */
import type { RunSettings } from '../protocol/panelProtocol';
import { save } from './savedState';
import { vscode } from './vscodeApi';
import type { View } from './viewModel';

/** Runs the learner's file again with these settings (shown in the controls and kept). */
export function rerun(v: View, settings: RunSettings): void {
  v.controls.set(settings);
  save({ settings });
  vscode.postMessage({ type: 'rerun', settings });
}
