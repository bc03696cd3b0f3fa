/**
 * Every MDRP instance folder under a directory (github.com/grubhub/mdrplib `public_instances`, not shipped here: the
 * instances carry no licence), replayed by the engine and by the naive baseline of the tests, both solutions put
 * through the eight MDRP checks. One instance at a time, sorted by folder name.
 *
 *   node --import tsx bench/mdrpAll.ts <dir> [--policy NAME] [--arm ID] [--limit N] [--out results.csv]
 *                                            [--solutions DIR]
 *
 * --policy overrides `rules.dispatch.policy` of the scenario and of every arm; --arm picks the arm (default `median`,
 * or the first arm if there is none of that id); --limit stops after N instances; --out writes one CSV row per
 * instance; --solutions writes both solutions in the MDRP format to DIR/<instance>/{replay,naive}/ (for Grubhub's
 * evaluator, MDRP_code/compute_performance_summary.py). The replay is one replication with seed 1.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MDRP_INSTANCE_FILES,
  formatMdrpSolution,
  mdrpScenario,
  parseMdrpInstance,
  type MdrpFileRole,
  type MdrpSolution,
} from '../src/io/mdrp.ts';
import { checkMdrpSolution, type MdrpViolation } from '../src/io/mdrpCheck.ts';
import { validateScenario } from '../src/scenario/load.ts';
import { deepMerge, rulesForArm } from '../src/scenario/rulesForArm.ts';
import type { ReplayInstance, Scenario } from '../src/scenario/schema.ts';
import { runReplay } from '../src/sim/replay.ts';
import { naiveReplay } from '../test/sim/naiveReplay.ts';

interface Options {
  dir: string;
  policy?: string;
  arm?: string;
  limit?: number;
  out?: string;
  solutions?: string;
}

function parseArgs(argv: string[]): Options {
  const usage =
    'usage: node --import tsx bench/mdrpAll.ts <dir> [--policy NAME] [--arm ID] [--limit N] [--out results.csv] [--solutions DIR]';
  const opts: Partial<Options> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${usage}`);
      return v;
    };
    if (a === '--policy') opts.policy = value();
    else if (a === '--arm') opts.arm = value();
    else if (a === '--out') opts.out = value();
    else if (a === '--solutions') opts.solutions = value();
    else if (a === '--limit') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`--limit must be a whole number above 0\n${usage}`);
      opts.limit = n;
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${usage}`);
    else if (opts.dir === undefined) opts.dir = a;
    else throw new Error(`one directory only\n${usage}`);
  }
  if (opts.dir === undefined) throw new Error(usage);
  return opts as Options;
}

/** The instance folders under `dir` (those holding all four files), sorted by name. */
function instanceDirs(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() && Object.values(MDRP_INSTANCE_FILES).every((f) => existsSync(join(path, f)));
    })
    .sort();
}

