export function loss([x, y]: number[]) {
  return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2;
}

export const init = [-1.2, 1];
export const config = { optimizer: 'adam', learningRate: 0.05, steps: 200 };
