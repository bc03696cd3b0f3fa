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
      const p = this.cellPrev[c] as number;
      const nx = this.cellNext[c] as number;
      if (p >= 0) this.cellNext[p] = nx;
      else this.cellHead[have] = nx;
      if (nx >= 0) this.cellPrev[nx] = p;
    }
    if (want >= 0) {
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
   * distances by courier index, so the result never depends on the lists' order), scanning rings of cells until no
   * courier further out can be nearer. Returns how many were found (at most `wanted`). `x`, `y` are the anchors.
   */
  search(rx: number, ry: number, wanted: number, now: number, x: Float64Array, y: Float64Array): number {
    const { cols, rows, cellKm, maxKm, candC, candD } = this;
    const homeX = Math.min(cols - 1, Math.max(0, Math.floor(rx / cellKm)));
    const homeY = Math.min(rows - 1, Math.max(0, Math.floor(ry / cellKm)));
    const home = homeY * cols + homeX;
    this.sawUsable = false;
    if (this.emptyTick[home] === now && this.emptyVersion[home] === this.version) return 0;
    let sawUsable = false;
    let count = 0;
    for (let ring = 0; ring <= this.maxRing; ring++) {
      const lowerKm = (ring - 1) * cellKm;
      if (lowerKm > maxKm) break;
      // Every courier in this ring or beyond is at least lowerKm away: stop once the wanted are all nearer than that.
      if (count >= wanted && lowerKm > 0 && (candD[count - 1] as number) < lowerKm) break;
      const x0 = homeX - ring;
      const x1 = homeX + ring;
      const y0 = homeY - ring;
      const y1 = homeY + ring;
      for (let cy = y0; cy <= y1; cy++) {
        if (cy < 0 || cy >= rows) continue;
        const edgeRow = cy === y0 || cy === y1;
        for (let cx = x0; cx <= x1; cx += edgeRow || ring === 0 ? 1 : x1 - x0) {
          if (cx < 0 || cx >= cols) continue;
          for (let c = this.cellHead[cy * cols + cx] as number; c >= 0; c = this.cellNext[c] as number) {
            if (!this.usable(c, now)) continue;
            sawUsable = true;
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
}
