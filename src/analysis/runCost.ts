/**
 * What a batch of runs will cost before it starts: wall time and peak memory estimated from the size of each run
 * (couriers, orders a day, days simulated with the warm-up) and how many threads share the work. A pure function of
 * the tasks and a table of costs measured on one machine (RUN_COSTS, with how they were measured): an estimate to
 * decide whether to start, not a promise. A faster machine takes less time; memory depends less on the machine.
 */
import { rulesForArm } from '../scenario/rulesForArm.ts';
import { warmupKey } from '../sim/warmup.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunTask } from './runTasks.ts';

/** The size of one run: what its time and memory follow. */
export interface RunSize {
  kind: Scenario['kind'];
  couriers: number;
  ordersPerDay: number;
  /** Days reported. */
  days: number;
  /** Warm-up days (or warm-up replays of a replay) simulated before them, at the same cost. */
  warmupDays: number;
  /** The city's area, km² (synthetic cities; a replay's time per order does not follow it). */
  areaKm2?: number;
}

/**
 * Costs measured on 2026-12-07 and refitted on 2026-12-08 on a 2-core machine (Node 20.20.2, other work at times on
 * the other core), one run at a time in its own process after a JIT warm-up, and whole CLI commands under GNU time;
 * see the README's "What a big run costs". Each figure is rounded.
 */
export const RUN_COSTS = {
  /**
   * CPU seconds per order simulated (warm-up days included): 32–53 µs on yantai-2021 (600 couriers; 32 over 30 days)
   * and 42–48 µs on demo-small-sized cities, 104–152 µs for an MDRP-sized replay.
   */
  secondsPerOrder: { synthetic: 40e-6, replay: 160e-6 },
  /**
   * CPU seconds per order added per (couriers per km²)²: a crowded city searches more couriers for each order. Fitted
   * on 2 to 33 couriers per km² (58 µs an order at 10, 91–136 at 17–20, 215 at 33); metro-large (17) takes 53–74, so
   * the fit overstates it by a third. Beyond 33 it is an extrapolation.
   */
  secondsPerOrderPerDensity2: 0.15e-6,
  /** CPU seconds per courier-day simulated (a courier's day is set up and recorded even with few orders). */
  secondsPerCourierDay: 60e-6,
  /** CPU seconds every run costs whatever its size (set-up, metrics). */
  secondsPerRun: 0.05,
  /** Seconds a worker thread takes to start and compile the engine (its first run is also slower). */
  threadStartSeconds: 1,
  /** Share of a second core a second thread adds (work is not split perfectly, and memory is shared). */
  parallelEfficiency: 0.85,
  /** MiB of the CLI process before any run: Node and the command's bundle (`validate`: 77 MiB). */
  processMiB: 80,
  /** MiB each worker thread adds before its first run (its own heap and the engine's bundle). */
  threadMiB: 35,
  /**
   * MiB of one run's working set at its peak, as resident memory: fixed, per order of a day (the day's per-order
   * arrays, reused from day to day, and the deadline model), per courier-day (the figures the metrics read, in typed
   * columns), per day simulated (the heap's growth), per km² of the city (its grids). Refitted on 2026-12-08 after
   * that day's memory work, to whole commands: metro-large compared on 2 workers peaked at 360 MiB for 2 days and
   * 420 for 30, then 384 (estimated 362 and 474: a courier-day row is 48 bytes, kept here at 52 so that a run of
   * many courier-days is not underestimated); `run` of yantai-2021 at 95 MiB for 1 day and 126 for 30 (97 and 128).
   */
  runMiB: { fixed: 11, perOrderPerDay: 0.000125, perCourierDay: 0.00005, perDay: 1, perKm2: 0.01 },
  /**
   * MiB a thread's heap grows by per run it has run, up to a ceiling: the garbage of finished runs that the
   * collector has not yet returned. Refitted on 2026-12-08 (the CLI run from its bundle): demo-small × 100
   * replications on 2 workers peaked at 265 MiB (estimated 277), yantai-2021 × 10 at 228 (226); under tsx, 200
   * demo-small runs in one thread had peaked 160 MiB above one run.
   */
  churnMiB: { perRun: 2, max: 50 },
  /** MiB each finished run's result takes while the batch waits for the rest (10 KiB live, more resident). */
  resultMiB: 0.05,
  /** MiB per courier-day row a result keeps for an evidence pack (the rows, then the pack's tables built of them). */
  courierDayRowMiB: 0.001,
} as const;

