/**
 * A column of numbers that grows as rows are appended: a typed array as long as its known bound (or, without one, with
 * room to spare, doubled when full). Values are stored as they are given (Float64 exactly; Int32 for whole numbers
 * that fit), so a column reads back the same numbers a plain array would, at 8 (or 4) bytes a row instead of a
 * JavaScript array's 8 plus the slack of its growth.
 */

/** The typed arrays a column can be made of. */
export type ColumnArray = Float64Array | Int32Array;

/** How a column stores its numbers: `f64` any number, `i32` whole numbers from −2³¹ to 2³¹ − 1. */
export type ColumnKind = 'f64' | 'i32';

/** Rows a column without a bound has room for before its first push. */
const FIRST_CAPACITY = 1024;
/**
 * A column bounded at up to this many rows takes its whole bound at once: memory the system hands out zeroed is only
 * made resident where rows are written, so the unwritten rest costs address space, not memory, and the column never
 * copies itself into a larger array. Growing by doubling instead held both arrays at once, and left the smaller one
 * to the collector: metro-large over 30 days grew its courier-day columns from 2¹⁹ rows to 620,000 near the end, 25
 * MB a thread held twice. Beyond this bound (128 MiB of address space a column) a column doubles as it fills.
 */
const WHOLE_BOUND_ROWS = 1 << 24;

/** An append-only column of numbers (see the file's comment). */
export class Column {
  private data: ColumnArray;
  private count = 0;

  /** `maxRows`: how many rows it can ever hold (its growth stops there); Infinity when unknown. */
  constructor(
    readonly kind: ColumnKind,
    private readonly maxRows = Infinity,
  ) {
    this.data = this.allocate(maxRows <= WHOLE_BOUND_ROWS ? maxRows : FIRST_CAPACITY);
  }

  /** Rows appended so far. */
  get length(): number {
    return this.count;
  }

  /** Rows it has room for without growing (for tests and memory figures). */
  get capacity(): number {
    return this.data.length;
  }

  /** Appends one value. */
  push(value: number): void {
    // A whole-number column would silently truncate anything else: refuse it, so what is read back is what was given.
    if (this.kind === 'i32' && (value | 0) !== value) throw new RangeError(`${value} is not a 32-bit whole number`);
    if (this.count === this.data.length) this.grow();
    this.data[this.count++] = value;
  }

  /** The value of row i (undefined past the end). */
  at(i: number): number | undefined {
    return i >= 0 && i < this.count ? this.data[i] : undefined;
  }

  /** The rows so far, as a view that shares the column's memory (valid until the next push). */
  view(): ColumnArray {
    return this.data.subarray(0, this.count);
  }

  private allocate(rows: number): ColumnArray {
    return this.kind === 'f64' ? new Float64Array(rows) : new Int32Array(rows);
  }

  private grow(): void {
    if (this.count >= this.maxRows) throw new RangeError(`a column bounded at ${this.maxRows} rows is full`);
    const next = this.allocate(Math.min(Math.max(this.data.length * 2, 1), this.maxRows));
    next.set(this.data);
    this.data = next;
  }
}
