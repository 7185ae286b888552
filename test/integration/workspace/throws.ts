function helper(w: number): number {
  if (w < 100) throw new Error('boom');
  return w;
}

export function loss(w: number) {
  return helper(w) ** 2;
}

export const init = 1;
