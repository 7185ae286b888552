/**
 * The geometry of the 3-D loss surface (surface3d.ts), as plain arrays: no three.js here, so the
 * arithmetic reads on its own.
 *
 * Scene coordinates: the first parameter runs along x ∈ [−1, 1], the second along −z ∈ [−1, 1]
 * (so from the default camera in front, the second parameter grows away from the viewer, as it
 * grows upward on the 2-D map), and the height y is the *normalised log loss*: the same
 * log(1 + L − min) / log(1 + max − min) ∈ [0, 1] that colours the heat map (colorScale.ts), times
 * HEIGHT. Raw losses span orders of magnitude (Rosenbrock: 0 to 10⁴), and a linear height would
 * flatten every valley into the floor; on the log scale the valley the paths descend into stays
 * visible, and the 2-D and 3-D views share one scale.
 */
import { contours } from 'd3-contour';
import type { StepPoint, SurfaceData } from '../protocol/panelProtocol';
import { logNormalizer, type Normalizer } from './colorScale';

export type Surface2D = Extract<SurfaceData, { kind: '2d' }>;

/** Scene height of the highest loss (the base is 2 × 2): tall enough to read slopes, low enough to fit. */
export const HEIGHT = 0.9;
/** How far paths and contour lines float above the surface, so the surface never hides them. */
export const LIFT = 0.012;
/** Contour levels, as on the 2-D map (contourMap.ts): evenly spaced on the log scale. */
const LEVELS = 14;
/** A path segment longer than this (scene units) is split so it can follow the surface over a ridge. */
const MAX_SEGMENT = 0.05;
/** Paths that leave the sampled square are clamped this far outside it (a diverging run stays in view). */
const OUTSIDE = 1.15;

/** The sampled surface on its grid: t = normalised log loss per sample (NaN where the loss is not finite). */
export interface Grid {
  nx: number;
  ny: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  t: Float32Array;
  norm: Normalizer;
}

export function gridOf(surface: Surface2D): Grid {
  const nx = surface.x.length;
  const ny = surface.y.length;
  const norm = logNormalizer(surface.z.flat());
  const t = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const z = surface.z[j][i];
      t[j * nx + i] = z !== null && Number.isFinite(z) ? norm(z) : NaN;
    }
  return { nx, ny, x0: surface.x[0], x1: surface.x[nx - 1], y0: surface.y[0], y1: surface.y[ny - 1], t, norm };
}

/** Parameter values → scene x and z. */
export function sceneXZ(g: Grid, px: number, py: number): [number, number] {
  const x = ((px - g.x0) / (g.x1 - g.x0 || 1)) * 2 - 1;
  const z = -(((py - g.y0) / (g.y1 - g.y0 || 1)) * 2 - 1);
  return [x, z];
}

/** The surface's normalised height at fractional grid indices (bilinear; NaN in a hole). */
function heightAtIndex(g: Grid, fi: number, fj: number): number {
  const i = Math.min(g.nx - 2, Math.max(0, Math.floor(fi)));
  const j = Math.min(g.ny - 2, Math.max(0, Math.floor(fj)));
  const u = Math.min(1, Math.max(0, fi - i));
  const w = Math.min(1, Math.max(0, fj - j));
  const at = (a: number, b: number) => g.t[b * g.nx + a];
  return (1 - w) * ((1 - u) * at(i, j) + u * at(i + 1, j)) + w * ((1 - u) * at(i, j + 1) + u * at(i + 1, j + 1));
}

/** Scene x ∈ [−1, 1] → fractional grid index along x (and the same for z along y). */
const indexOfX = (g: Grid, x: number) => ((x + 1) / 2) * (g.nx - 1);
const indexOfZ = (g: Grid, z: number) => ((1 - z) / 2) * (g.ny - 1);

/** Positions, colours and triangle indices of the surface mesh; cells touching a hole are left out. */
export function surfaceMesh(
  g: Grid,
  colorOf: (t: number) => [number, number, number],
): { positions: Float32Array; colors: Float32Array; indices: Uint32Array } {
  const { nx, ny } = g;
  const positions = new Float32Array(nx * ny * 3);
  const colors = new Float32Array(nx * ny * 3);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const t = g.t[k];
      positions.set([(i / (nx - 1)) * 2 - 1, Number.isFinite(t) ? t * HEIGHT : 0, 1 - (j / (ny - 1)) * 2], k * 3);
      colors.set(colorOf(Number.isFinite(t) ? t : 1), k * 3);
    }
  const indices: number[] = [];
  for (let j = 0; j < ny - 1; j++)
    for (let i = 0; i < nx - 1; i++) {
      const a = j * nx + i;
      const [b, c, d] = [a + 1, a + nx, a + nx + 1];
      if ([a, b, c, d].every((k) => Number.isFinite(g.t[k]))) indices.push(a, b, d, a, d, c);
    }
  return { positions, colors, indices: Uint32Array.from(indices) };
}

