/**
 * Small seeded datasets for networks (same seed → same points): { x: rows of inputs, y: labels
 * or targets }. Shapes follow scikit-learn's generators the learner may meet later.
 */
import { mulberry32, normal } from './random';

export interface Dataset {
  x: number[][];
  y: number[];
}

interface Options {
  n?: number;
  noise?: number;
  seed?: number;
}

/** Two interleaving half circles (binary classification). */
export function moons({ n = 200, noise = 0.1, seed = 0 }: Options = {}): Dataset {
  const r = mulberry32(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const t = Math.PI * r();
    const point = label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    x.push([point[0] + noise * normal(r), point[1] + noise * normal(r)]);
    y.push(label);
  }
  return { x, y };
}

/** A small circle inside a larger one (binary classification). */
export function circles({ n = 200, noise = 0.05, seed = 0, factor = 0.5 }: Options & { factor?: number } = {}): Dataset {
  const r = mulberry32(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const t = 2 * Math.PI * r();
    const radius = label === 1 ? factor : 1;
    x.push([radius * Math.cos(t) + noise * normal(r), radius * Math.sin(t) + noise * normal(r)]);
    y.push(label);
  }
  return { x, y };
}

/** k interleaved spirals (multi-class classification). */
export function spirals({ n = 300, noise = 0.05, seed = 0, classes = 2 }: Options & { classes?: number } = {}): Dataset {
  const r = mulberry32(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % classes;
    const t = (Math.floor(i / classes) / Math.ceil(n / classes)) * 3 * Math.PI + 0.3;
    const radius = t / (3 * Math.PI);
    const angle = t + (2 * Math.PI * label) / classes;
    x.push([radius * Math.cos(angle) + noise * normal(r), radius * Math.sin(angle) + noise * normal(r)]);
    y.push(label);
  }
  return { x, y };
}

/** y = slope·x + intercept + noise (regression). */
export function linear({
  n = 100,
  noise = 0.3,
  seed = 0,
  slope = 2,
  intercept = -1,
}: Options & { slope?: number; intercept?: number } = {}): Dataset {
  const r = mulberry32(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = 4 * r() - 2;
    x.push([v]);
    y.push(slope * v + intercept + noise * normal(r));
  }
  return { x, y };
}

/** The XOR pattern: label 1 where the two coordinates have different signs. */
export function xor({ n = 200, noise = 0.1, seed = 0 }: Options = {}): Dataset {
  const r = mulberry32(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = 2 * r() - 1;
    const b = 2 * r() - 1;
    x.push([a + noise * normal(r), b + noise * normal(r)]);
    y.push(a * b < 0 ? 1 : 0);
  }
  return { x, y };
}

/** Seeded split into train and test sets (`ratio` of the samples go to train). */
export function trainTestSplit(d: Dataset, ratio = 0.8, seed = 0): { train: Dataset; test: Dataset } {
  const r = mulberry32(seed);
  const idx = d.x.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  const cut = Math.round(ratio * idx.length);
  const pick = (ids: number[]): Dataset => ({ x: ids.map((i) => d.x[i]), y: ids.map((i) => d.y[i]) });
  return { train: pick(idx.slice(0, cut)), test: pick(idx.slice(cut)) };
}

export const datasets = { moons, circles, spirals, linear, xor, trainTestSplit };
