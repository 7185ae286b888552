/** The view's title and its one caption sentence: what the learner is looking at, what to notice. */
import type { ViewCaptions } from '../protocol/panelProtocol';
import type { View } from './viewModel';

/** Whether the surface box shows the 3-D view (its toggle, surfaceToggle.ts, says so). */
function showing3d(v: View): boolean {
  return v.surfaceBox.querySelector('#surface-view-3d')?.getAttribute('aria-pressed') === 'true';
}

/** The caption of the training view: what its pictures are, for the newest run. */
function trainCaption(v: View): keyof ViewCaptions {
  if (v.latest === undefined) return 'empty';
  if (v.boundary && v.boundaryKind !== 'output') return 'boundary';
  const d = v.latestDimension ?? 0;
  if (d === 1) return v.curve ? 'curve' : 'loss';
  if (d === 2) return v.map ? (showing3d(v) ? 'surface3d' : 'map') : 'loss';
  return v.map ? 'slice' : 'many';
}

/** Shows the title and caption for what the panel shows now. */
export function showHeader(v: View): void {
  const { strings } = v;
  let caption: string;
  if (v.mode === 'analysis') {
    v.title.textContent = v.analysisTitle ?? '';
    // A teaching view's caption describes its pictures: "computing …" until they arrived, nothing if it failed.
    caption = v.analysisFailed
      ? ''
      : v.analysisShown && v.analysisKind
        ? strings.captions[v.analysisKind].replace('{0}', strings.backwardStep)
        : strings.analysisPending;
  } else {
    v.title.textContent = v.latestFile === undefined ? strings.title : strings.trainTitle.replace('{0}', v.latestFile);
    caption = strings.captions[trainCaption(v)];
  }
  v.caption.textContent = caption;
  v.caption.hidden = caption === '';
}

/** A teaching view's first table, map, sweep or graph arrived: its caption can describe it. */
export function markShown(v: View): void {
  if (v.mode !== 'analysis' || v.analysisShown) return;
  v.analysisShown = true;
  showHeader(v);
}

/** A heading equal to the view's title is said once: the repeat is kept for screen readers only (a table's name). */
export function sayTitleOnce(v: View, heading: Element | null): void {
  if (heading && v.mode === 'analysis' && heading.textContent === v.analysisTitle) heading.classList.add('visually-hidden');
}
