/**
 * A min-cost assignment of rows (bundles) to columns (couriers) on a sparse cost graph, each row free to stay
 * unassigned at its own cost: the shortest augmenting path method of Jonker and Volgenant as Crouse describes it
 * ("On implementing 2D rectangular assignment algorithms", IEEE TAES 2016; the method behind SciPy's
 * linear_sum_assignment), with a heap over the columns a row's edges reach instead of a scan of every column. Each
 * row's "stay" option is a column of its own, so a solution always exists. Ties go to the lower column index, so the
 * result depends on nothing but the input. Scratch grows as needed; a solve allocates nothing once it has.
 */

/** Solves assignments; one instance per dispatcher, reused tick after tick. */
export class SparseAssignment {
  private u = new Float64Array(0);
  private v = new Float64Array(0);
  private spc = new Float64Array(0);
  private path = new Int32Array(0);
  private row4col = new Int32Array(0);
  private col4row = new Int32Array(0);
  private scanned = new Uint8Array(0);
  private seen = new Uint8Array(0);
  private touched = new Int32Array(0);
  private sr = new Int32Array(0);
  private heapKey = new Float64Array(0);
  private heapCol = new Int32Array(0);

  /**
   * Assigns rows 0..nRows−1: row r's edges are `edgeCol[k]`/`edgeCost[k]` for k in [rowStart[r], rowStart[r+1]),
   * columns 0..nCols−1, costs ≥ 0; leaving row r unassigned costs `stayCost[r]`. Writes each row's column, or −1
   * for staying, to `out` and returns the total cost. Every column takes at most one row.
   */
  solve(
    nRows: number,
    nCols: number,
    rowStart: Int32Array,
    edgeCol: Int32Array,
    edgeCost: Float64Array,
    stayCost: Float64Array,
    out: Int32Array,
  ): number {
    const total = nCols + nRows; // real columns, then one "stay" column per row
    this.grow(nRows, total, rowStart[nRows] as number);
    const { u, v, spc, path, row4col, col4row, scanned, seen, touched, sr } = this;
    u.fill(0, 0, nRows);
    v.fill(0, 0, total);
    row4col.fill(-1, 0, total);
    col4row.fill(-1, 0, nRows);
    seen.fill(0, 0, total);
    for (let cur = 0; cur < nRows; cur++) {
      let nTouched = 0;
      let nSr = 0;
      this.heapSize = 0;
      let minVal = 0;
      let i = cur;
      let sink = -1;
      while (sink < 0) {
        sr[nSr++] = i;
        // Relax row i's edges, its own stay column among them.
        const from = rowStart[i] as number;
        const to = rowStart[i + 1] as number;
        const ui = u[i] as number;
        for (let k = from; k <= to; k++) {
          const j = k < to ? (edgeCol[k] as number) : nCols + i;
          if (scanned[j] === 1) continue;
          const w = k < to ? (edgeCost[k] as number) : (stayCost[i] as number);
          const r = minVal + w - ui - (v[j] as number);
          if (seen[j] === 0) {
            seen[j] = 1;
            touched[nTouched++] = j;
            spc[j] = r;
            path[j] = i;
            this.push(r, j);
          } else if (r < (spc[j] as number)) {
            spc[j] = r;
            path[j] = i;
            this.push(r, j);
          }
        }
        // The closest column not yet scanned (stale heap entries skipped).
        let j = -1;
        while (this.heapSize > 0) {
          const key = this.heapKey[0] as number;
          const col = this.heapCol[0] as number;
          this.pop();
          if (scanned[col] === 0 && key === spc[col]) {
            j = col;
            break;
          }
        }
        if (j < 0) throw new Error('assignment: no column left for a row (a stay column is always there)');
        minVal = spc[j] as number;
        scanned[j] = 1;
        if (row4col[j] === -1) sink = j;
        else i = row4col[j] as number;
      }
      // Dual update over the rows and columns this search reached.
      u[cur] = (u[cur] as number) + minVal;
      for (let k = 1; k < nSr; k++) {
        const r = sr[k] as number;
        u[r] = (u[r] as number) + minVal - (spc[col4row[r] as number] as number);
      }
      for (let k = 0; k < nTouched; k++) {
        const j = touched[k] as number;
        if (scanned[j] === 1) v[j] = (v[j] as number) - (minVal - (spc[j] as number));
        scanned[j] = 0;
        seen[j] = 0;
      }
      // Augment along the path back to the current row.
      let j = sink;
      for (;;) {
        const r = path[j] as number;
        row4col[j] = r;
        const prev = col4row[r] as number;
        col4row[r] = j;
        if (r === cur) break;
        j = prev;
      }
    }
    let cost = 0;
    for (let r = 0; r < nRows; r++) {
      const j = col4row[r] as number;
      if (j >= nCols) {
        out[r] = -1;
        cost += stayCost[r] as number;
        continue;
      }
      out[r] = j;
      for (let k = rowStart[r] as number; k < (rowStart[r + 1] as number); k++) {
        if (edgeCol[k] === j) {
          cost += edgeCost[k] as number;
          break;
        }
      }
    }
    return cost;
  }

  private heapSize = 0;

  private grow(nRows: number, nCols: number, nEdges: number): void {
    if (this.u.length < nRows) {
      const n = Math.max(nRows, this.u.length * 2);
      this.u = new Float64Array(n);
      this.col4row = new Int32Array(n);
      this.sr = new Int32Array(n);
    }
    if (this.v.length < nCols) {
      const n = Math.max(nCols, this.v.length * 2);
      this.v = new Float64Array(n);
      this.spc = new Float64Array(n);
      this.path = new Int32Array(n);
      this.row4col = new Int32Array(n);
      this.scanned = new Uint8Array(n);
      this.seen = new Uint8Array(n);
      this.touched = new Int32Array(n);
    }
    // Each relaxation pushes at most once: the heap never holds more than the edges plus the stay columns.
    const h = nEdges + nRows + 1;
    if (this.heapKey.length < h) {
      const n = Math.max(h, this.heapKey.length * 2);
      this.heapKey = new Float64Array(n);
      this.heapCol = new Int32Array(n);
    }
  }

  /** Ordered by key, then column. */
  private less(a: number, b: number): boolean {
    const ka = this.heapKey[a] as number;
    const kb = this.heapKey[b] as number;
    return ka < kb || (ka === kb && (this.heapCol[a] as number) < (this.heapCol[b] as number));
  }

  private push(key: number, col: number): void {
    const { heapKey, heapCol } = this;
    let i = this.heapSize++;
    heapKey[i] = key;
    heapCol[i] = col;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  private pop(): void {
    const last = --this.heapSize;
    if (last === 0) return;
    this.heapKey[0] = this.heapKey[last] as number;
    this.heapCol[0] = this.heapCol[last] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      const m = r < last && this.less(r, l) ? r : l;
      if (!this.less(m, i)) break;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    const { heapKey, heapCol } = this;
    const k = heapKey[a] as number;
    heapKey[a] = heapKey[b] as number;
    heapKey[b] = k;
    const c = heapCol[a] as number;
    heapCol[a] = heapCol[b] as number;
    heapCol[b] = c;
  }
}
