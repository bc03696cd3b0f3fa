/**
 * The Nelder–Mead simplex method (Nelder & Mead 1965, with the standard coefficients: reflection 1, expansion 2,
 * contraction ½, shrink ½), for an objective that is asynchronous, so each evaluation can run on a worker pool.
 *
 * Written here rather than taken from a package: the registry's Nelder–Mead package (fmin 0.0.4) ships a UMD file in a
 * "type": "module" package, which exports nothing under Node's ES modules, and sources with extension-less imports,
 * which Node refuses; and its objective must be synchronous.
 */

/** A point and its objective value. */
export interface Vertex {
  x: number[];
  fx: number;
}

/** How the search runs. */
export interface NelderMeadOptions {
  /** Size of the first simplex's steps from the start point, per coordinate. */
  step: number;
  /** Iterations at most (each evaluates 1 to n + 2 points). */
  maxIterations: number;
  /** Stop when the simplex's objective values are within this of each other. */
  tolerance: number;
}

/** Minimises `f` from `start`; returns the best vertex found. `f` may stop the search by throwing. */
export async function nelderMead(
  f: (x: number[]) => Promise<number>,
  start: readonly number[],
  options: NelderMeadOptions,
): Promise<Vertex> {
  const n = start.length;
  const simplex: Vertex[] = [{ x: [...start], fx: await f([...start]) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = (x[i] as number) + options.step;
    simplex.push({ x, fx: await f(x) });
  }
  const along = (from: readonly number[], to: readonly number[], t: number): number[] =>
    from.map((v, i) => v + t * ((to[i] as number) - v));
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    // Stable order: ties keep their earlier position, so the search never depends on the sort's algorithm.
    simplex.sort((a, b) => a.fx - b.fx);
    const best = simplex[0] as Vertex;
    const worst = simplex[n] as Vertex;
    if (worst.fx - best.fx <= options.tolerance) break;
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++)
      for (let i = 0; i < n; i++) centroid[i] = (centroid[i] as number) + (simplex[k]?.x[i] as number) / n;
    const reflected = along(centroid, worst.x, -1);
    const fr = await f(reflected);
    const secondWorst = simplex[n - 1] as Vertex;
    if (fr < best.fx) {
      const expanded = along(centroid, worst.x, -2);
      const fe = await f(expanded);
      simplex[n] = fe < fr ? { x: expanded, fx: fe } : { x: reflected, fx: fr };
    } else if (fr < secondWorst.fx) {
      simplex[n] = { x: reflected, fx: fr };
    } else {
      // Contract towards the better of the worst point and its reflection.
      const outside = fr < worst.fx;
      const contracted = along(centroid, outside ? reflected : worst.x, 0.5);
      const fc = await f(contracted);
      if (fc < (outside ? fr : worst.fx)) {
        simplex[n] = { x: contracted, fx: fc };
      } else {
        for (let k = 1; k <= n; k++) {
          const x = along(best.x, (simplex[k] as Vertex).x, 0.5);
          simplex[k] = { x, fx: await f(x) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.fx - b.fx);
  return simplex[0] as Vertex;
}
