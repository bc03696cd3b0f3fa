/**
 * The scenarios a worker holds, named by digest: at most `capacity`, the least recently used dropped first. A pool
 * keeps the same structure per worker (with no values) and uses it with the same keys in the same order as the
 * worker does, so it knows which scenarios a worker holds without asking and sends each one only when needed.
 */
export const SCENARIOS_HELD = 32;

export class HeldScenarios<T> {
  private readonly items = new Map<string, T>();

  constructor(private readonly capacity = SCENARIOS_HELD) {}

  /** Whether `key` is held. */
  has(key: string): boolean {
    return this.items.has(key);
  }

  /** Uses `key`, first storing `value` when given; returns what is held under it (undefined when nothing is). */
  use(key: string, value?: T): T | undefined {
    const held = value ?? this.items.get(key);
    if (held === undefined) return undefined;
    this.items.delete(key);
    this.items.set(key, held);
    for (const oldest of this.items.keys()) {
      if (this.items.size <= this.capacity) break;
      this.items.delete(oldest);
    }
    return held;
  }
}
