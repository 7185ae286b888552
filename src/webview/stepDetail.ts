/**
 * The timeline's numbers for the step under the playback cursor: where the run was, the loss and
 * gradient there, the update it took, and the optimizer state that update used — so the update
 * formula can be read with the run's own numbers in it.
 *
 *   sgd        w ← w − η·∇L(w)                    (the line shows −η·∇L beside the actual Δw)
 *   momentum   v ← μ·v + ∇L(w);  w ← w − η·v       (momentum_buffer)
 *   adam       m, v moments; w ← w − η·m̂/(√v̂ + ε)  (exp_avg, exp_avg_sq)
 */
import type { PanelStrings, RunSettings, StepPoint } from '../protocol/panelProtocol';
import { formatNumber } from './numberFormat';

const n = (v: number) => formatNumber(v, 5);
/** A vector; `more` parameters that were not streamed (a big network) are counted, not shown. */
const vec = (a: readonly number[], more = 0) =>
  a.length === 1 && !more ? n(a[0]) : `(${a.map(n).join(', ')}${more ? `, … +${more}` : ''})`;

export function renderStepDetail(
  target: HTMLElement,
  strings: PanelStrings,
  settings: RunSettings | undefined,
  p: StepPoint | undefined,
  next: StepPoint | undefined,
): void {
  if (!p) {
    target.replaceChildren();
    return;
  }
  const line = (cls: string, text: string) => Object.assign(document.createElement('div'), { className: cls, textContent: text });
  const lines: HTMLElement[] = [];
  const here = `${strings.step} ${p.step}: w = ${vec(p.params, p.more)}, L(w) = ${n(p.loss)}${p.gradient ? `, ∇L(w) = ${vec(p.gradient)}` : ''}`;
  lines.push(line('detail-point', here));
  if (next) {
    const delta = next.params.map((v, i) => v - p.params[i]);
    let update = `${strings.update}: Δw = ${vec(delta, p.more)}`;
    if (settings?.optimizer === 'sgd' && p.gradient && next.step === p.step + 1) {
      update += ` = −η·∇L(w) = −${n(settings.learningRate)}·${vec(p.gradient)}`;
    }
    lines.push(line('detail-update', update));
    const state = next.step === p.step + 1 ? next.state : undefined;
    if (state) {
      const entries = Object.entries(state)
        .filter(([, v]) => Array.isArray(v))
        .map(([k, v]) => `${k} = ${vec(v as number[])}`);
      if (entries.length) lines.push(line('detail-state', `${strings.optimizerState}: ${entries.join('; ')}`));
    }
  }
  target.replaceChildren(...lines);
}
