/**
 * The 3-D view of a two-parameter loss surface (three.js, WebGL): the surface coloured like the
 * 2-D map (viridis on the same log scale, colorScale.ts), the map's contour lines at their own
 * heights, and every run's descent path floating just above it with start ● and end ■ markers.
 * The same API as ContourMap (contourMap.ts), so the panel feeds both views the same runs.
 *
 * The height is the normalised log loss, not the raw loss (see surface3dGeometry.ts for why).
 * The objects drawn are built in surface3dScene.ts; this class keeps the runs and the playback
 * state, and rebuilds what changed.
 *
 * Interaction: drag to orbit and the wheel to zoom; the canvas is focusable, and arrow keys turn
 * it, + / − zoom, 0 or Home go back to the first view, as does the reset button (the camera and
 * all of this: surface3dControls.ts). Frames are drawn on demand (after a change, or while a
 * drag's glide settles), never in a continuous loop; with prefers-reduced-motion there is no glide
 * at all. Without WebGL the view says so in words (strings.webglUnavailable) instead of throwing.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { Group, Scene, WebGLRenderer } from 'three';
import type { StepPoint } from '../protocol/panelProtocol';
import { chartTheme } from './theme';
import { gridOf, placeable, type Grid, type Surface2D } from './surface3dGeometry';
import { Surface3DControls } from './surface3dControls';
import { disposeTree, lights, markerShapes, pathObjects, playbackObjects, srgb, surfaceObjects, type MarkedPoint } from './surface3dScene';

export interface Surface3DStrings {
  /** The canvas's accessible name: what the picture shows. */
  label: string;
  /** How to turn and zoom it (shown under the picture). */
  hint: string;
  resetView: string;
  webglUnavailable: string;
}

interface Run {
  color: string;
  points: StepPoint[];
  visible: boolean;
  group: Group;
  /** Points arrived since the path was last built. */
  dirty: boolean;
}

export class Surface3D {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  /** False when WebGL could not be started: the view shows a sentence instead. */
  readonly available: boolean;
  private readonly fallback: HTMLElement;
  /** The reset button and the hint: of no use while the sentence stands in for the picture. */
  private readonly bar: HTMLElement;
  private readonly renderer: WebGLRenderer | undefined;
  private readonly scene = new Scene();
  /** The camera and how the learner moves it; there only when WebGL is. */
  private readonly controls: Surface3DControls | undefined;
  private readonly surfaceGroup = new Group();
  private readonly markers = new Group();
  private readonly runs = new Map<string, Run>();
  private grid: Grid | undefined;
  private cursor: MarkedPoint | undefined;
  private companions: MarkedPoint[] = [];
  private readonly observer: ResizeObserver;
  private frame = 0;
  private frames = 0;
  private readonly shapes = markerShapes();
  /** The shared marker shapes, which a rebuild must not free. */
  private readonly kept = [this.shapes.sphere, this.shapes.box];

  constructor(container: HTMLElement, strings: Surface3DStrings) {
    this.element = document.createElement('div');
    this.element.className = 'surface-3d';
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'surface-3d-canvas';
    this.canvas.id = 'surface-3d';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', `${strings.label} ${strings.hint}`);
    this.fallback = document.createElement('p');
    this.fallback.className = 'surface-3d-fallback';
    this.fallback.textContent = strings.webglUnavailable;
    this.fallback.hidden = true;
    const bar = (this.bar = document.createElement('div'));
    bar.className = 'surface-3d-bar';
    const reset = document.createElement('vscode-button');
    reset.id = 'surface-3d-reset';
    reset.setAttribute('secondary', '');
    reset.setAttribute('icon', 'screen-normal');
    reset.textContent = strings.resetView;
    reset.addEventListener('click', () => this.resetView());
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = strings.hint;
    bar.append(reset, hint);
    this.element.append(this.canvas, this.fallback, bar);
    container.append(this.element);

    this.renderer = startRenderer(this.canvas);
    this.available = this.renderer !== undefined;
    this.observer = new ResizeObserver(() => this.resize());
    if (!this.renderer) {
      this.showFallback(true);
      return;
    }
    this.canvas.addEventListener('webglcontextlost', (e) => {
      // preventDefault lets the browser restore the context; until then the sentence stands in.
      e.preventDefault();
      this.showFallback(true);
    });
    this.canvas.addEventListener('webglcontextrestored', () => {
      this.showFallback(false);
      this.schedule();
    });
    this.renderer.setClearColor(srgb(chartTheme().background));
    this.scene.add(...lights(), this.surfaceGroup, this.markers);
    this.controls = new Surface3DControls(this.canvas, () => this.schedule());
    this.observer.observe(this.canvas);
  }

