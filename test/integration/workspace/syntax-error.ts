export function loss(w: number) {
  const a = (w - 3;
  return a * a;
}
