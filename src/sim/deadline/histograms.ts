/**
 * Histograms of delivery durations per cell (distance band × hour) for the `deliveryDuration` basis, held sparsely:
 * a cell has bins only once a delivery falls in it. A large city's grid is 24 hours × 131 bands × 480 bins; its
 * orders fill a third of the cells or less (short distances, daytime hours), and a dense grid kept 6 MB per day of
 * history and per learner, and as much again for the window's sum and its prefix sums. Sums over blocks of cells
 * are exact (whole numbers), so percentiles are the same as the dense grid's to the last bit.
 */

/** Duration histogram resolution: 30-second bins up to 4 hours; longer deliveries go in the last bin. */
export const DURATION_BIN_SEC = 30;
export const DURATION_BINS = 480;
/** The largest count a bin holds (32 bits). */
const MAX_UINT32 = 0xffffffff;

/** The histograms of `cells` cells, a cell's bins allocated at its first count. */
export class CellHistograms {
  /** Per cell: the slot of its bins in `data`, or −1 while it has none. */
  readonly slotOf: Int32Array;
  /** Slot s holds bins [s × DURATION_BINS, (s + 1) × DURATION_BINS). */
  data: Uint32Array;
  /** Slots in use. */
  slots = 0;

  constructor(
    readonly cells: number,
    room = 8,
  ) {
    this.slotOf = new Int32Array(cells).fill(-1);
    this.data = new Uint32Array(Math.max(1, room) * DURATION_BINS);
  }

  /** A grid from dense counts (cell-major, DURATION_BINS per cell); refuses anything but whole numbers below 2^32. */
  static fromDense(counts: ArrayLike<number>, cells: number): CellHistograms {
    const h = new CellHistograms(cells);
    for (let cell = 0; cell < cells; cell++) {
      for (let i = 0; i < DURATION_BINS; i++) {
        const n = counts[cell * DURATION_BINS + i] as number;
        if (n === 0) continue;
        if (!Number.isInteger(n) || n < 0) throw new RangeError('a histogram holds counts (whole numbers)');
        h.add(cell, i, n);
      }
    }
    return h;
  }

  /** Adds `n` deliveries to bin `bin` of `cell`. */
  add(cell: number, bin: number, n = 1): void {
    const at = this.slot(cell) * DURATION_BINS + bin;
    const next = (this.data[at] as number) + n;
    if (next > MAX_UINT32) throw new RangeError('a histogram bin holds fewer than 2^32 deliveries');
    this.data[at] = next;
  }

  /** Adds every count of `other` (a grid of the same cells). */
  addAll(other: CellHistograms): void {
    for (let cell = 0; cell < this.cells; cell++) {
      const from = other.slotOf[cell] as number;
      if (from < 0) continue;
      const at = this.slot(cell) * DURATION_BINS;
      const src = from * DURATION_BINS;
      for (let i = 0; i < DURATION_BINS; i++) {
        const next = (this.data[at + i] as number) + (other.data[src + i] as number);
        if (next > MAX_UINT32) throw new RangeError('a histogram bin holds fewer than 2^32 deliveries');
        this.data[at + i] = next;
      }
    }
  }

  /** Deliveries counted in `cell`. */
  total(cell: number): number {
    const s = this.slotOf[cell] as number;
    if (s < 0) return 0;
    let n = 0;
    for (let i = s * DURATION_BINS, end = i + DURATION_BINS; i < end; i++) n += this.data[i] as number;
    return n;
  }

  /** Empties every cell, keeping the memory for the next use. */
  clear(): void {
    this.slotOf.fill(-1);
    this.data.fill(0, 0, this.slots * DURATION_BINS);
    this.slots = 0;
  }

  /** Gives back the room no cell uses (a day's histograms, once closed, never grow). */
  trim(): void {
    if (this.data.length > this.slots * DURATION_BINS) this.data = this.data.slice(0, this.slots * DURATION_BINS);
  }

  /** An independent copy. */
  clone(): CellHistograms {
    const copy = new CellHistograms(this.cells, 1);
    copy.slotOf.set(this.slotOf);
    copy.data = this.data.slice();
    copy.slots = this.slots;
    return copy;
  }

  /** The slot of `cell`, allocated (zeroed) when it has none. */
  private slot(cell: number): number {
    let s = this.slotOf[cell] as number;
    if (s >= 0) return s;
    s = this.slots++;
    if (this.slots * DURATION_BINS > this.data.length) {
      const grown = new Uint32Array(Math.max(this.slots, this.data.length / DURATION_BINS) * 2 * DURATION_BINS);
      grown.set(this.data);
      this.data = grown;
    }
    this.slotOf[cell] = s;
    return s;
  }
}

/**
 * Sums of a grid of histograms (`segments × bands` cells, cell = segment × bands + band) over rectangles of
 * neighbouring cells: counts through two-dimensional prefix sums of the cells' totals, percentiles by adding up the
 * bins of the rectangle's cells that have any (sparse cells borrow from their neighbours).
 */
export class HistogramGrid {
  /** countPrefix[(s + 1) × (bands + 1) + (b + 1)]: the deliveries of segments ≤ s and bands ≤ b. */
  private readonly countPrefix: Float64Array;
  /** The summed bins of the last rectangle a percentile was asked of. */
  private readonly rect = new Float64Array(DURATION_BINS);

  constructor(
    private readonly cells: CellHistograms,
    private readonly segments: number,
    private readonly bands: number,
  ) {
    const w = bands + 1;
    this.countPrefix = new Float64Array((segments + 1) * w);
    for (let s = 0; s < segments; s++) {
      for (let b = 0; b < bands; b++) {
        this.countPrefix[(s + 1) * w + (b + 1)] =
          cells.total(s * bands + b) +
          (this.countPrefix[s * w + (b + 1)] as number) +
          (this.countPrefix[(s + 1) * w + b] as number) -
          (this.countPrefix[s * w + b] as number);
      }
    }
  }

  /** Deliveries counted in segments s0..s1 × bands b0..b1. */
  count(s0: number, s1: number, b0: number, b1: number): number {
    const w = this.bands + 1;
    const p = this.countPrefix;
    return (
      (p[(s1 + 1) * w + (b1 + 1)] as number) -
      (p[s0 * w + (b1 + 1)] as number) -
      (p[(s1 + 1) * w + b0] as number) +
      (p[s0 * w + b0] as number)
    );
  }

  /**
   * The p-th percentile (0–100), seconds, of the durations in segments s0..s1 × bands b0..b1, interpolated inside
   * the bin; undefined when they hold nothing.
   */
  quantile(s0: number, s1: number, b0: number, b1: number, p: number): number | undefined {
    const total = this.count(s0, s1, b0, b1);
    if (total === 0) return undefined;
    const { rect, cells } = this;
    const { data, slotOf } = cells;
    rect.fill(0);
    for (let s = s0; s <= s1; s++) {
      for (let b = b0; b <= b1; b++) {
        const slot = slotOf[s * this.bands + b] as number;
        if (slot < 0) continue;
        const at = slot * DURATION_BINS;
        for (let i = 0; i < DURATION_BINS; i++) rect[i] = (rect[i] as number) + (data[at + i] as number);
      }
    }
    const target = (p / 100) * total;
    let cum = 0;
    for (let i = 0; i < DURATION_BINS; i++) {
      const n = rect[i] as number;
      if (n > 0 && cum + n >= target) return (i + (target - cum) / n) * DURATION_BIN_SEC;
      cum += n;
    }
    return DURATION_BINS * DURATION_BIN_SEC;
  }
}
