/**
 * A grid over the city holding the couriers who can take an order, by the cell of their anchor (where they are or
 * will be at the end of the current leg), as doubly linked lists per cell. Dispatch asks it for the nearest usable
 * couriers around a restaurant with a ring search that stops once the wanted number are certain.
 */

/** Euclidean length of (dx, dy); Math.hypot is much slower in V8 and not bit-identical across engines. */
export const dist = (dx: number, dy: number): number => Math.sqrt(dx * dx + dy * dy);

/** Whether courier c can take an order at `now` (e.g. not away on another platform). */
export type Usable = (c: number, now: number) => boolean;

/** The grid of eligible couriers and the scratch of one candidate search. */
export class SpatialGrid {
  readonly cellKm: number;
  readonly cols: number;
  readonly rows: number;
  private readonly cellHead: Int32Array;
  private readonly cellNext: Int32Array;
  private readonly cellPrev: Int32Array;
  private readonly cellOf: Int32Array;
  private readonly maxRing: number;
  /**
   * Counts couriers entering a cell (and, through `touch`, orders entering plans): either may give a search that
   * failed a courier it lacked, so memos of failed searches hold only while this count is unchanged.
   */
  version = 0;

  /** Candidates of the last search, nearest first: courier and straight distance to the point. */
  readonly candC: Int32Array;
  readonly candD: Float64Array;
  /** Whether the last search's cells held any usable courier, at whatever distance. */
  sawUsable = false;

  // Memo: the cells whose search square held nobody usable at a tick (and grid version).
  private readonly emptyTick: Float64Array;
  private readonly emptyVersion: Float64Array;
  // The cells of a search's square as offsets from its home cell, nearest first (see cellOffsets).
  private readonly offX: Int32Array;
  private readonly offY: Int32Array;
  private readonly offLb: Float64Array;
  // The usable couriers of each cell at one tick, listed when a search first reads the cell and read by every later
  // search that tick until a courier enters or leaves the cell (usability depends on the courier and the time only).
  private packNow = Number.NaN;
  private packEpoch = 0;
  private packTop = 0;
  private readonly packOf: Int32Array;
  private readonly packStart: Int32Array;
  private readonly packLen: Int32Array;
  private readonly packC: Int32Array;

  constructor(
    widthKm: number,
    heightKm: number,
    couriers: number,
    private readonly maxKm: number,
    private readonly usable: Usable,
  ) {
    this.cellKm = Math.min(2, Math.max(0.25, Math.sqrt((widthKm * heightKm) / couriers)));
    this.cols = Math.max(1, Math.ceil(widthKm / this.cellKm));
    this.rows = Math.max(1, Math.ceil(heightKm / this.cellKm));
    this.cellHead = new Int32Array(this.cols * this.rows).fill(-1);
    this.cellNext = new Int32Array(couriers).fill(-1);
    this.cellPrev = new Int32Array(couriers).fill(-1);
    this.cellOf = new Int32Array(couriers).fill(-1);
    this.maxRing = Math.ceil(maxKm / this.cellKm) + 1;
    // A search scans ring r when r ≤ maxRing and (r − 1) cells ≤ maxKm.
    let rings = 0;
    while (rings + 1 <= this.maxRing && rings * this.cellKm <= maxKm) rings++;
    const off = cellOffsets(rings, this.cellKm);
    this.offX = off.x;
    this.offY = off.y;
    this.offLb = off.lb;
    this.packOf = new Int32Array(this.cols * this.rows).fill(-1);
    this.packStart = new Int32Array(this.cols * this.rows);
    this.packLen = new Int32Array(this.cols * this.rows);
    this.packC = new Int32Array(couriers);
    this.candC = new Int32Array(couriers + 1);
    this.candD = new Float64Array(couriers + 1);
    this.emptyTick = new Float64Array(this.cols * this.rows).fill(-1);
    this.emptyVersion = new Float64Array(this.cols * this.rows).fill(-1);
  }

  /** The cell of a point (clamped to the grid). */
  cellIndex(px: number, py: number): number {
    let cx = Math.floor(px / this.cellKm);
    let cy = Math.floor(py / this.cellKm);
    if (cx >= this.cols) cx = this.cols - 1;
    if (cy >= this.rows) cy = this.rows - 1;
    if (cx < 0) cx = 0;
    if (cy < 0) cy = 0;
    return cy * this.cols + cx;
  }

  /** Puts courier c in the cell of (px, py) when `eligible`, or takes it out of the grid. */
  update(c: number, eligible: boolean, px: number, py: number): void {
    const want = eligible ? this.cellIndex(px, py) : -1;
    const have = this.cellOf[c] as number;
    if (want === have) return;
    if (have >= 0) {
      this.packOf[have] = -1;
      const p = this.cellPrev[c] as number;
      const nx = this.cellNext[c] as number;
      if (p >= 0) this.cellNext[p] = nx;
      else this.cellHead[have] = nx;
      if (nx >= 0) this.cellPrev[nx] = p;
    }
    if (want >= 0) {
      this.packOf[want] = -1;
      this.version++;
      const head = this.cellHead[want] as number;
      this.cellNext[c] = head;
      this.cellPrev[c] = -1;
      if (head >= 0) this.cellPrev[head] = c;
      this.cellHead[want] = c;
    }
    this.cellOf[c] = want;
  }

