/**
 * Logarithm and exponential from the four basic operations and sqrt only. Those are correctly rounded by IEEE 754
 * in every JavaScript engine, while Math.log, Math.exp, Math.sin and friends are not specified to the last bit and
 * did differ between Node's V8 and Chromium's: the same scenario and seed must give byte-identical results in both.
 * Accurate to a few units in the last place, which is plenty for sampling; what matters is that it is the same.
 */

// ln 2 split so that k × LN2_HI is exact for the |k| ≤ 1100 used here (fdlibm's split).
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LN2 = 0.6931471805599453;
/** 2^0 … 2^64, built by doubling (exact), so no engine's Math.pow is involved. */
const POW2: number[] = [1];
for (let i = 1; i <= 64; i++) POW2.push((POW2[i - 1] as number) * 2);
const TWO_64 = POW2[64] as number;
const TWO_MINUS_64 = 1 / TWO_64;

/** Natural logarithm (0 → −Infinity, negative or NaN → NaN). */
export function detLog(x: number): number {
  if (x !== x || x < 0) return Number.NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  // x = m × 2^e with m in [√½, √2]; scaling by powers of two is exact.
  let m = x;
  let e = 0;
  while (m >= TWO_64) {
    m *= TWO_MINUS_64;
    e += 64;
  }
  while (m < TWO_MINUS_64) {
    m *= TWO_64;
    e -= 64;
  }
  while (m >= 2) {
    m *= 0.5;
    e++;
  }
  while (m < 1) {
    m *= 2;
    e--;
  }
  if (m > Math.SQRT2) {
    m *= 0.5;
    e++;
  }
  // ln m = 2 atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172: the odd series to s^31 is below 1e-22 relative.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = s;
  for (let k = 3; k <= 31; k += 2) {
    term *= s2;
    sum += term / k;
  }
  return e * LN2_HI + (e * LN2_LO + 2 * sum);
}

/** e^x (overflow → Infinity, underflow → 0, NaN → NaN). */
export function detExp(x: number): number {
  if (x !== x) return Number.NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  // x = k ln 2 + r with |r| ≤ ln2/2; e^r by its Taylor series to r^22 (below 1e-26 relative).
  const k = Math.round(x / LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 22; n++) {
    term *= r / n;
    sum += term;
  }
  // Multiply by 2^k in exact steps.
  let out = sum;
  let p = k;
  while (p > 0) {
    const step = p > 64 ? 64 : p;
    out *= POW2[step] as number;
    p -= step;
  }
  while (p < 0) {
    const step = -p > 64 ? 64 : -p;
    out /= POW2[step] as number;
    p += step;
  }
  return out;
}
