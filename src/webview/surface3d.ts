/**
 * The 3-D view of a two-parameter loss surface (three.js, WebGL): the surface coloured like the
 * 2-D map (viridis on the same log scale, colorScale.ts), the map's contour lines at their own
 * heights, and every run's descent path floating just above it with start ● and end ■ markers.
 * The same API as ContourMap (contourMap.ts), so the panel feeds both views the same runs.
 *
 * The height is the normalised log loss, not the raw loss (see surface3dGeometry.ts for why).
 *
 * Interaction: drag to orbit and the wheel to zoom (OrbitControls); the canvas is focusable, and
 * arrow keys turn it, + / − zoom, 0 or Home go back to the first view, as does the reset button.
 * Frames are drawn on demand (after a change, or while a drag's glide settles), never in a
 * continuous loop; with prefers-reduced-motion there is no glide at all. Without WebGL the view
 * says so in words (strings.webglUnavailable) instead of throwing.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import {
  AmbientLight,
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  Color,
  DirectionalLight,
  DoubleSide,
  Float32BufferAttribute,
  Group,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PerspectiveCamera,
  Scene,
  SphereGeometry,
  SRGBColorSpace,
  Vector3,
  WebGLRenderer,
  BackSide,
  type Material,
  type Object3D,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { Line2 } from 'three/examples/jsm/lines/Line2.js';
import { LineGeometry } from 'three/examples/jsm/lines/LineGeometry.js';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import type { StepPoint } from '../protocol/panelProtocol';
import { rampColor } from './colorScale';
import { chartTheme, rgbOf, themedColor } from './theme';
import {
  HEIGHT,
  contourSegments,
  gridOf,
  pathPositions,
  placeable,
  pointInScene,
  surfaceMesh,
  type Grid,
  type Surface2D,
} from './surface3dGeometry';

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

/** One keypress turns the view by 15°, and zooms by 20 %. */
const TURN = Math.PI / 12;
const ZOOM = 0.8;
/** The first view: from the front right, 48° above the floor (high enough to see into a steep valley; firstView). */
const AZIMUTH = (35 * Math.PI) / 180;
const ELEVATION = (48 * Math.PI) / 180;
const FOV = 35;
/** The box fills at most this share of the canvas's half-width and half-height in the first view. */
const FILL = 0.94;
/** Path width in CSS pixels, and its halo in the background colour that keeps it readable on any surface colour. */
const PATH_WIDTH = 3;
const HALO_WIDTH = 6;
/**
 * The drawing order after the opaque surface and frame. Everything drawn on the surface is marked
 * transparent (three.js draws those after the opaque ones, in renderOrder) and tested against the
 * surface's depth, so a hill in front hides it; the lines write no depth, so the contour lines never
 * cut a path, a halo never hides its path, and the start and end markers (drawn last) are never
 * hidden by the paths that lead into them.
 */