  /** Empties the grid and forgets its memos, as a new grid would be (a replayed day starts afresh). */
  reset(): void {
    this.packOf.fill(-1);
    this.cellHead.fill(-1);
    this.cellOf.fill(-1);
    this.emptyTick.fill(-1);
    this.emptyVersion.fill(-1);
  }

  /** Something that may make a failed search succeed happened elsewhere (an order entered a plan). */
  touch(): void {
    this.version++;
  }

  /**
   * Finds the `wanted` nearest usable couriers within maxKm of (rx, ry), nearest first in `candC`/`candD` (equal
   * distances by courier index, so the result never depends on the lists' order), scanning the cells of a square of
   * rings around the point's cell, nearest cells first, until no courier further out can be nearer. Returns how many
   * were found (at most `wanted`). `x`, `y` are the anchors.
   */
  search(rx: number, ry: number, wanted: number, now: number, x: Float64Array, y: Float64Array): number {
    const { cols, rows, cellKm, maxKm, candC, candD, offX, offY, offLb, packC } = this;
    const homeX = Math.min(cols - 1, Math.max(0, Math.floor(rx / cellKm)));
    const homeY = Math.min(rows - 1, Math.max(0, Math.floor(ry / cellKm)));
    const home = homeY * cols + homeX;
    this.sawUsable = false;
    if (this.emptyTick[home] === now && this.emptyVersion[home] === this.version) return 0;
    if (now !== this.packNow) {
      this.packNow = now;
      this.packEpoch++;
      this.packTop = 0;
    }
    let sawUsable = false;
    let count = 0;
    for (let i = 0; i < offLb.length; i++) {
      const lowerKm = offLb[i] as number;
      // Every courier in this cell or a later one is at least lowerKm away: stop once the wanted are all nearer than
      // that; and past maxKm a cell holds no candidate, only news of someone usable (for the memo below).
      if (count >= wanted && (candD[count - 1] as number) < lowerKm) break;
      if (sawUsable && lowerKm > maxKm) break;
      const cx = homeX + (offX[i] as number);
      const cy = homeY + (offY[i] as number);
      if (cx < 0 || cx >= cols || cy < 0 || cy >= rows) continue;
      const cell = cy * cols + cx;
      if (this.packOf[cell] !== this.packEpoch) this.pack(cell, now);
      const from = this.packStart[cell] as number;
      const to = from + (this.packLen[cell] as number);
      if (to > from) sawUsable = true;
      for (let p = from; p < to; p++) {
        const c = packC[p] as number;
        const d = dist((x[c] as number) - rx, (y[c] as number) - ry);
        if (d > maxKm) continue;
        // Keep the `wanted` nearest, sorted by (distance, courier): insert in place, dropping the farthest.
        if (count === wanted) {
          const lastD = candD[count - 1] as number;
          if (d > lastD || (d === lastD && c > (candC[count - 1] as number))) continue;
          count--;
        }
        let k = count;
        while (k > 0) {
          const pd = candD[k - 1] as number;
          if (pd < d || (pd === d && (candC[k - 1] as number) < c)) break;
          candD[k] = pd;
          candC[k] = candC[k - 1] as number;
          k--;
        }
        candD[k] = d;
        candC[k] = c;
        count++;
      }
    }
    this.sawUsable = sawUsable;
    if (count === 0 && !sawUsable) {
      // The square scanned is the same for every point of this home cell (the ring limit does not depend on the
      // point); if it held nobody usable, every such search fails this tick.
      this.emptyTick[home] = now;
      this.emptyVersion[home] = this.version;
    }
    return count;
  }

  /** Lists the usable couriers of a cell at `now` (starting over when the list space is used up). */
  private pack(cell: number, now: number): void {
    const { packC } = this;
    let n = 0;
    for (let c = this.cellHead[cell] as number; c >= 0; c = this.cellNext[c] as number) n++;
    if (this.packTop + n > packC.length) {
      this.packEpoch++;
      this.packTop = 0;
    }
    const start = this.packTop;
    let top = start;
    for (let c = this.cellHead[cell] as number; c >= 0; c = this.cellNext[c] as number)
      if (this.usable(c, now)) packC[top++] = c;
    this.packTop = top;
    this.packOf[cell] = this.packEpoch;
    this.packStart[cell] = start;
    this.packLen[cell] = top - start;
  }
}

/**
 * The cells of a search's square (rings 0..`rings` around the home cell) as offsets, nearest first by `lb`: a lower
 * bound on how far any courier in the cell is from any point of the home cell, less a micrometre for rounding.
 */
function cellOffsets(rings: number, cellKm: number): { x: Int32Array; y: Int32Array; lb: Float64Array } {
  const all: { x: number; y: number; lb: number }[] = [];
  for (let oy = -rings; oy <= rings; oy++) {
    for (let ox = -rings; ox <= rings; ox++) {
      const ax = Math.max(0, Math.abs(ox) - 1);
      const ay = Math.max(0, Math.abs(oy) - 1);
      all.push({ x: ox, y: oy, lb: Math.sqrt(ax * ax + ay * ay) * cellKm - 1e-9 });
    }
  }
  all.sort((a, b) => a.lb - b.lb || a.y - b.y || a.x - b.x);
  return {
    x: Int32Array.from(all, (o) => o.x),
    y: Int32Array.from(all, (o) => o.y),
    lb: Float64Array.from(all, (o) => o.lb),
  };
}
