/**
 * Memo rows for the orders of a day that need one. Dispatch remembers a few couriers per waiting order (those that
 * did not fit it, those found off its way); kept per order of the day, that is dozens of bytes for each of hundreds of
 * thousands of orders in a large city, while only the orders waiting at a time (thousands) ever use theirs. Here an
 * order gets a row (a slot) the first time something is remembered for it, and its slot goes back to a free list once
 * the order can never wait again (picked up, delivered or cancelled; an assigned order may be handed back in a
 * replay). Until it has a slot an order reads what a fresh per-order array would hold (each column's `fill`), and a
 * slot handed out again is filled afresh, so dispatch sees exactly what per-order arrays would give it.
 */
import type { DayBuffers } from './dayBuffers.ts';
import { CANCELLED, DELIVERED, PICKED } from './orderBook.ts';

type SlotArray = Float64Array | Int32Array | Uint8Array;

/** One memo column: `width` values per slot, a fresh slot's values all `fill`. Read `data` anew after a `take`. */
export class SlotColumn<A extends SlotArray> {
  data: A;

  constructor(
    readonly width: number,
    readonly fill: number,
    private readonly make: (n: number) => A,
  ) {
    this.data = make(0);
  }

  /** Room for `slots` slots, keeping what the first ones hold. */
  resize(slots: number): void {
    const next = this.make(slots * this.width);
    next.set(this.data.subarray(0, Math.min(this.data.length, next.length)));
    this.data = next;
  }

  /** Slot s as a fresh slot. */
  clear(s: number): void {
    this.data.fill(this.fill, s * this.width, (s + 1) * this.width);
  }
}

/** Slots of a day's orders (see the file's comment). */
export class OrderSlots {
  /** Per order of the day: its slot, or −1. */
  private slotOfOrder = new Int32Array(0);
  /** Per slot handed out: its order, or −1 when free. */
  private owner = new Int32Array(0);
  private free = new Int32Array(0);
  private nFree = 0;
  /** Slots handed out at least once today (the rest of the capacity was never used). */
  private used = 0;
  private capacity = 0;
  private readonly columns: SlotColumn<SlotArray>[] = [];

  /** Adds a column of Float64 values. */
  float64(width: number, fill = 0): SlotColumn<Float64Array> {
    return this.add(new SlotColumn(width, fill, (n) => new Float64Array(n)));
  }

  /** Adds a column of Int32 values. */
  int32(width: number, fill = 0): SlotColumn<Int32Array> {
    return this.add(new SlotColumn(width, fill, (n) => new Int32Array(n)));
  }

  /** Adds a column of Uint8 values. */
  uint8(width: number, fill = 0): SlotColumn<Uint8Array> {
    return this.add(new SlotColumn(width, fill, (n) => new Uint8Array(n)));
  }

  /** A new day of `orders` orders, none with a slot; the per-order index comes from `buffers` (name `name`). */
  startDay(orders: number, buffers: DayBuffers, name: string): void {
    this.slotOfOrder = buffers.int32(name, orders, -1);
    this.nFree = 0;
    this.used = 0;
  }

  /** Order o's slot, or −1 when nothing is remembered for it. */
  slotOf(o: number): number {
    return this.slotOfOrder[o] as number;
  }

  /** Order o's slot, handed out (fresh) when it has none; columns may grow, so read their `data` after this. */
  take(o: number): number {
    const held = this.slotOfOrder[o] as number;
    if (held >= 0) return held;
    let s: number;
    if (this.nFree > 0) s = this.free[--this.nFree] as number;
    else {
      if (this.used === this.capacity) this.grow();
      s = this.used++;
    }
    this.owner[s] = o;
    this.slotOfOrder[o] = s;
    for (const column of this.columns) column.clear(s);
    return s;
  }

  /** Gives back the slots of orders that can never wait again: picked up, delivered or cancelled. */
  releaseSettled(status: Uint8Array): void {
    for (let s = 0; s < this.used; s++) {
      const o = this.owner[s] as number;
      if (o < 0) continue;
      const st = status[o];
      if (st !== PICKED && st !== DELIVERED && st !== CANCELLED) continue;
      this.owner[s] = -1;
      this.slotOfOrder[o] = -1;
      this.free[this.nFree++] = s;
    }
  }

  /** Slots in use now (for tests and memory figures). */
  get inUse(): number {
    return this.used - this.nFree;
  }

  private add<A extends SlotArray>(column: SlotColumn<A>): SlotColumn<A> {
    column.resize(this.capacity);
    this.columns.push(column as unknown as SlotColumn<SlotArray>);
    return column;
  }

  private grow(): void {
    const capacity = Math.max(64, this.capacity * 2);
    const owner = new Int32Array(capacity).fill(-1);
    owner.set(this.owner);
    this.owner = owner;
    const free = new Int32Array(capacity);
    free.set(this.free.subarray(0, this.nFree));
    this.free = free;
    for (const column of this.columns) column.resize(capacity);
    this.capacity = capacity;
  }
}
