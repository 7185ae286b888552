/**
 * The three.js objects of the 3-D view (surface3d.ts), built from the geometry's plain arrays
 * (surface3dGeometry.ts) and the theme's colours: the lights, the surface with its contour lines
 * and frame, a run's path with its start ● and end ■ markers, and playback's markers. Every
 * builder returns new objects; the view owns them, and frees them with disposeTree.
 */
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
  SphereGeometry,
  SRGBColorSpace,
  BackSide,
  type Material,
  type Object3D,
} from 'three';
import { Line2 } from 'three/examples/jsm/lines/Line2.js';
import { LineGeometry } from 'three/examples/jsm/lines/LineGeometry.js';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import type { StepPoint } from '../protocol/panelProtocol';
import { rampColor } from './colorScale';
import { chartTheme, rgbOf, themedColor } from './theme';
import { HEIGHT, contourSegments, pathPositions, pointInScene, surfaceMesh, type Grid } from './surface3dGeometry';

/** A step point to mark, in the colour of its run. */
export interface MarkedPoint {
  point: StepPoint;
  color: string;
}

/** The ball and the box every marker shares (one geometry each); disposeTree is told to keep them. */
export interface MarkerShapes {
  sphere: SphereGeometry;
  box: BoxGeometry;
}

export function markerShapes(): MarkerShapes {
  return { sphere: new SphereGeometry(0.034, 20, 14), box: new BoxGeometry(0.058, 0.058, 0.058) };
}

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

/**
 * Light from above and in front: walls facing away darken, so slopes read as slopes, while the
 * ambient part keeps the viridis colours close to the 2-D map's.
 */
export function lights(): Object3D[] {
  const sun = new DirectionalLight(0xffffff, 1.1);
  sun.position.set(0.6, 2, 1.4);
  return [new AmbientLight(0xffffff, 0.75), sun];
}

/** The surface coloured like the 2-D map, its contour lines, and the frame around it. */
export function surfaceObjects(g: Grid): Object3D[] {
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
  const lines = new LineSegments(isolines, new LineBasicMaterial({ color: 0xffffff, transparent: true, opacity: 0.45, depthWrite: false }));
  lines.renderOrder = DRAWN_AFTER.contours;
  return [new Mesh(geometry, material), lines, frame(theme.grid)];
}

/** A run's path (with its halo, once there are two points) and its start ● and end ■ markers; `points` is not empty. */
export function pathObjects(g: Grid, points: StepPoint[], runColor: string, shapes: MarkerShapes): Object3D[] {
  const out: Object3D[] = [];
  const theme = chartTheme();
  const color = themedColor(runColor);
  const positions = pathPositions(g, points);
  if (positions.length >= 6) {
    out.push(thickLine(positions, theme.background, HALO_WIDTH, 0), thickLine(positions, color, PATH_WIDTH, 1));
  }
  const first = pointInScene(g, points[0]);
  const last = pointInScene(g, points[points.length - 1]);
  out.push(marker(shapes.sphere, first, color, theme.foreground), marker(shapes.box, last, color, theme.foreground));
  return out;
}

/**
 * Playback's markers: a ball at every other run's position (companions), and a larger ball at the
 * chosen step (cursor) with a line down to the floor to read its position.
 */
export function playbackObjects(g: Grid, companions: MarkedPoint[], cursor: MarkedPoint | undefined, shapes: MarkerShapes): Object3D[] {
  const out: Object3D[] = [];
  const theme = chartTheme();
  for (const { point, color } of companions) out.push(marker(shapes.sphere, pointInScene(g, point), themedColor(color), theme.foreground));
  if (cursor) {
    const at = pointInScene(g, cursor.point);
    const ball = marker(shapes.sphere, at, themedColor(cursor.color), theme.foreground);
    ball.scale.setScalar(1.6);
    const drop = new BufferGeometry().setAttribute('position', new Float32BufferAttribute([at[0], at[1], at[2], at[0], 0, at[2]], 3));
    out.push(ball, new LineSegments(drop, new LineBasicMaterial({ color: srgb(theme.foreground) })));
  }
  return out;
}

/** A ball or a box in the run's colour with an outline in the foreground colour (a slightly larger back face). */
function marker(shape: BufferGeometry, at: [number, number, number], color: string, outline: string): Group {
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

/** A CSS colour (a theme variable resolves to any CSS form) as a three.js colour. */
export function srgb(css: string): Color {
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
export function disposeTree(root: Object3D, keep: BufferGeometry[] = []): void {
  root.traverse((o) => {
    const m = o as Partial<Mesh>;
    if (m.geometry && !keep.includes(m.geometry)) m.geometry.dispose();
    const materials = ([] as Material[]).concat((m.material as Material | Material[] | undefined) ?? []);
    for (const material of materials) material.dispose();
  });
}