/** The size of a run of `armId` of `scenario`. */
export function runSizeOf(scenario: Scenario, armId: string): RunSize {
  let warmupDays = scenario.rules.deadline.warmupDays;
  try {
    warmupDays = rulesForArm(scenario, armId).deadline.warmupDays;
  } catch {
    // An unknown arm is reported where the batch is planned; the scenario's own rules stand in here.
  }
  if (scenario.kind === 'replay' && scenario.replay) {
    return {
      kind: 'replay',
      couriers: scenario.replay.couriers.length,
      ordersPerDay: scenario.replay.orders.length,
      days: 1,
      warmupDays,
    };
  }
  const couriers = scenario.population.couriers;
  return {
    kind: 'synthetic',
    couriers,
    ordersPerDay: scenario.demand.ordersPerDay ?? Math.round(scenario.demand.ordersPerCourierDay * couriers),
    days: scenario.time.days,
    warmupDays,
    areaKm2: scenario.city.widthKm * scenario.city.heightKm,
  };
}

/**
 * The sizes of a batch's tasks (one size per distinct scenario and arm, computed once). A task whose warm-up another
 * task of the batch has already run (same scenario and seed, an arm that differs only where the warm-up does not
 * read: see src/sim/warmup.ts) counts no warm-up days: the executors run such tasks in one thread, one after the
 * other, and reuse the warm-up (a comparison of two percentiles simulates three days a seed, not four).
 */
export function taskSizes(tasks: readonly Pick<RunTask, 'scenario' | 'armId' | 'seed'>[]): RunSize[] {
  const memo = new Map<Scenario, Map<string, { size: RunSize; warmup: string }>>();
  const ran = new Set<string>();
  return tasks.map((t) => {
    let byArm = memo.get(t.scenario);
    if (!byArm) memo.set(t.scenario, (byArm = new Map()));
    let entry = byArm.get(t.armId);
    if (!entry)
      byArm.set(t.armId, (entry = { size: runSizeOf(t.scenario, t.armId), warmup: warmupOf(t.scenario, t.armId) }));
    const { size } = entry;
    if (size.warmupDays === 0) return size;
    const key = `${entry.warmup}\u0000${t.seed}`;
    if (ran.has(key)) return { ...size, warmupDays: 0 };
    ran.add(key);
    return size;
  });
}

/** What a task's warm-up depends on besides its seed (an unknown arm: a key of its own, so nothing is shared). */
function warmupOf(scenario: Scenario, armId: string): string {
  try {
    return warmupKey(scenario, rulesForArm(scenario, armId), 0);
  } catch {
    return `unknown arm ${armId}`;
  }
}

/** CPU seconds of one run. */
export function runSeconds(size: RunSize): number {
  const orders = size.ordersPerDay * (size.days + size.warmupDays);
  const density = size.kind === 'synthetic' && size.areaKm2 ? size.couriers / size.areaKm2 : 0;
  const perOrder = RUN_COSTS.secondsPerOrder[size.kind] + RUN_COSTS.secondsPerOrderPerDensity2 * density * density;
  const courierDays = size.couriers * (size.days + size.warmupDays);
  return RUN_COSTS.secondsPerRun + perOrder * orders + RUN_COSTS.secondsPerCourierDay * courierDays;
}

/** MiB of one run's working set at its peak. */
export function runMiB(size: RunSize): number {
  const m = RUN_COSTS.runMiB;
  const days = size.days + size.warmupDays;
  return (
    m.fixed +
    m.perOrderPerDay * size.ordersPerDay +
    m.perCourierDay * size.couriers * days +
    m.perDay * days +
    m.perKm2 * (size.areaKm2 ?? 0)
  );
}

/** What a batch is estimated to cost. */
export interface CostEstimate {
  runs: number;
  /** Threads the runs share (1: in the command's own thread). */
  threads: number;
  /** CPU seconds of all runs. */
  cpuSeconds: number;
  wallSeconds: number;
  /** Peak memory of the process and its threads, MiB. */
  peakMiB: number;
  /** The largest run (by CPU time). */
  largest: RunSize | undefined;
}

/** How a batch runs: threads asked for (the CLI's `--workers`, else the cores) and whether results keep courier-days. */
export interface CostOptions {
  threads: number;
  courierDays?: boolean;
}

