/**
 * An exact running sum of finite numbers that values can also leave (a sliding window).
 *
 * The sum is kept as non-overlapping partials (Shewchuk's expansions, as Python's
 * math.fsum keeps them): adding or removing a value is exact, so a window's total never
 * drifts however many values have passed through it, and `value()` is the exact total
 * rounded once to the nearest double. Each step costs O(number of partials), which is 1 to
 * 3 for real data and bounded by the exponent range, so a pass over n values is O(n).
 *
 * Values of magnitude 2^969 (about 2.5e291) or more are kept apart, scaled by 2^-969
 * (exact), so no intermediate sum can overflow; only a window holding such a value rounds
 * its total through BigInt.
 */

const HUGE = 2 ** 969;
const DOWN = 2 ** -969;

/** Adds x to the partials p[0..n) in place (increasing magnitude, non-overlapping); returns the new count. */
function grow(p: Float64Array, n: number, x: number): number {
  let i = 0;
  for (let j = 0; j < n; j++) {
    let y = p[j];
    if (Math.abs(x) < Math.abs(y)) {
      const t = x;
      x = y;
      y = t;
    }
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) p[i++] = lo;
    x = hi;
  }
  p[i++] = x;
  return i;
}

/** The sum of the partials p[0..n), correctly rounded (math.fsum's final step). */
function round(p: Float64Array, n: number): number {
  if (n === 0) return 0;
  let k = n - 1;
  let hi = p[k];
  let lo = 0;
  while (k > 0) {
    const x = hi;
    const y = p[--k];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // Half-way case: the rest of the partials decide which way the tie goes.
  if (k > 0 && ((lo < 0 && p[k - 1] < 0) || (lo > 0 && p[k - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

const bits = new DataView(new ArrayBuffer(8));

/** x * 2^1074 as an exact integer (every finite double is a multiple of 2^-1074). */
function scaled(x: number): bigint {
  bits.setFloat64(0, x);
  const high = bits.getUint32(0);
  const exp = (high >>> 20) & 0x7ff;
  let m = (BigInt(high & 0xfffff) << BigInt(32)) | BigInt(bits.getUint32(4));
  if (exp !== 0) m = (m | (BigInt(1) << BigInt(52))) << BigInt(exp - 1);
  return high >>> 31 ? -m : m;
}

/** t * 2^-1074 rounded to the nearest double (Infinity beyond the range). */
function unscaled(t: bigint): number {
  if (t === BigInt(0)) return 0;
  const negative = t < BigInt(0);
  const a = negative ? -t : t;
  const width = a.toString(2).length;
  const shift = width > 64 ? width - 64 : 0;
  let m = a >> BigInt(shift);
  // A sticky low bit keeps the one rounding of Number() correct for the bits shifted out.
  if (shift > 0 && m << BigInt(shift) !== a) m |= BigInt(1);
  const e = shift - 1074;
  const v = e > 1023 ? Infinity : Number(m) * 2 ** e;
  return negative ? -v : v;
}

export class RunningSum {
  private small: Float64Array = new Float64Array(8);
  private smallN = 0;
  private huge: Float64Array = new Float64Array(8);
  private hugeN = 0;
  /** How many values of magnitude >= 2^969 are in the sum. */
  private hugeCount = 0;

  /** Adds a finite number. */
  add(x: number): void {
    this.put(x, 1);
  }

  /** Removes a finite number added before. */
  remove(x: number): void {
    this.put(-x, -1);
  }

  /** The exact sum, rounded once to the nearest double (±Infinity when it is beyond the range). */
  value(): number {
    const small = round(this.small, this.smallN);
    // + 0: never -0, as a plain sum from 0 never is.
    if (this.hugeCount === 0) return small + 0;
    // A host without BigInt rounds the two parts apart: within an ulp of each part.
    if (typeof BigInt !== "function") return round(this.huge, this.hugeN) * HUGE + small + 0;
    let t = BigInt(0);
    for (let i = 0; i < this.smallN; i++) t += scaled(this.small[i]);
    for (let i = 0; i < this.hugeN; i++) t += scaled(this.huge[i]) << BigInt(969);
    return unscaled(t) + 0;
  }

  private put(x: number, sign: 1 | -1): void {
    if (Math.abs(x) >= HUGE) {
      this.hugeCount += sign;
      if (this.hugeN === this.huge.length) this.huge = enlarge(this.huge);
      this.hugeN = grow(this.huge, this.hugeN, x * DOWN);
    } else {
      if (this.smallN === this.small.length) this.small = enlarge(this.small);
      this.smallN = grow(this.small, this.smallN, x);
    }
  }
}

function enlarge(p: Float64Array): Float64Array {
  const q = new Float64Array(p.length * 2);
  q.set(p);
  return q;
}
