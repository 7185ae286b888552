/**
 * The loss panel's browser app. It only draws what the host sends and reports what the learner
 * asks for; it never imports the engine or `vscode` (see ../protocol/panelProtocol.ts for every message).
 *
 * This file routes the host's messages to the view (panelView.ts builds it; legend.ts,
 * viewHeader.ts, surfaceViews.ts and the chart classes draw its parts).
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { isHostMessage, type DiagnosisItem, type HostMessage, type PanelSnapshot } from '../protocol/panelProtocol';
import { vscode } from './vscodeApi';
import { CellMap, SweepChart, renderDiagnosis, renderTable } from './teachingViews';
import { GraphView } from './graphView';
import { BoundaryView } from './boundaryView';
import { WeightsView } from './weightsView';
import { el } from './dom';
import { save, savedState } from './savedState';
import { buildView, type View } from './panelView';
import { rerun } from './rerun';
import { legendLabel, legendTexts, renderLegend } from './legend';
import { markShown, sayTitleOnce, showHeader } from './viewHeader';
import { ensureTraceCharts, showSurface } from './surfaceViews';

let view: View | undefined;

/** Where the loss chart is on screen (reportState): the integration tests check the first screen. */
function layoutOf(v: View): PanelSnapshot['layout'] {
  const box = v.lossBox.getBoundingClientRect();
  const points = v.chart.legendItems().reduce((n, i) => n + v.chart.pointCount(i.runId), 0);
  return {
    lossChartTop: Math.round(box.top),
    lossChartHeight: Math.round(box.height),
    lossChartPoints: v.lossBox.hidden ? 0 : points,
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
  };
}

/** The diagnosis with its buttons: a glossary entry each, and a verified remedy's run where there is one. */
function diagnosisList(v: View, runId: string, findings: DiagnosisItem[]): HTMLElement {
  return renderDiagnosis(
    findings,
    { explain: v.strings.explain, remedy: v.strings.remedy, remedyHint: v.strings.remedyHint },
    {
      onExplain: (term) => vscode.postMessage({ type: 'explain', term }),
      onRemedy: (f) => vscode.postMessage({ type: 'remedy', runId, code: f.code, cli: f.remedy.cli }),
    },
  );
}