  setSurface(surface: Surface2D): void {
    if (!this.renderer) return;
    this.grid = gridOf(surface);
    this.buildSurface();
    for (const run of this.runs.values()) run.dirty = true;
    this.schedule();
  }

  addRun(runId: string, color: string): void {
    this.runs.get(runId)?.group.removeFromParent();
    const group = new Group();
    this.scene.add(group);
    this.runs.set(runId, { color, points: [], visible: true, group, dirty: true });
    this.schedule();
  }

  addPoints(runId: string, points: StepPoint[]): void {
    const run = this.runs.get(runId);
    if (!run) return;
    for (const p of points) if (placeable(p)) run.points.push(p);
    run.dirty = true;
    this.schedule();
  }

  setVisible(runId: string, visible: boolean): void {
    const run = this.runs.get(runId);
    if (!run) return;
    run.visible = visible;
    run.group.visible = visible;
    this.schedule();
  }

  /** Playback: a larger ball at the chosen step, with a line down to the floor to read its position. */
  setCursor(point: StepPoint | undefined, color: string): void {
    this.cursor = point && placeable(point) ? { point, color } : undefined;
    this.buildMarkers();
  }

  /** Playback of several runs (a race, restarts): every other run's position at the same step. */
  setCompanions(points: MarkedPoint[]): void {
    this.companions = points.filter((c) => placeable(c.point));
    this.buildMarkers();
  }

  /** Re-reads the theme's colours (background, foreground, the runs' palette) and redraws. */
  applyTheme(): void {
    if (!this.renderer) return;
    const theme = chartTheme();
    this.renderer.setClearColor(srgb(theme.background));
    this.buildSurface();
    for (const run of this.runs.values()) run.dirty = true;
    this.buildMarkers();
  }

  /** Back to the first view (the reset button, 0 and Home). */
  resetView(): void {
    this.controls?.reset();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.observer.disconnect();
    this.controls?.dispose();
    disposeTree(this.scene);
    this.shapes.sphere.dispose();
    this.shapes.box.dispose();
    this.renderer?.dispose();
    this.element.remove();
  }

  private showFallback(show: boolean): void {
    this.fallback.hidden = !show;
    this.canvas.hidden = show;
    this.bar.hidden = show;
  }

  private buildSurface(): void {
    disposeTree(this.surfaceGroup);
    this.surfaceGroup.clear();
    const g = this.grid;
    if (!g) return;
    this.surfaceGroup.add(...surfaceObjects(g));
  }

  private buildRun(run: Run): void {
    disposeTree(run.group, this.kept);
    run.group.clear();
    run.dirty = false;
    const g = this.grid;
    if (!g || run.points.length === 0) return;
    run.group.add(...pathObjects(g, run.points, run.color, this.shapes));
  }

  private buildMarkers(): void {
    disposeTree(this.markers, this.kept);
    this.markers.clear();
    const g = this.grid;
    // One at a time: with no cursor and no companions there is nothing to add (add() with none logs an error).
    if (g) for (const o of playbackObjects(g, this.companions, this.cursor, this.shapes)) this.markers.add(o);
    this.schedule();
  }

  private resize(): void {
    const r = this.canvas.getBoundingClientRect();
    if (!this.renderer || r.width === 0 || r.height === 0) return;
    this.renderer.setPixelRatio(window.devicePixelRatio || 1);
    this.renderer.setSize(r.width, r.height, false);
    this.controls?.fit(r.width / r.height);
    this.schedule();
  }

  private schedule(): void {
    if (this.frame || !this.renderer) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const renderer = this.renderer;
    const controls = this.controls;
    if (!renderer || !controls || this.canvas.hidden || this.canvas.clientWidth === 0) return;
    for (const run of this.runs.values()) if (run.dirty) this.buildRun(run);
    // True while a drag's or a key's glide (damping) is still settling: then one more frame.
    const moving = controls.update();
    renderer.render(this.scene, controls.camera);
    this.frames++;
    // For tests: how many frames were drawn, and whether the view has come to rest.
    this.canvas.dataset.frames = String(this.frames);
    this.canvas.dataset.settled = String(!moving);
    if (moving) this.schedule();
  }
}

/** A WebGL 2 renderer on the canvas, or undefined where WebGL is not available (checked first, so three.js logs no error). */
function startRenderer(canvas: HTMLCanvasElement): WebGLRenderer | undefined {
  try {
    if (!document.createElement('canvas').getContext('webgl2')) return undefined;
    // preserveDrawingBuffer: the PNG export (exportPng.ts) copies the canvas between frames.
    return new WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
  } catch {
    return undefined;
  }
}
