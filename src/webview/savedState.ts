/**
 * What the panel keeps across reloads (vscode.setState): the controls' settings and the log-scale
 * switch. A hidden panel's webview is destroyed; this brings the learner's choices back.
 */
import { isPanelState, type PanelState } from '../protocol/panelProtocol';
import { vscode } from './vscodeApi';

const saved = vscode.getState();
let state: PanelState | undefined = isPanelState(saved) ? saved : undefined;

export function savedState(): PanelState | undefined {
  return state;
}

/** Starts the state of a new view (keeps the log-scale choice). */
export function resetState(settings: PanelState['settings']): PanelState {
  state = { settings, logScale: state?.logScale ?? false };
  return state;
}

export function save(patch: Partial<PanelState>): void {
  if (!state) return;
  state = { ...state, ...patch };
  vscode.setState(state);
}