function handle(msg: HostMessage): void {
  if (msg.type === 'init') {
    view = buildView(msg.strings, savedState()?.settings ?? msg.settings);
    save({});
    return;
  }
  if (!view) return;
  if (msg.type === 'analysisStarted') {
    // A teaching view starts from a clean panel: its runs, tables and maps only, without the training form.
    view.sweep?.destroy();
    view = buildView(view.strings, view.controls.settings(), 'analysis', msg.title);
    view.analysisKind = msg.kind;
    view.analysisFailed = msg.failed === true;
    showHeader(view);
    return;
  }
  if (msg.type === 'runStarted' && msg.setsControls && view.mode === 'analysis') {
    // The learner trains again (a sweep's point, a click on the map, the editor's Train): back to the training view.
    view.sweep?.destroy();
    view = buildView(view.strings, view.controls.settings());
  }
  const v = view;
  switch (msg.type) {
    case 'table': {
      // A table of the same id (a network's parameters after a rerun) is replaced, not repeated.
      const table = renderTable(msg);
      const existing = document.getElementById(table.id);
      if (existing) existing.replaceWith(table);
      else v.analysis.append(table);
      sayTitleOnce(v, table.querySelector('caption'));
      markShown(v);
      v.empty.hidden = true;
      break;
    }
    case 'cellMap': {
      const map = new CellMap(msg);
      v.cellMaps.push(map);
      v.analysis.append(map.element);
      markShown(v);
      v.empty.hidden = true;
      break;
    }
    case 'sweep':
      v.sweep?.destroy();
      v.sweep = new SweepChart(msg, (learningRate) => rerun(v, { ...v.controls.settings(), learningRate }));
      // The chart's heading repeats the view's title ("학습률 훑어보기" twice): the canvas keeps its name.
      if (v.mode === 'analysis' && msg.title === v.analysisTitle) v.sweep.element.querySelector(':scope > h3')?.remove();
      v.analysis.append(v.sweep.element);
      markShown(v);
      v.empty.hidden = true;
      break;
    case 'weights': {
      const w = new WeightsView(msg.title, msg.labels, msg.layers);
      if (v.weights) v.weights.element.replaceWith(w.element);
      else v.analysis.append(w.element);
      v.weights = w;
      v.empty.hidden = true;
      break;
    }
    case 'boundary': {
      if (msg.runId !== v.latest) break;
      if (!v.boundary) {
        v.boundary = new BoundaryView({
          title: v.strings.decisionBoundary,
          accuracy: v.strings.trainingAccuracy,
          testAccuracy: v.strings.testAccuracy,
        });
        v.charts.prepend(v.boundary.element);
      }
      v.boundary.set(msg.boundary);
      v.boundaryKind = msg.boundary.kind;
      showHeader(v);
      break;
    }
    case 'graph': {
      const graph = new GraphView(
        msg.graph,
        msg.title,
        {
          value: v.strings.graphValue,
          adjoint: v.strings.graphAdjoint,
          backwardStep: v.strings.backwardStep,
          restart: v.strings.backwardRestart,
          zoomIn: v.strings.graphZoomIn,
          zoomOut: v.strings.graphZoomOut,
          fit: v.strings.graphFit,
          panHint: v.strings.graphPanHint,
        },
        (start, end) => vscode.postMessage({ type: 'reveal', start, end }),
      );
      v.analysis.append(graph.element);
      markShown(v);
      v.empty.hidden = true;
      break;
    }
    case 'diagnosis':
      if (msg.runId === v.latest) v.diagnosis.replaceChildren(diagnosisList(v, msg.runId, msg.findings));
      break;
    case 'reportState':
      vscode.postMessage({
        type: 'state',
        state: { legend: legendTexts(v), settings: v.controls.settings(), status: v.statusReason, layout: layoutOf(v) },
      });
      break;
    case 'runStarted': {
      v.empty.hidden = true;
      v.picture.hidden = false;
      v.charts.hidden = false;
      v.chartBar.hidden = false;
      if (msg.dimension >= 3) ensureTraceCharts(v);
      v.chart.addRun(msg.runId, legendLabel(v.strings, msg.file, msg.settings));
      if (msg.setsControls) {
        // The controls show what this run uses (the file's config merged in), ready to change.
        v.controls.set(msg.settings);
        save({ settings: v.controls.settings() });
      }
      const color = v.chart.legendItems().find((i) => i.runId === msg.runId)?.color ?? 'currentColor';
      v.colors.set(msg.runId, color);
      v.runs.set(msg.runId, []);
      v.settings.set(msg.runId, msg.settings);
      v.paramNames.set(msg.runId, msg.paramNames);
      v.latest = msg.runId;
      v.latestFile = msg.file.split(/[\\/]/).pop() ?? msg.file;
      v.latestDimension = msg.dimension;
      // Nothing to play before the new run has two points; the old run's step numbers no longer apply.
      v.playback.element.hidden = true;
      v.stepDetail.replaceChildren();
      v.curve?.addRun(msg.runId, color);
      v.map?.addRun(msg.runId, color);
      v.gradNorm?.addRun(msg.runId, color, msg.paramNames);
      v.traces?.addRun(msg.runId, color, msg.paramNames);
      renderLegend(v);
      v.status.classList.remove('error');
      v.status.replaceChildren();
      v.statusReason = '';
      v.diagnosis.replaceChildren();
      showHeader(v);
      break;
    }
    case 'surface':
      showSurface(v, msg.surface);
      showHeader(v);
      break;
    case 'progress': {
      const points = v.runs.get(msg.runId);
      if (points) for (const p of msg.points) points.push(p);
      if (msg.runId === v.latest && points) {
        v.playback.setPoints(points);
        v.playback.element.hidden = points.length < 2;
      }
      if (msg.points.length > 0 && v.lossBox.hidden) {
        v.lossBox.hidden = false;
        v.logScale.hidden = false;
      }
      if (v.traceBoxes && msg.points.length > 0) {
        if (msg.points.some((p) => Number.isFinite(p.gradNorm))) v.traceBoxes.norm.hidden = false;
        if ((v.paramNames.get(msg.runId)?.length ?? 0) > 0) v.traceBoxes.traces.hidden = false;
      }
      const hadTest = v.chart.pointCount(msg.runId, true) > 0;
      const wasDiverged = v.chart.isDiverged(msg.runId);
      v.chart.addPoints(msg.runId, msg.points);
      if (!wasDiverged && v.chart.isDiverged(msg.runId)) renderLegend(v);
      v.testNote.hidden = !v.chart.hasTestCurves();
      if (!hadTest && v.chart.pointCount(msg.runId, true) > 0) renderLegend(v);
      v.curve?.addPoints(msg.runId, msg.points);
      v.map?.addPoints(msg.runId, msg.points);
      v.gradNorm?.addPoints(msg.runId, msg.points);
      v.traces?.addPoints(msg.runId, msg.points);
      break;
    }
    case 'runFinished': {
      if (msg.reason === 'diverged') v.chart.markDiverged(msg.runId);
      renderLegend(v);
      // "quadratic.ts · sgd · η=0.1: 모든 스텝을 마쳤습니다 (40 스텝에서)": which run, why, where.
      const reason =
        msg.step === undefined
          ? v.strings.reasons[msg.reason]
          : `${v.strings.reasons[msg.reason]} (${v.strings.atStep.replace('{0}', String(msg.step))})`;
      v.statusReason = msg.message ? `${reason} — ${msg.message}` : reason;
      const run = v.chart.legendItems().find((i) => i.runId === msg.runId)?.label;
      v.status.replaceChildren(...(run ? [el('span', 'status-run', run), ': '] : []), el('span', 'status-reason', v.statusReason));
      v.status.classList.toggle('error', msg.reason === 'diverged' || msg.reason === 'error');
      break;
    }
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) handle(event.data);
  else console.warn('[gdTutor] ignored an invalid message from the host');
});

vscode.postMessage({ type: 'ready' });
