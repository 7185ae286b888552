/**
 * How the learner moves the 3-D view (surface3d.ts): the camera, drag to orbit and the wheel to
 * zoom (OrbitControls), and on the focused canvas the arrow keys turn it, + / − zoom, 0 or Home go
 * back to the first view. The first view is fitted to the canvas's shape, so it is worked out again
 * on every resize. With prefers-reduced-motion a turn has no glide (damping off), and that follows
 * the setting live.
 *
 * The view draws nothing itself: whenever it moves it calls `changed`, and the owner asks for a frame.
 */
import { PerspectiveCamera, Vector3 } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { HEIGHT } from './surface3dGeometry';

/** One keypress turns the view by 15°, and zooms by 20 %. */
const TURN = Math.PI / 12;
const ZOOM = 0.8;
/** The first view: from the front right, 48° above the floor (high enough to see into a steep valley; firstView). */
const AZIMUTH = (35 * Math.PI) / 180;
const ELEVATION = (48 * Math.PI) / 180;
const FOV = 35;
/** The box fills at most this share of the canvas's half-width and half-height in the first view. */
const FILL = 0.94;

export class Surface3DControls {
  readonly camera = new PerspectiveCamera(FOV, 1, 0.05, 50);
  private readonly orbit: OrbitControls;
  private readonly motion = matchMedia('(prefers-reduced-motion: reduce)');
  /** Whether the learner has turned the view since the last reset (a resize then keeps their view). */
  private moved = false;

  constructor(
    canvas: HTMLCanvasElement,
    private readonly changed: () => void,
  ) {
    const first = this.firstView();
    this.camera.position.copy(first.position);
    this.camera.lookAt(first.target);
    const orbit = new OrbitControls(this.camera, canvas);
    orbit.target.copy(first.target);
    orbit.enableDamping = !this.motion.matches;
    orbit.enablePan = false;
    orbit.minDistance = 1.2;
    orbit.maxDistance = 12;
    // From straight above (the 2-D map's view) down to just above the floor, never from underneath.
    orbit.minPolarAngle = 0;
    orbit.maxPolarAngle = Math.PI * 0.49;
    orbit.saveState();
    orbit.addEventListener('change', () => this.changed());
    orbit.addEventListener('start', () => (this.moved = true));
    this.orbit = orbit;
    canvas.addEventListener('keydown', (e) => this.onKey(e));
    this.motion.addEventListener('change', this.onMotionChange);
  }

  /** Back to the first view (the reset button, 0 and Home). */
  reset(): void {
    const orbit = this.orbit;
    // Drop any glide still under way, so the reset view is exactly the first one.
    const damping = orbit.enableDamping;
    orbit.enableDamping = false;
    orbit.update();
    orbit.reset();
    orbit.enableDamping = damping;
    this.moved = false;
    this.changed();
  }

  /** The canvas has a new shape: the camera takes it, and the first view is fitted to it; a view the learner chose is kept. */
  fit(aspect: number): void {
    this.camera.aspect = aspect;
    this.camera.updateProjectionMatrix();
    const first = this.firstView();
    this.orbit.position0.copy(first.position);
    this.orbit.target0.copy(first.target);
    if (!this.moved) this.reset();
  }

  /** Moves the camera on by one frame; true while a drag's or a key's glide (damping) is still settling. */
  update(): boolean {
    return this.orbit.update();
  }

  dispose(): void {
    this.motion.removeEventListener('change', this.onMotionChange);
    this.orbit.dispose();
  }

  private readonly onMotionChange = (): void => {
    this.orbit.enableDamping = !this.motion.matches;
  };

  private onKey(e: KeyboardEvent): void {
    const c = this.orbit;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    // Same directions as dragging: ← turns the surface as a drag to the left does.
    const actions: Record<string, () => void> = {
      ArrowLeft: () => c.rotateLeft(-TURN),
      ArrowRight: () => c.rotateLeft(TURN),
      ArrowUp: () => c.rotateUp(-TURN),
      ArrowDown: () => c.rotateUp(TURN),
      '+': () => c.dollyIn(ZOOM),
      '=': () => c.dollyIn(ZOOM),
      '-': () => c.dollyOut(ZOOM),
      '0': () => this.reset(),
      Home: () => this.reset(),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    if (e.key !== '0' && e.key !== 'Home') this.moved = true;
    action();
    this.changed();
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
}
