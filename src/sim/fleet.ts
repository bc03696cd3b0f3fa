/**
 * Courier state during a run (MODEL.md section 3): parallel typed arrays indexed by courier, with each courier's bag
 * (orders carried or to collect) and plan (the stops still to visit after the current leg). Nothing here allocates
 * after construction.
 */

/** Courier states. */
export const OFF = 0;
export const IDLE = 1;
export const RIDING = 2;
export const SERVICE = 3;
export const BREAK = 4;
export const DONE = 5;

/**
 * A plan stop is `order × 2 + (0 for its pickup, 1 for its drop-off)`; these read it.
 */
export const stopOrder = (stop: number): number => stop >> 1;
export const isDropoff = (stop: number): boolean => (stop & 1) === 1;

/** The state of every courier of one run. */
export class Fleet {
  readonly n: number;
  readonly maxBag: number;
  /** Longest plan: a pickup and a drop-off per order in the bag. */
  readonly planCap: number;
  readonly state: Uint8Array;
  /** 1 when the courier takes no new order and logs off once the bag is empty. */
  readonly closing: Uint8Array;
  /** Where the courier is, or will be at the end of the current leg, km. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly legTarget: Int32Array;
  readonly legPickup: Uint8Array;
  /** Validity token of the courier's scheduled event: a newer schedule supersedes older events. */
  readonly token: Int32Array;
  readonly bag: Int32Array;
  readonly bagCount: Uint8Array;
  readonly plan: Int32Array;
  readonly planLen: Uint8Array;
  /** When the courier is done with the current leg and its service (food wait included), seconds. */
  readonly freeAt: Float64Array;
  readonly maxOnlineSec: Float64Array;
  readonly onlineSince: Float64Array;
  readonly onlineAccum: Float64Array;
  readonly stretchStart: Float64Array;
  readonly longest: Float64Array;
  readonly engagedSince: Float64Array;
  readonly engagedAccum: Float64Array;
  readonly nextBreakCheck: Float64Array;
  readonly breakStartAt: Float64Array;
  readonly loggedOn: Uint8Array;
  /**
   * When (in the sequence of `touch` calls) courier c last changed what an insertion into its plan depends on: the
   * plan, the anchor, freeAt. A result computed after that still holds.
   */
  readonly changedSeq: Float64Array;
  /** The number of `touch` calls so far. */
  seq = 0;

  constructor(n: number, maxBag: number) {
    this.n = n;
    this.maxBag = maxBag;
    this.planCap = 2 * maxBag;
    this.state = new Uint8Array(n);
    this.closing = new Uint8Array(n);
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.legTarget = new Int32Array(n);
    this.legPickup = new Uint8Array(n);
    this.token = new Int32Array(n);
    this.bag = new Int32Array(n * maxBag);
    this.bagCount = new Uint8Array(n);
    this.plan = new Int32Array(n * this.planCap);
    this.planLen = new Uint8Array(n);
    this.freeAt = new Float64Array(n);
    this.maxOnlineSec = new Float64Array(n);
    this.onlineSince = new Float64Array(n);
    this.onlineAccum = new Float64Array(n);
    this.stretchStart = new Float64Array(n);
    this.longest = new Float64Array(n);
    this.engagedSince = new Float64Array(n);
    this.engagedAccum = new Float64Array(n);
    this.nextBreakCheck = new Float64Array(n);
    this.breakStartAt = new Float64Array(n);
    this.loggedOn = new Uint8Array(n);
    this.changedSeq = new Float64Array(n);
  }

  /** Marks courier c's plan, anchor or free time as changed. */
  touch(c: number): void {
    this.changedSeq[c] = ++this.seq;
  }

  /** Online seconds of courier c so far today (breaks and time off excluded). */
  onlineSecAt(c: number, now: number): number {
    const s = this.state[c];
    return s === BREAK || s === DONE || s === OFF
      ? (this.onlineAccum[c] as number)
      : (this.onlineAccum[c] as number) + now - (this.onlineSince[c] as number);
  }

  /** Clears a courier's day: off, empty bag and plan, no online time. */
  resetDay(c: number): void {
    this.touch(c);
    this.state[c] = OFF;
    this.closing[c] = 0;
    this.bagCount[c] = 0;
    this.planLen[c] = 0;
    this.onlineAccum[c] = 0;
    this.engagedAccum[c] = 0;
    this.longest[c] = 0;
    this.loggedOn[c] = 0;
  }

  /** Removes the plan entry at index k of courier c. */
  planRemoveAt(c: number, k: number): void {
    this.touch(c);
    const base = c * this.planCap;
    const len = this.planLen[c] as number;
    for (let i = k; i < len - 1; i++) this.plan[base + i] = this.plan[base + i + 1] as number;
    this.planLen[c] = len - 1;
  }

  /**
   * Puts order o in courier c's bag and its two stops in the plan: the drop-off at index `dropAt` of the plan without
   * the pickup, then the pickup at `pickupAt` before it.
   */
  take(c: number, o: number, pickupAt: number, dropAt: number): void {
    this.touch(c);
    this.bag[c * this.maxBag + (this.bagCount[c] as number)] = o;
    this.bagCount[c] = (this.bagCount[c] as number) + 1;
    const base = c * this.planCap;
    let len = this.planLen[c] as number;
    for (let k = len; k > dropAt; k--) this.plan[base + k] = this.plan[base + k - 1] as number;
    this.plan[base + dropAt] = o * 2 + 1;
    len++;
    for (let k = len; k > pickupAt; k--) this.plan[base + k] = this.plan[base + k - 1] as number;
    this.plan[base + pickupAt] = o * 2;
    this.planLen[c] = len + 1;
  }

  /** Takes order o out of courier c's bag (the order of the rest does not matter). */
  removeFromBag(c: number, o: number): void {
    const base = c * this.maxBag;
    const count = this.bagCount[c] as number;
    for (let k = 0; k < count; k++) {
      if (this.bag[base + k] === o) {
        this.bag[base + k] = this.bag[base + count - 1] as number;
        this.bagCount[c] = count - 1;
        return;
      }
    }
  }
}
