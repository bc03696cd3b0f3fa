/**
 * Typed arrays kept from one day to the next, so that a day's per-order arrays (hundreds of thousands of orders in a
 * large city) reuse the last day's memory instead of allocating it anew and leaving the old arrays for the garbage
 * collector: a long run then holds one day's arrays, not a trail of them. Each named buffer grows when a day needs
 * more (with a sixteenth to spare, since day sizes differ by a little), and hands out a view of exactly the length
 * asked for, filled as a new array would be. A view is valid until its name is asked for again: each name is one
 * array of one day.
 */

type Buffer = Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

/** Room added when a buffer grows: a sixteenth, more than a day's random variation in orders. */
const SPARE = 1 / 16;

/** Named typed buffers reused day after day (see the file's comment). */
export class DayBuffers {
  private readonly buffers = new Map<string, Buffer>();

  /** A Float64Array of `length` under `name`, every element `fill`. */
  float64(name: string, length: number, fill = 0): Float64Array<ArrayBuffer> {
    return this.take(`f64:${name}`, length, (n) => new Float64Array(n)).fill(fill);
  }

  /** An Int32Array of `length` under `name`, every element `fill`. */
  int32(name: string, length: number, fill = 0): Int32Array<ArrayBuffer> {
    return this.take(`i32:${name}`, length, (n) => new Int32Array(n)).fill(fill);
  }

  /** A Uint32Array of `length` under `name`, every element `fill`. */
  uint32(name: string, length: number, fill = 0): Uint32Array<ArrayBuffer> {
    return this.take(`u32:${name}`, length, (n) => new Uint32Array(n)).fill(fill);
  }

  /** A Uint8Array of `length` under `name`, every element `fill`. */
  uint8(name: string, length: number, fill = 0): Uint8Array<ArrayBuffer> {
    return this.take(`u8:${name}`, length, (n) => new Uint8Array(n)).fill(fill);
  }

  /** Bytes held by every buffer (for tests and memory figures). */
  get bytes(): number {
    let sum = 0;
    for (const b of this.buffers.values()) sum += b.byteLength;
    return sum;
  }

  private take<B extends Buffer>(name: string, length: number, make: (n: number) => B): B {
    let buffer = this.buffers.get(name) as B | undefined;
    if (buffer === undefined || buffer.length < length) {
      // Forgotten before the new one is made: views of it handed out earlier stay valid, but this holder lets it go.
      this.buffers.delete(name);
      buffer = make(length + Math.ceil(length * SPARE));
      this.buffers.set(name, buffer);
    }
    return buffer.subarray(0, length) as B;
  }
}
