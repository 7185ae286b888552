// A loss file with no Korean in it, hovered by language.test.ts in English and in Korean mode.
export function loss(w: number) {
  const localMinimum = 3;
  const gradient = 2 * (w - localMinimum);
  return (w - localMinimum) ** 2 + 0 * gradient;
}

export const init = -2;
export const config = { optimizer: 'momentum', learningRate: 0.1, steps: 30 };
