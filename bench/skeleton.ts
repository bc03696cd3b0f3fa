/**
 * The lean event loop the benchmark measures the engine against: a binary heap of events, a grid of idle couriers
 * and nearest-idle dispatch, nothing else (no bags, deadlines, pay, risk, shifts or metrics). Its speed on this
 * machine, in the same run, turns the engine's orders per second into a ratio that can be read on any machine.
 *
 * Orders arrive uniformly over 10:00–22:00 at random restaurants; the nearest idle courier (straight-line distance)
 * rides to the restaurant and on to a customer within 3 km at 15 km/h and becomes idle there. An order with no idle
 * courier waits in a first-in-first-out queue for the next courier to become idle.
 */
import seedrandom from 'seedrandom';

/** The size of a run: the city, the couriers and the orders. */
export interface SkeletonSize {
  widthKm: number;
  heightKm: number;
  couriers: number;
  ordersPerDay: number;
  days: number;
  seed?: number;
}

const SPEED_KM_PER_SEC = 15 / 3600;
const ARRIVAL = 0;
const FREE = 1;

/** A binary min-heap of (time, kind, id) in typed arrays. */
class Heap {
  private time = new Float64Array(1024);
  private payload = new Int32Array(1024);
  size = 0;

  push(t: number, kind: number, id: number): void {
    if (this.size === this.time.length) {
      const time = new Float64Array(this.size * 2);
      time.set(this.time);
      const payload = new Int32Array(this.size * 2);
      payload.set(this.payload);
      this.time = time;
      this.payload = payload;
    }
    let i = this.size++;
    const p = id * 2 + kind;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.time[parent] as number) <= t) break;
      this.time[i] = this.time[parent] as number;
      this.payload[i] = this.payload[parent] as number;
      i = parent;
    }
    this.time[i] = t;
    this.payload[i] = p;
  }

  /** Pops the earliest event into `out` ([time, kind, id]). */
  pop(out: [number, number, number]): void {
    out[0] = this.time[0] as number;
    const p = this.payload[0] as number;
    out[1] = p & 1;
    out[2] = p >> 1;
    const n = --this.size;
    const t = this.time[n] as number;
    const q = this.payload[n] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (this.time[c + 1] as number) < (this.time[c] as number)) c++;
      if ((this.time[c] as number) >= t) break;
      this.time[i] = this.time[c] as number;
      this.payload[i] = this.payload[c] as number;
      i = c;
    }
    this.time[i] = t;
    this.payload[i] = q;
  }
}

/** Idle couriers by grid cell, with O(1) insert and remove. */
class IdleGrid {
  readonly cols: number;
  readonly rows: number;
  private readonly cells: number[][];
  private readonly cellOf: Int32Array;
  private readonly slot: Int32Array;

  constructor(
    widthKm: number,
    heightKm: number,
    readonly cellKm: number,
    couriers: number,
  ) {
    this.cols = Math.max(1, Math.ceil(widthKm / cellKm));
    this.rows = Math.max(1, Math.ceil(heightKm / cellKm));
    this.cells = Array.from({ length: this.cols * this.rows }, () => []);
    this.cellOf = new Int32Array(couriers).fill(-1);
    this.slot = new Int32Array(couriers);
  }

  cell(x: number, y: number): number {
    const c = Math.min(this.cols - 1, Math.max(0, Math.floor(x / this.cellKm)));
    const r = Math.min(this.rows - 1, Math.max(0, Math.floor(y / this.cellKm)));
    return r * this.cols + c;
  }

  add(id: number, x: number, y: number): void {
    const c = this.cell(x, y);
    const list = this.cells[c] as number[];
    this.cellOf[id] = c;
    this.slot[id] = list.length;
    list.push(id);
  }

  remove(id: number): void {
    const list = this.cells[this.cellOf[id] as number] as number[];
    const last = list.pop() as number;
    if (last !== id) {
      const s = this.slot[id] as number;
      list[s] = last;
      this.slot[last] = s;
    }
    this.cellOf[id] = -1;
  }