const DRAWN_AFTER = { contours: 0, halos: 1, paths: 2, markers: 3 };

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
  private readonly camera = new PerspectiveCamera(FOV, 1, 0.05, 50);
  private controls: OrbitControls | undefined;
  private readonly surfaceGroup = new Group();
  private readonly markers = new Group();
  private readonly runs = new Map<string, Run>();
  private grid: Grid | undefined;
  private cursor: { point: StepPoint; color: string } | undefined;
  private companions: Array<{ point: StepPoint; color: string }> = [];
  private readonly observer: ResizeObserver;
  private readonly motion = matchMedia('(prefers-reduced-motion: reduce)');
  private frame = 0;
  private frames = 0;
  /** Whether the learner has turned the view since the last reset (a resize then keeps their view). */
  private moved = false;
  private readonly sphere = new SphereGeometry(0.034, 20, 14);
  private readonly box = new BoxGeometry(0.058, 0.058, 0.058);

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
    this.buildScene();
    this.startControls();
    this.canvas.addEventListener('keydown', (e) => this.onKey(e));
    this.motion.addEventListener('change', this.onMotionChange);
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
  setCompanions(points: Array<{ point: StepPoint; color: string }>): void {
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
    const controls = this.controls;
    if (!controls) return;
    // Drop any glide still under way, so the reset view is exactly the first one.
    const damping = controls.enableDamping;
    controls.enableDamping = false;
    controls.update();
    controls.reset();
    controls.enableDamping = damping;
    this.moved = false;
    this.schedule();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.observer.disconnect();
    this.motion.removeEventListener('change', this.onMotionChange);
    this.controls?.dispose();
    disposeTree(this.scene);
    this.sphere.dispose();
    this.box.dispose();
    this.renderer?.dispose();
    this.element.remove();
  }

  private showFallback(show: boolean): void {
    this.fallback.hidden = !show;
    this.canvas.hidden = show;
    this.bar.hidden = show;
  }

  private buildScene(): void {
    this.renderer?.setClearColor(srgb(chartTheme().background));
    // Light from above and in front: walls facing away darken, so slopes read as slopes, while the
    // ambient part keeps the viridis colours close to the 2-D map's.
    const sun = new DirectionalLight(0xffffff, 1.1);
    sun.position.set(0.6, 2, 1.4);
    this.scene.add(new AmbientLight(0xffffff, 0.75), sun, this.surfaceGroup, this.markers);
  }

  private startControls(): void {
    const first = this.firstView();
    this.camera.position.copy(first.position);
    this.camera.lookAt(first.target);
    const controls = new OrbitControls(this.camera, this.canvas);
    controls.target.copy(first.target);
    controls.enableDamping = !this.motion.matches;
    controls.enablePan = false;
    controls.minDistance = 1.2;
    controls.maxDistance = 12;
    // From straight above (the 2-D map's view) down to just above the floor, never from underneath.
    controls.minPolarAngle = 0;
    controls.maxPolarAngle = Math.PI * 0.49;
    controls.saveState();
    controls.addEventListener('change', () => this.schedule());
    controls.addEventListener('start', () => (this.moved = true));
    this.controls = controls;
  }

  private readonly onMotionChange = (): void => {
    if (this.controls) this.controls.enableDamping = !this.motion.matches;
  };

  private onKey(e: KeyboardEvent): void {
    const c = this.controls;
    if (!c || e.altKey || e.ctrlKey || e.metaKey) return;
    // Same directions as dragging: ← turns the surface as a drag to the left does.
    const actions: Record<string, () => void> = {
      ArrowLeft: () => c.rotateLeft(-TURN),
      ArrowRight: () => c.rotateLeft(TURN),
      ArrowUp: () => c.rotateUp(-TURN),
      ArrowDown: () => c.rotateUp(TURN),
      '+': () => c.dollyIn(ZOOM),
      '=': () => c.dollyIn(ZOOM),
      '-': () => c.dollyOut(ZOOM),
      '0': () => this.resetView(),
      Home: () => this.resetView(),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    if (e.key !== '0' && e.key !== 'Home') this.moved = true;
    action();
    this.schedule();
  }

  /**
   * The first view: the camera along the first view's direction, as near as it can be with the
   * whole box inside the canvas (a margin of 1 − FILL), looking at the height on the box's axis
   * that centres the box in the picture (seen from above, the box's front reaches further down
   * than its back reaches up, so looking at its centre would waste the top of the canvas).
   */
  private firstView(): { position: Vector3; target: Vector3 } {
    const direction = new Vector3(Math.sin(AZIMUTH) * Math.cos(ELEVATION), Math.sin(ELEVATION), Math.cos(AZIMUTH) * Math.cos(ELEVATION));
    const corners = [-1, 1].flatMap((x) => [0, HEIGHT].flatMap((y) => [-1, 1].map((z) => new Vector3(x, y, z))));
    const probe = this.camera.clone();
    const fits = (target: Vector3, distance: number) => {
      probe.position.copy(direction).multiplyScalar(distance).add(target);
      probe.lookAt(target);
      probe.updateMatrixWorld();
      probe.updateProjectionMatrix();
      return corners.every((c) => {
        const p = c.clone().project(probe);
        return Math.abs(p.x) <= FILL && Math.abs(p.y) <= FILL;
      });
    };
    // The nearest distance that fits, by bisection between too near and surely far enough.
    const nearest = (target: Vector3) => {
      let [near, far] = [0.5, 30];
      for (let k = 0; k < 30; k++) {
        const mid = (near + far) / 2;
        if (fits(target, mid)) far = mid;
        else near = mid;
      }
      return far;
    };
    let best = { position: new Vector3(), target: new Vector3(), distance: Infinity };
    for (let k = 0; k <= 12; k++) {
      const target = new Vector3(0, (HEIGHT * k) / 12, 0);
      const distance = nearest(target);
      if (distance < best.distance) best = { position: direction.clone().multiplyScalar(distance).add(target), target, distance };
    }
    return best;
  }

  private buildSurface(): void {
    disposeTree(this.surfaceGroup);
    this.surfaceGroup.clear();
    const g = this.grid;
    if (!g) return;
    const theme = chartTheme();
    const mesh = surfaceMesh(g, (t) => {
      const [r, gr, b] = rampColor(t);
      const c = new Color().setRGB(r / 255, gr / 255, b / 255, SRGBColorSpace);
      return [c.r, c.g, c.b];
    });
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(mesh.positions, 3));
    geometry.setAttribute('color', new BufferAttribute(mesh.colors, 3));
    geometry.setIndex(new BufferAttribute(mesh.indices, 1));
    geometry.computeVertexNormals();
    // Pushed back a little in depth, so the lines drawn on it win against it.
    const material = new MeshLambertMaterial({
      vertexColors: true,
      side: DoubleSide,
      polygonOffset: true,
      polygonOffsetFactor: 1,
      polygonOffsetUnits: 1,
    });
    const isolines = new BufferGeometry();
    isolines.setAttribute('position', new Float32BufferAttribute(contourSegments(g), 3));
    // White at 45 %, as the 2-D map draws its contour lines (DRAWN_AFTER).
    const lines = new LineSegments(
      isolines,
      new LineBasicMaterial({ color: 0xffffff, transparent: true, opacity: 0.45, depthWrite: false }),
    );
    lines.renderOrder = DRAWN_AFTER.contours;
    this.surfaceGroup.add(new Mesh(geometry, material), lines, frame(theme.grid));
  }

  private buildRun(run: Run): void {
    disposeTree(run.group, [this.sphere, this.box]);
    run.group.clear();
    run.dirty = false;
    const g = this.grid;
    if (!g || run.points.length === 0) return;
    const theme = chartTheme();
    const color = themedColor(run.color);
    const positions = pathPositions(g, run.points);
    if (positions.length >= 6) {
      run.group.add(thickLine(positions, theme.background, HALO_WIDTH, 0), thickLine(positions, color, PATH_WIDTH, 1));
    }
    const first = pointInScene(g, run.points[0]);
    const last = pointInScene(g, run.points[run.points.length - 1]);
    run.group.add(this.marker(this.sphere, first, color, theme.foreground), this.marker(this.box, last, color, theme.foreground));
  }

  private buildMarkers(): void {
    disposeTree(this.markers, [this.sphere, this.box]);
    this.markers.clear();
    const g = this.grid;
    if (g) {
      const theme = chartTheme();
      for (const { point, color } of this.companions)
        this.markers.add(this.marker(this.sphere, pointInScene(g, point), themedColor(color), theme.foreground));
      if (this.cursor) {
        const at = pointInScene(g, this.cursor.point);
        const ball = this.marker(this.sphere, at, themedColor(this.cursor.color), theme.foreground);
        ball.scale.setScalar(1.6);
        const drop = new BufferGeometry().setAttribute('position', new Float32BufferAttribute([at[0], at[1], at[2], at[0], 0, at[2]], 3));
        this.markers.add(ball, new LineSegments(drop, new LineBasicMaterial({ color: srgb(theme.foreground) })));
      }
    }
    this.schedule();
  }

  /** A ball or a box in the run's colour with an outline in the foreground colour (a slightly larger back face). */
  private marker(shape: BufferGeometry, at: [number, number, number], color: string, outline: string): Group {
    const m = new Group();
    // In the last layer of the drawing order (DRAWN_AFTER): over the paths that end in it, hidden only by the surface.
    const edge = new Mesh(shape, new MeshBasicMaterial({ color: srgb(outline), side: BackSide, transparent: true }));
    edge.scale.setScalar(1.35);
    edge.renderOrder = DRAWN_AFTER.markers;
    const fill = new Mesh(shape, new MeshBasicMaterial({ color: srgb(color), transparent: true }));
    fill.renderOrder = DRAWN_AFTER.markers + 1;
    m.add(fill, edge);
    // Resting on the surface rather than half sunk in it, so its outline shows all round.
    shape.computeBoundingSphere();
    m.position.set(at[0], at[1] + (shape.boundingSphere?.radius ?? 0) * 0.9, at[2]);
    return m;
  }

  private resize(): void {
    const r = this.canvas.getBoundingClientRect();
    if (!this.renderer || r.width === 0 || r.height === 0) return;
    this.renderer.setPixelRatio(window.devicePixelRatio || 1);
    this.renderer.setSize(r.width, r.height, false);
    this.camera.aspect = r.width / r.height;
    this.camera.updateProjectionMatrix();
    // The first view fits the new shape; a view the learner chose is kept.
    if (this.controls) {
      const first = this.firstView();
      this.controls.position0.copy(first.position);
      this.controls.target0.copy(first.target);
      if (!this.moved) this.resetView();
    }
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
    if (!renderer || this.canvas.hidden || this.canvas.clientWidth === 0) return;
    for (const run of this.runs.values()) if (run.dirty) this.buildRun(run);
    // True while a drag's or a key's glide (damping) is still settling: then one more frame.
    const moving = this.controls?.update() ?? false;
    renderer.render(this.scene, this.camera);
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

/** A CSS colour (a theme variable resolves to any CSS form) as a three.js colour. */
function srgb(css: string): Color {
  const [r, g, b] = rgbOf(css);
  return new Color().setRGB(r / 255, g / 255, b / 255, SRGBColorSpace);
}

/** A polyline of the given pixel width: `layer` 0 is a halo, 1 the path drawn over it. */
function thickLine(positions: number[], css: string, width: number, layer: number): Line2 {
  const material = new LineMaterial({ color: srgb(css).getHex(), linewidth: width, worldUnits: false });
  // See DRAWN_AFTER: hidden by the surface, never by another line, and under the markers.
  material.transparent = true;
  material.depthWrite = false;
  const line = new Line2(new LineGeometry().setPositions(positions), material);
  line.renderOrder = layer === 0 ? DRAWN_AFTER.halos : DRAWN_AFTER.paths;
  line.computeLineDistances();
  return line;
}

/** The floor's square and the box's vertical edges: a frame for reading height and orientation. */
function frame(css: string): LineSegments {
  const c = [
    [-1, 1],
    [1, 1],
    [1, -1],
    [-1, -1],
  ];
  const points: number[] = [];
  c.forEach(([x, z], k) => {
    const [nx, nz] = c[(k + 1) % 4];
    points.push(x, 0, z, nx, 0, nz, x, 0, z, x, HEIGHT, z);
  });
  const geometry = new BufferGeometry().setAttribute('position', new Float32BufferAttribute(points, 3));
  return new LineSegments(geometry, new LineBasicMaterial({ color: srgb(css) }));
}

/** Frees the GPU buffers of everything under `root`, except the shared geometries in `keep`. */
function disposeTree(root: Object3D, keep: BufferGeometry[] = []): void {
  root.traverse((o) => {
    const m = o as Partial<Mesh>;
    if (m.geometry && !keep.includes(m.geometry)) m.geometry.dispose();
    const materials = ([] as Material[]).concat((m.material as Material | Material[] | undefined) ?? []);
    for (const material of materials) material.dispose();
  });
}
