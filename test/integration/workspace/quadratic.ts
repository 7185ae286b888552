// L(w) = (w - 3)^2
export function loss(w: number) {
  return (w - 3) ** 2;
}

export const init = -2;
export const config = { optimizer: 'sgd', learningRate: 0.1, steps: 30 };
