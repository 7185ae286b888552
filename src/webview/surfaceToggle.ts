/**
 * The surface box of a two-parameter loss: the 2-D contour map (the default) or the 3-D view
 * (surface3d.ts), chosen by a pair of toggle buttons above the picture.
 *
 * It is a ContourMap that also keeps what it is told (the surface, every run's colour, points and
 * visibility, the playback cursor) and passes it on to the 3-D view, so the panel feeds one object
 * exactly as before and both views always show the same runs. The 3-D view (a WebGL context) is
 * created the first time the learner asks for it, from what was kept; only one exists at a time.
 */
import type { PanelStrings, StepPoint, SurfaceData } from '../protocol/panelProtocol';
import { ContourMap } from './contourMap';
import { Surface3D } from './surface3d';

type Surface2D = Extract<SurfaceData, { kind: '2d' }>;
type Mode = '2d' | '3d';

/** The learner's last choice, kept while the panel is rebuilt for another run or teaching view. */
let preferred: Mode = '2d';
/** The 3-D view alive in the panel: a new one replaces it (WebGL contexts are few). */
let live3d: Surface3D | undefined;

interface Kept {
  color: string;
  points: StepPoint[];
  visible: boolean;
}

export class ContourMapWith3D extends ContourMap {
  /** The two toggle buttons (a group), to put above the picture. */
  readonly toggle: HTMLElement;
  /** Where the 3-D view goes, below the toggle in place of the map. */
  readonly holder: HTMLElement;
  private view3d: Surface3D | undefined;
  private kept2d: Surface2D | undefined;
  private readonly kept = new Map<string, Kept>();
  private keptCursor: { point: StepPoint | undefined; color: string } = { point: undefined, color: '' };
  private keptCompanions: Array<{ point: StepPoint; color: string }> = [];
  private readonly buttons: Record<Mode, HTMLButtonElement>;

  /** `mapParts`: the map's canvas and hint, hidden while the 3-D view shows. */
  constructor(
    canvas: HTMLCanvasElement,
    onPick: (point: [number, number]) => void,
    private readonly strings: PanelStrings,
    private readonly mapParts: HTMLElement[],
  ) {
    super(canvas, onPick);
    this.toggle = document.createElement('div');
    this.toggle.className = 'surface-toggle';
    this.toggle.setAttribute('role', 'group');
    this.toggle.setAttribute('aria-label', strings.surfaceView);
    const button = (mode: Mode, text: string) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'surface-toggle-button';
      b.id = `surface-view-${mode}`;
      b.textContent = text;
      b.addEventListener('click', () => this.show(mode));
      return b;
    };
    this.buttons = { '2d': button('2d', strings.surfaceMap2d), '3d': button('3d', strings.surface3d) };
    this.toggle.append(this.buttons['2d'], this.buttons['3d']);
    this.holder = document.createElement('div');
    this.holder.className = 'surface-3d-holder';
    this.show(preferred);
  }

  /** Shows the 2-D map or the 3-D view (creating the latter on first use). */
  show(mode: Mode): void {
    preferred = mode;
    for (const m of ['2d', '3d'] as const) this.buttons[m].setAttribute('aria-pressed', String(m === mode));
    for (const part of this.mapParts) part.hidden = mode === '3d';
    this.holder.hidden = mode === '2d';
    if (mode === '3d' && !this.view3d) this.view3d = this.create3d();
  }

  override setSurface(surface: Surface2D): void {
    super.setSurface(surface);
    this.kept2d = surface;
    this.view3d?.setSurface(surface);
  }

  override addRun(runId: string, color: string): void {
    super.addRun(runId, color);
    this.kept.set(runId, { color, points: [], visible: true });
    this.view3d?.addRun(runId, color);
  }

  override addPoints(runId: string, points: StepPoint[]): void {
    super.addPoints(runId, points);
    this.kept.get(runId)?.points.push(...points);
    this.view3d?.addPoints(runId, points);
  }

  override setVisible(runId: string, visible: boolean): void {
    super.setVisible(runId, visible);
    const k = this.kept.get(runId);
    if (k) k.visible = visible;
    this.view3d?.setVisible(runId, visible);
  }

  override setCursor(point: StepPoint | undefined, color: string): void {
    super.setCursor(point, color);
    this.keptCursor = { point, color };
    this.view3d?.setCursor(point, color);
  }

  override setCompanions(points: Array<{ point: StepPoint; color: string }>): void {
    super.setCompanions(points);
    this.keptCompanions = points;
    this.view3d?.setCompanions(points);
  }

  /** Called on a theme change (panelView.ts): the 3-D view re-reads its colours too. */
  override redraw(): void {
    super.redraw();
    this.view3d?.applyTheme();
  }

  private create3d(): Surface3D {
    live3d?.destroy();
    const s = this.strings;
    const view = new Surface3D(this.holder, {
      label: s.surface3dLabel,
      hint: s.surface3dHint,
      resetView: s.resetView,
      webglUnavailable: s.webglUnavailable,
    });
    live3d = view;
    if (this.kept2d) view.setSurface(this.kept2d);
    for (const [runId, k] of this.kept) {
      view.addRun(runId, k.color);
      view.addPoints(runId, k.points);
      view.setVisible(runId, k.visible);
    }
    view.setCompanions(this.keptCompanions);
    view.setCursor(this.keptCursor.point, this.keptCursor.color);
    return view;
  }
}
