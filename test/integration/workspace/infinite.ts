export function loss(w: number) {
  let s = 0;
  while (true) {
    s += w;
  }
  return s;
}

export const init = 1;