/**
 * The 2-D map's contour lines, each drawn at its own level's height on the surface: the rings of
 * the map become level curves around the valley. Line-segment pairs in scene coordinates.
 */
export function contourSegments(g: Grid): Float32Array {
  const { nx, ny } = g;
  // d3-contour wants no holes: a hole takes the top level, as on the 2-D map.
  const flat = Array.from(g.t, (t) => (Number.isFinite(t) ? t : 1));
  const thresholds = Array.from({ length: LEVELS }, (_, i) => (i + 0.5) / LEVELS);
  const out: number[] = [];
  for (const level of contours().size([nx, ny]).thresholds(thresholds)(flat)) {
    const y = level.value * HEIGHT + LIFT;
    for (const polygon of level.coordinates)
      for (const ring of polygon as Array<Array<[number, number]>>)
        for (let k = 1; k < ring.length; k++) {
          const [a, b] = [ring[k - 1], ring[k]];
          // d3-contour closes rings along the grid's border: those edges are no level curve.
          const border = (p: [number, number]) => p[0] <= 0 || p[0] >= nx || p[1] <= 0 || p[1] >= ny;
          if (border(a) && border(b)) continue;
          // Grid coordinate g puts sample i at g = i + 0.5.
          for (const [gx, gy] of [a, b]) {
            const fi = Math.min(nx - 1, Math.max(0, gx - 0.5));
            const fj = Math.min(ny - 1, Math.max(0, gy - 0.5));
            out.push((fi / (nx - 1)) * 2 - 1, y, 1 - (fj / (ny - 1)) * 2);
          }
        }
  }
  return Float32Array.from(out);
}

/** Whether a step point can be placed: two finite parameters. */
export function placeable(p: StepPoint): boolean {
  return p.params.length >= 2 && Number.isFinite(p.params[0]) && Number.isFinite(p.params[1]);
}

/**
 * A step's point in the scene, slightly above the surface. Its height is the run's own loss on the
 * normalised log scale, but never below the surface: the mesh's flat triangles sit above a convex
 * valley's true value, and a slice of a many-parameter loss (or a mini-batch's noisy loss) is not
 * the sampled surface at all, and a path under the surface would be hidden.
 */
export function pointInScene(g: Grid, p: StepPoint): [number, number, number] {
  const clamp = (v: number) => Math.min(OUTSIDE, Math.max(-OUTSIDE, v));
  const [x, z] = sceneXZ(g, p.params[0], p.params[1]).map(clamp);
  return [x, liftedHeight(g, x, z, Number.isFinite(p.loss) ? g.norm(p.loss) : 1), z];
}

function liftedHeight(g: Grid, x: number, z: number, t: number): number {
  const ground = heightAtIndex(g, indexOfX(g, x), indexOfZ(g, z));
  return Math.max(t, Number.isFinite(ground) ? ground : 0) * HEIGHT + LIFT;
}

/**
 * A run's polyline in the scene (x, y, z triples). A long step is split so that where the straight
 * chord would pass under the surface (over a ridge) the line follows the surface instead.
 */
export function pathPositions(g: Grid, points: StepPoint[]): number[] {
  const out: number[] = [];
  let prev: [number, number, number] | undefined;
  for (const p of points) {
    const q = pointInScene(g, p);
    if (prev) {
      const n = Math.min(64, Math.ceil(Math.hypot(q[0] - prev[0], q[2] - prev[2]) / MAX_SEGMENT));
      for (let k = 1; k < n; k++) {
        const s = k / n;
        const x = prev[0] + s * (q[0] - prev[0]);
        const z = prev[2] + s * (q[2] - prev[2]);
        const chord = prev[1] + s * (q[1] - prev[1]);
        out.push(x, Math.max(chord, liftedHeight(g, x, z, 0)), z);
      }
    }
    out.push(...q);
    prev = q;
  }
  return out;
}
