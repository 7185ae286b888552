/**
 * The legend under the charts: one button per run, its colour and the settings it ran with.
 * A click hides or shows that run in every view; a double click (or Shift+click, or Shift+Enter)
 * isolates it: only that run stays visible, and the same gesture on it again shows all runs.
 */
import type { PanelStrings, RunSettings } from '../protocol/panelProtocol';
import { formatNumber } from './numberFormat';
import { el } from './dom';
import type { View } from './viewModel';

/** "rosenbrock.ts · adam · η=0.05" (· mini-batch 50 · seed 7): the settings the run uses. */
export function legendLabel(strings: PanelStrings, file: string, s: RunSettings): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const batch = s.batchSize === undefined ? '' : ` · ${strings.batchSize.replace('{0}', String(s.batchSize))}`;
  const seed = s.initSeed === undefined ? '' : ` · ${strings.initSeed.replace('{0}', String(s.initSeed))}`;
  return `${name} · ${s.optimizer} · η=${formatNumber(s.learningRate)}${batch}${seed}`;
}

/** The legend's run labels as rendered (without the "validation loss" marks). */
export function legendTexts(v: View): string[] {
  return [...v.legend.querySelectorAll('.legend-item .label:not(.test-label)')].map((e) => e.textContent ?? '');
}

/** Shows or hides one run in every view that draws it. */
function setRunVisible(v: View, runId: string, visible: boolean): void {
  v.chart.setVisible(runId, visible);
  v.curve?.setVisible(runId, visible);
  v.map?.setVisible(runId, visible);
}

/** The buttons say what is drawn: pressed = visible. Updated in place, so a double click lands on the same button. */
function syncPressed(v: View): void {
  const hidden = new Map(v.chart.legendItems().map((i) => [i.runId, i.hidden]));
  for (const b of v.legend.querySelectorAll<HTMLElement>('.legend-item'))
    b.setAttribute('aria-pressed', String(!hidden.get(b.dataset.runId ?? '')));
}

/** Only `runId` visible; if it already is the only one, every run visible again. */
function isolate(v: View, runId: string): void {
  const items = v.chart.legendItems();
  const alone = items.every((i) => i.hidden === (i.runId !== runId));
  for (const i of items) setRunVisible(v, i.runId, alone || i.runId === runId);
  syncPressed(v);
}

export function renderLegend(v: View): void {
  const items = v.chart.legendItems().map((item) => {
    const button = el('button', 'legend-item');
    button.type = 'button';
    button.dataset.runId = item.runId;
    button.setAttribute('aria-pressed', String(!item.hidden));
    button.title = v.strings.legendHint;
    const swatch = el('span', 'swatch');
    swatch.style.backgroundColor = item.color; // CSSOM from script is allowed by the CSP; style="" is not.
    if (item.dash) {
      // Runs past the palette's ten colours are dashed on the chart, and so in the legend.
      swatch.classList.add('dashed');
      swatch.style.borderTopColor = item.color;
      swatch.style.backgroundColor = 'transparent';
    }
    button.append(swatch, el('span', 'label', item.label));
    if (v.chart.pointCount(item.runId, true) > 0) {
      // The run's held-out (test) loss: the same colour, dashed.
      const dashed = el('span', 'swatch dashed');
      dashed.style.borderTopColor = item.color;
      button.append(dashed, el('span', 'label test-label', v.strings.testLoss));
    }
    button.addEventListener('click', (ev) => {
      const visible = !v.chart.legendItems().find((i) => i.runId === item.runId)?.hidden;
      if (ev.detail === 2) {
        // The double click's first click toggled this run: undo that, then isolate.
        setRunVisible(v, item.runId, !visible);
        isolate(v, item.runId);
      } else if (ev.shiftKey) {
        isolate(v, item.runId);
      } else if (ev.detail < 2) {
        setRunVisible(v, item.runId, !visible);
        syncPressed(v);
      }
    });
    button.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && (ev.altKey || ev.shiftKey)) {
        ev.preventDefault();
        isolate(v, item.runId);
      }
    });
    const li = el('li');
    li.append(button);
    return li;
  });
  v.legend.replaceChildren(...items);
}