/** The replay scenario of a folder, as `fairpace import mdrp` builds it, with the policy override if any. */
function importInstance(path: string, name: string, policy: string | undefined): Scenario {
  const texts = {} as Record<MdrpFileRole, string>;
  for (const [role, file] of Object.entries(MDRP_INSTANCE_FILES) as [MdrpFileRole, string][]) {
    texts[role] = readFileSync(join(path, file), 'utf8');
  }
  const input = mdrpScenario(parseMdrpInstance(texts), name);
  // The override goes in before validation, so the schema refuses an unknown policy name.
  const overridden = policy === undefined ? input : deepMerge(input, { rules: { dispatch: { policy } } });
  const loaded = validateScenario(overridden);
  if (!loaded.ok) throw new Error(`${name}: ${loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const scenario = loaded.scenario;
  if (policy === undefined) return scenario;
  // …and on every arm, so no arm's own dispatch rules put another policy back.
  return {
    ...scenario,
    arms: scenario.arms.map((a) => ({ ...a, rules: deepMerge(a.rules, { dispatch: { policy } }) })),
  };
}

interface Figures {
  delivered: number;
  share: number;
  /** Mean click-to-door (drop-off − placement) of the delivered orders, minutes; NaN if none was delivered. */
  c2d: number;
  violations: MdrpViolation[];
  ms: number;
}

function figures(inst: ReplayInstance, solution: MdrpSolution, ms: number): Figures {
  const n = solution.orders.length;
  const sum = solution.orders.reduce((a, o) => a + o.dropoffMin - o.placementMin, 0);
  return {
    delivered: n,
    share: inst.orders.length > 0 ? n / inst.orders.length : 0,
    c2d: n > 0 ? sum / n : NaN,
    violations: checkMdrpSolution(inst, solution),
    ms,
  };
}

interface Row {
  name: string;
  orders: number;
  couriers: number;
  restaurants: number;
  arm: string;
  policy: string;
  replay: Figures;
  naive: Figures;
  wallMs: number;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const min = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const check = (f: Figures) => (f.violations.length === 0 ? 'pass' : `FAIL(${f.violations.length})`);

function writeSolution(dir: string, solution: MdrpSolution): void {
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(formatMdrpSolution(solution))) writeFileSync(join(dir, file), text);
}

function runOne(opts: Options, name: string): Row {
  const t0 = performance.now();
  const scenario = importInstance(join(opts.dir, name), name, opts.policy);
  const inst = scenario.replay as ReplayInstance;
  const armId = opts.arm ?? (scenario.arms.some((a) => a.id === 'median') ? 'median' : (scenario.arms[0]?.id ?? ''));
  const rules = rulesForArm(scenario, armId);
  const t1 = performance.now();
  const replay = runReplay(scenario, rules, 1).solution;
  const t2 = performance.now();
  const naive = naiveReplay(inst);
  const t3 = performance.now();
  if (opts.solutions) {
    writeSolution(join(opts.solutions, name, 'replay'), replay);
    writeSolution(join(opts.solutions, name, 'naive'), naive);
  }
  const row: Row = {
    name,
    orders: inst.orders.length,
    couriers: inst.couriers.length,
    restaurants: inst.restaurants.length,
    arm: armId,
    policy: rules.dispatch.policy,
    replay: figures(inst, replay, t2 - t1),
    naive: figures(inst, naive, t3 - t2),
    wallMs: 0,
  };
  row.wallMs = performance.now() - t0;
  return row;
}

const CSV_COLUMNS = [
  'instance',
  'orders',
  'couriers',
  'restaurants',
  'arm',
  'policy',
  'replay_delivered',
  'replay_share',
  'replay_c2d_mean',
  'replay_violations',
  'replay_first_violation',
  'replay_ms',
  'naive_delivered',
  'naive_share',
  'naive_c2d_mean',
  'naive_violations',
  'naive_first_violation',
  'naive_ms',
  'wall_ms',
];

function csvCell(v: string | number): string {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : '') : v;
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRow(r: Row): string {
  const f = (x: Figures) => [
    x.delivered,
    x.share,
    x.c2d,
    x.violations.length,
    x.violations[0] ? `${x.violations[0].rule}: ${x.violations[0].message}` : '',
    Math.round(x.ms),
  ];
  return [
    r.name,
    r.orders,
    r.couriers,
    r.restaurants,
    r.arm,
    r.policy,
    ...f(r.replay),
    ...f(r.naive),
    Math.round(r.wallMs),
  ]
    .map(csvCell)
    .join(',');
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const names = instanceDirs(opts.dir).slice(0, opts.limit);
  if (names.length === 0)
    throw new Error(`${opts.dir}: no MDRP instance folders (with ${Object.values(MDRP_INSTANCE_FILES).join(', ')})`);
  const csv = opts.out ? [CSV_COLUMNS.join(',')] : undefined;
  const rows: Row[] = [];
  console.log(
    `${'instance'.padEnd(16)} ${'orders'.padStart(6)} ${'cour'.padStart(5)}  ${'replay: share'.padStart(13)} ${'c2d'.padStart(6)} check    ${'naive: share'.padStart(12)} ${'c2d'.padStart(6)} check    wall s`,
  );
  const started = performance.now();
  for (const name of names) {
    const r = runOne(opts, name);
    // Keep the figures only: the instance and both solutions go out of scope here.
    rows.push(r);
    csv?.push(csvRow(r));
    console.log(
      [
        r.name.padEnd(16),
        String(r.orders).padStart(6),
        String(r.couriers).padStart(5),
        ' ',
        pct(r.replay.share).padStart(12),
        min(r.replay.c2d).padStart(6),
        check(r.replay).padEnd(8),
        pct(r.naive.share).padStart(12),
        min(r.naive.c2d).padStart(6),
        check(r.naive).padEnd(8),
        (r.wallMs / 1000).toFixed(2).padStart(6),
      ].join(' '),
    );
  }
  const totalS = (performance.now() - started) / 1000;
  if (opts.out && csv) writeFileSync(opts.out, `${csv.join('\n')}\n`);

  const n = rows.length;
  const first = rows[0] as Row;
  const weights = rows.reduce((a, r) => a + r.orders, 0);
  const mean = (pick: (r: Row) => number, weighted: boolean) => {
    let s = 0;
    let w = 0;
    for (const r of rows) {
      const v = pick(r);
      if (!Number.isFinite(v)) continue;
      const k = weighted ? r.orders : 1;
      s += v * k;
      w += k;
    }
    return w > 0 ? s / w : NaN;
  };
  const shareGe = rows.filter((r) => r.replay.share >= r.naive.share).length;
  const c2dLt = rows.filter((r) => r.replay.c2d < r.naive.c2d).length;
  const fails = (pick: (r: Row) => Figures) => rows.filter((r) => pick(r).violations.length > 0).length;
  console.log('');
  console.log(
    `${n} instances (${weights} orders), arm ${first.arm}, policy ${first.policy}, seed 1; ${totalS.toFixed(1)} s in all, ` +
      `${(totalS / n).toFixed(2)} s per instance`,
  );
  console.log(
    `replay delivered share >= naive: ${shareGe} of ${n}; replay mean click-to-door < naive: ${c2dLt} of ${n}`,
  );
  console.log(
    '                      delivered share (unweighted / orders-weighted)   mean click-to-door min (unweighted / orders-weighted)',
  );
  for (const [label, pick] of [
    ['replay', (r: Row) => r.replay],
    ['naive', (r: Row) => r.naive],
  ] as const) {
    console.log(
      `  ${label.padEnd(8)}            ${pct(mean((r) => pick(r).share, false)).padStart(7)} / ${pct(mean((r) => pick(r).share, true)).padStart(7)}` +
        `                          ${min(mean((r) => pick(r).c2d, false)).padStart(6)} / ${min(mean((r) => pick(r).c2d, true)).padStart(6)}`,
    );
  }
  console.log(
    `checker failures: replay ${fails((r) => r.replay)}, naive ${fails((r) => r.naive)} (instances with any violation)`,
  );
  // The replay's worst instances against naive: the least delivered share gained, then the most click-to-door added.
  const worst = [...rows]
    .sort(
      (a, b) =>
        a.replay.share - a.naive.share - (b.replay.share - b.naive.share) ||
        b.replay.c2d - b.naive.c2d - (a.replay.c2d - a.naive.c2d),
    )
    .slice(0, 10);
  console.log('worst 10 for the replay against naive (share gained, then click-to-door added):');
  for (const r of worst) {
    console.log(
      `  ${r.name.padEnd(16)} share ${pct(r.replay.share)} vs ${pct(r.naive.share)} (${((r.replay.share - r.naive.share) * 100).toFixed(1)} pts), ` +
        `c2d ${min(r.replay.c2d)} vs ${min(r.naive.c2d)} min`,
    );
  }
  if (opts.out) console.log(`wrote ${opts.out}`);
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
}
