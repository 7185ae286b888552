// No step count anywhere (no config.steps): a run stops once it has converged.
export function loss(w: number) {
  return (w - 3) ** 2;
}

export const init = -2;