/**
 * The estimated wall time and peak memory of running `sizes` (one per task) on `threads` threads, as the CLI runs
 * them: in its own thread when there is one thread or one task, else over worker threads that each hold one run at a
 * time while the command keeps every finished result until the last.
 */
export function estimateCost(sizes: readonly RunSize[], options: CostOptions): CostEstimate {
  const runs = sizes.length;
  const threads = options.threads <= 1 || runs <= 1 ? 1 : Math.min(options.threads, runs);
  let cpuSeconds = 0;
  let longest = 0;
  let largest: RunSize | undefined;
  let largestMiB = 0;
  let keptMiB = 0;
  for (const size of sizes) {
    const s = runSeconds(size);
    cpuSeconds += s;
    if (s > longest) {
      longest = s;
      largest = size;
    }
    largestMiB = Math.max(largestMiB, runMiB(size));
    keptMiB += RUN_COSTS.resultMiB;
    if (options.courierDays) keptMiB += RUN_COSTS.courierDayRowMiB * size.couriers * size.days;
  }
  const speedup = threads === 1 ? 1 : 1 + (threads - 1) * RUN_COSTS.parallelEfficiency;
  const wallSeconds =
    runs === 0 ? 0 : Math.max(longest, cpuSeconds / speedup) + (threads > 1 ? RUN_COSTS.threadStartSeconds : 0);
  const churn = Math.min(RUN_COSTS.churnMiB.max, RUN_COSTS.churnMiB.perRun * Math.ceil(runs / threads));
  const perThread = largestMiB + churn;
  const peakMiB =
    runs === 0
      ? RUN_COSTS.processMiB
      : RUN_COSTS.processMiB + keptMiB + (threads === 1 ? perThread : threads * (RUN_COSTS.threadMiB + perThread));
  return { runs, threads, cpuSeconds, wallSeconds, peakMiB, largest };
}

/** The thresholds above which a command says what a run will cost before starting it. */
export const NOTICE_ABOVE = { wallSeconds: 60, peakMiB: 2048 } as const;

/** Whether an estimate is large enough to be worth saying before the run. */
export function worthSaying(estimate: CostEstimate): boolean {
  return estimate.wallSeconds > NOTICE_ABOVE.wallSeconds || estimate.peakMiB > NOTICE_ABOVE.peakMiB;
}

/** A duration in words: `40 s`, `3.5 min`, `2.1 h`, `4.2 days`, `3.1 years`. */
export function durationWords(seconds: number): string {
  const r = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 10) / 10));
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${r(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${r(seconds / 3600)} h`;
  if (seconds < 730 * 86400) return `${r(seconds / 86400)} days`;
  return `${r(seconds / (365.25 * 86400))} years`;
}

/** A size in words: `450 MiB`, `2.3 GiB`, `1.2 TiB` (MiB to the tens, unless `exact`). */
export function memoryWords(mib: number, exact = false): string {
  if (mib < 1024) return `${Math.max(1, exact ? Math.round(mib) : Math.round(mib / 10) * 10)} MiB`;
  if (mib < 1024 * 1024) return `${Math.round((mib / 1024) * 10) / 10} GiB`;
  return `${Math.round((mib / 1024 / 1024) * 10) / 10} TiB`;
}

/** The estimate in words: how many runs of what size, how long on how many threads, and the peak memory. */
export function estimateParts(e: CostEstimate): { runs: string; time: string; memory: string } {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const l = e.largest;
  const days = l ? l.days + l.warmupDays : 0;
  const size = l
    ? ` of up to ${n(l.couriers)} couriers × ${n(days)} day${days === 1 ? '' : 's'}` +
      `${l.warmupDays > 0 ? ` (${n(l.warmupDays)} of warm-up)` : ''}, ${n(l.ordersPerDay)} orders a day`
    : '';
  return {
    runs: `${n(e.runs)} run${e.runs === 1 ? '' : 's'}${size}`,
    time: `about ${durationWords(e.wallSeconds)} on ${e.threads} thread${e.threads === 1 ? '' : 's'} (${durationWords(e.cpuSeconds)} of CPU)`,
    memory: `about ${memoryWords(e.peakMiB)}`,
  };
}

/** The estimate in one sentence: runs, the largest run's size, time on the threads, peak memory. */
export function estimateSentence(e: CostEstimate): string {
  const p = estimateParts(e);
  return `${p.runs}: ${p.time}, peak memory ${p.memory}`;
}