  /** The nearest idle courier to (x, y), or -1: rings of cells outward until no nearer one can be found. */
  nearest(x: number, y: number, cx: Float64Array, cy: Float64Array): number {
    const c0 = Math.min(this.cols - 1, Math.max(0, Math.floor(x / this.cellKm)));
    const r0 = Math.min(this.rows - 1, Math.max(0, Math.floor(y / this.cellKm)));
    let best = -1;
    let bestD = Infinity;
    const maxRing = Math.max(this.cols, this.rows);
    for (let ring = 0; ring <= maxRing; ring++) {
      const reach = (ring - 1) * this.cellKm;
      if (best >= 0 && reach > 0 && reach * reach > bestD) break;
      for (let r = r0 - ring; r <= r0 + ring; r++) {
        if (r < 0 || r >= this.rows) continue;
        const edge = r === r0 - ring || r === r0 + ring;
        for (let c = c0 - ring; c <= c0 + ring; c += edge ? 1 : 2 * ring || 1) {
          if (c < 0 || c >= this.cols) continue;
          for (const id of this.cells[r * this.cols + c] as number[]) {
            const dx = (cx[id] as number) - x;
            const dy = (cy[id] as number) - y;
            const d = dx * dx + dy * dy;
            if (d < bestD) {
              bestD = d;
              best = id;
            }
          }
        }
      }
    }
    return best;
  }
}

/** Runs the skeleton; returns the orders delivered and the wall time. */
export function runSkeleton(size: SkeletonSize): { orders: number; ms: number } {
  const t0 = performance.now();
  const rng = seedrandom(`skeleton/${size.seed ?? 1}`);
  const { widthKm: w, heightKm: h, couriers: n } = size;
  const cx = new Float64Array(n);
  const cy = new Float64Array(n);
  const grid = new IdleGrid(w, h, Math.min(2, Math.max(0.25, Math.sqrt((w * h) / n))), n);
  for (let i = 0; i < n; i++) {
    cx[i] = rng() * w;
    cy[i] = rng() * h;
    grid.add(i, cx[i] as number, cy[i] as number);
  }
  const waiting: number[] = [];
  let head = 0;
  const ox = new Float64Array(size.ordersPerDay);
  const oy = new Float64Array(size.ordersPerDay);
  let delivered = 0;
  const heap = new Heap();
  const ev: [number, number, number] = [0, 0, 0];

  const assign = (courier: number, order: number, now: number) => {
    const px = ox[order] as number;
    const py = oy[order] as number;
    const angle = rng() * 2 * Math.PI;
    const reach = rng() * 3;
    const dx = Math.min(w, Math.max(0, px + reach * Math.cos(angle)));
    const dy = Math.min(h, Math.max(0, py + reach * Math.sin(angle)));
    const km = Math.hypot(px - (cx[courier] as number), py - (cy[courier] as number)) + Math.hypot(dx - px, dy - py);
    cx[courier] = dx;
    cy[courier] = dy;
    heap.push(now + km / SPEED_KM_PER_SEC, FREE, courier);
  };

  for (let day = 0; day < size.days; day++) {
    const start = day * 86_400;
    for (let o = 0; o < size.ordersPerDay; o++) {
      ox[o] = rng() * w;
      oy[o] = rng() * h;
      heap.push(start + 36_000 + rng() * 43_200, ARRIVAL, o);
    }
    while (heap.size > 0) {
      heap.pop(ev);
      const [now, kind, id] = ev;
      if (kind === ARRIVAL) {
        const courier = grid.nearest(ox[id] as number, oy[id] as number, cx, cy);
        if (courier < 0) waiting.push(id);
        else {
          grid.remove(courier);
          assign(courier, id, now);
        }
      } else {
        delivered++;
        if (head < waiting.length) assign(id, waiting[head++] as number, now);
        else grid.add(id, cx[id] as number, cy[id] as number);
      }
    }
    waiting.length = 0;
    head = 0;
  }
  return { orders: delivered, ms: performance.now() - t0 };
}
