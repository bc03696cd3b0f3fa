/**
 * A binary min-heap of events ordered by (time, priority, sequence), so ties never depend on luck. Stored in
 * parallel typed arrays that grow by doubling: pushing and popping allocate nothing in the steady state.
 */
export class EventQueue {
  private time = new Float64Array(1024);
  private prio = new Int32Array(1024);
  private seq = new Float64Array(1024);
  private kind = new Int32Array(1024);
  private subject = new Int32Array(1024);
  private token = new Int32Array(1024);
  private nextSeq = 0;
  /** Number of queued events. */
  size = 0;

  /** Queues an event of `kind` about `subject` (e.g. a courier index) with a validity `token`. */
  push(time: number, priority: number, kind: number, subject: number, token: number): void {
    if (this.size === this.time.length) this.grow();
    let i = this.size++;
    const s = this.nextSeq++;
    // Sift up.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(time, priority, s, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.time[i] = time;
    this.prio[i] = priority;
    this.seq[i] = s;
    this.kind[i] = kind;
    this.subject[i] = subject;
    this.token[i] = token;
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    return this.size > 0 ? (this.time[0] as number) : Infinity;
  }

  /** The popped event's fields, valid until the next pop. */
  poppedTime = 0;
  poppedKind = 0;
  poppedSubject = 0;
  poppedToken = 0;

  /** Removes the earliest event into the `popped*` fields; returns false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    this.poppedTime = this.time[0] as number;
    this.poppedKind = this.kind[0] as number;
    this.poppedSubject = this.subject[0] as number;
    this.poppedToken = this.token[0] as number;
    const last = --this.size;
    if (last > 0) {
      const t = this.time[last] as number;
      const p = this.prio[last] as number;
      const s = this.seq[last] as number;
      const k = this.kind[last] as number;
      const sub = this.subject[last] as number;
      const tok = this.token[last] as number;
      let i = 0;
      // Sift down.
      for (;;) {
        const l = 2 * i + 1;
        if (l >= last) break;
        const r = l + 1;
        const child = r < last && this.lessIdx(r, l) ? r : l;
        if (!this.less(this.time[child] as number, this.prio[child] as number, this.seq[child] as number, -1, t, p, s))
          break;
        this.move(child, i);
        i = child;
      }
      this.time[i] = t;
      this.prio[i] = p;
      this.seq[i] = s;
      this.kind[i] = k;
      this.subject[i] = sub;
      this.token[i] = tok;
    }
    return true;
  }

  /** Empties the queue (sequence numbers keep counting). */
  clear(): void {
    this.size = 0;
  }

  /** Whether (t, p, s) sorts before the entry at index j, or before (t2, p2, s2) when j < 0. */
  private less(t: number, p: number, s: number, j: number, t2 = 0, p2 = 0, s2 = 0): boolean {
    if (j >= 0) {
      t2 = this.time[j] as number;
      p2 = this.prio[j] as number;
      s2 = this.seq[j] as number;
    }
    if (t !== t2) return t < t2;
    if (p !== p2) return p < p2;
    return s < s2;
  }

  private lessIdx(a: number, b: number): boolean {
    return this.less(this.time[a] as number, this.prio[a] as number, this.seq[a] as number, b);
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from] as number;
    this.prio[to] = this.prio[from] as number;
    this.seq[to] = this.seq[from] as number;
    this.kind[to] = this.kind[from] as number;
    this.subject[to] = this.subject[from] as number;
    this.token[to] = this.token[from] as number;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.time = grow(this.time, (k) => new Float64Array(k));
    this.prio = grow(this.prio, (k) => new Int32Array(k));
    this.seq = grow(this.seq, (k) => new Float64Array(k));
    this.kind = grow(this.kind, (k) => new Int32Array(k));
    this.subject = grow(this.subject, (k) => new Int32Array(k));
    this.token = grow(this.token, (k) => new Int32Array(k));
  }
}
