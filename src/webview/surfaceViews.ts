/**
 * The pictures of the loss surface beside the loss curve: the curve L(w) for one parameter, the
 * contour map for two (or a 2-D slice of more), and for three or more parameters the gradient-norm
 * and parameter-trace charts.
 */
import type { SurfaceData } from '../protocol/panelProtocol';
import { Curve1D } from './curve1d';
import { ContourMap } from './contourMap';
import { TraceChart } from './traceChart';
import { chartBox, el } from './dom';
import { rerun, type View } from './panelView';

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
    v.surfaceBox.replaceChildren(canvas, el('p', 'hint', v.strings.clickToStart));
    v.map = new ContourMap(canvas, (point) => rerun(v, { ...v.controls.settings(), init: point }));
    for (const [runId, color] of v.colors) v.map.addRun(runId, color);
  }
  v.map.setSurface(surface);
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
