/**
 * The order in which the rolling dispatcher's bundling takes a batch's orders (bundles.ts): by ready time, then order
 * index. A merge sort over typed arrays, so a batch sorts without allocating or calling a comparator closure.
 */

/** Sorts `a[0..n)` by ready time, then order index (a merge sort, `tmp` at least n long): a total order. */
export function sortByReady(a: Int32Array, n: number, ready: Float64Array, tmp: Int32Array): void {
  const before = (x: number, y: number): boolean => {
    const rx = ready[x] as number;
    const ry = ready[y] as number;
    return rx < ry || (rx === ry && x < y);
  };
  const RUN = 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(n, lo + RUN);
    for (let k = lo + 1; k < hi; k++) {
      const x = a[k] as number;
      let j = k - 1;
      while (j >= lo && before(x, a[j] as number)) {
        a[j + 1] = a[j] as number;
        j--;
      }
      a[j + 1] = x;
    }
  }
  let src = a;
  let dst = tmp;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi)
        dst[k++] = before(src[j] as number, src[i] as number) ? (src[j++] as number) : (src[i++] as number);
      while (i < mid) dst[k++] = src[i++] as number;
      while (j < hi) dst[k++] = src[j++] as number;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== a) a.set(src.subarray(0, n));
}
