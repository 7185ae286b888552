/**
 * The pictures of the loss surface beside the loss curve: the curve L(w) for one parameter, the
 * contour map for two (or a 2-D slice of more) with a toggle to its 3-D view (surfaceToggle.ts),
 * and for three or more parameters the gradient-norm and parameter-trace charts.
 */
import type { SurfaceData } from '../protocol/panelProtocol';
import { Curve1D } from './curve1d';
import { ContourMapWith3D } from './surfaceToggle';
import { TraceChart } from './traceChart';
import { chartBox, el } from './dom';
import { ColorBar } from './colorBar';
import { showHeader } from './viewHeader';
import { rerun } from './rerun';
import type { View } from './viewModel';

/** The picture of the surface: the curve for one parameter, the contour map for two or more. */
export function showSurface(v: View, surface: SurfaceData): void {
  v.surfaceBox.hidden = false;
  if (surface.kind === '1d') {
    if (!v.curve) {
      const canvas = el('canvas');
      canvas.id = 'surface-chart';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', v.strings.curve);
      v.surfaceBox.replaceChildren(canvas);
      v.curve = new Curve1D(canvas, {
        param: v.strings.parameter,
        loss: v.strings.loss,
        curve: v.strings.curve,
        tangent: v.strings.tangent,
      });
      for (const [runId, color] of v.colors) v.curve.addRun(runId, color);
    }
    v.curve.setSurface(surface);
    return;
  }
  if (!v.map) {
    const canvas = el('canvas', 'contour-map');
    canvas.id = 'surface-map';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${v.strings.lossSurface}. ${v.strings.clickToStart}`);
    canvas.title = v.strings.clickToStart;
    const hint = el('p', 'hint', v.strings.clickToStart);
    // The map with its 3-D twin: one object that the panel feeds as before, and a 2-D / 3-D toggle above it.
    const map = new ContourMapWith3D(canvas, (point) => rerun(v, { ...v.controls.settings(), init: point }), v.strings, [canvas, hint]);
    v.surfaceBox.replaceChildren(map.toggle, canvas, hint, map.holder);
    // The caption describes the picture on show: the map or the 3-D surface.
    map.toggle.addEventListener('click', () => showHeader(v));
    v.map = map;
    for (const [runId, color] of v.colors) v.map.addRun(runId, color);
  }
  v.map.setSurface(surface);
  showMapColorBar(v);
}

/** The heat map's colour bar under the map (and the hint): what its colours mean in losses. */
export function showMapColorBar(v: View): void {
  const spec = v.map?.colorBarSpec(v.strings.lossColorBar);
  if (!spec) return;
  if (v.mapBar) v.mapBar.set(spec);
  else {
    v.mapBar = new ColorBar(spec);
    v.mapBar.element.id = 'map-color-bar';
    v.surfaceBox.append(v.mapBar.element);
  }
}

/** The extra charts of a many-parameter loss, created on its first run. */
export function ensureTraceCharts(v: View): void {
  if (v.gradNorm) return;
  const norm = chartBox('grad-norm-chart', v.strings.gradNorm);
  const traces = chartBox('trace-chart', v.strings.parameterTraces);
  // Hidden until they have something to draw (progress): no empty axes.
  norm.box.hidden = true;
  traces.box.hidden = true;
  v.traceBoxes = { norm: norm.box, traces: traces.box };
  v.charts.append(norm.box, traces.box);
  v.gradNorm = new TraceChart(norm.canvas, 'gradNorm', { step: v.strings.step, value: v.strings.gradNorm });
  v.traces = new TraceChart(traces.canvas, 'params', { step: v.strings.step, value: v.strings.parameter });
}
