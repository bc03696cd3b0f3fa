/**
 * The Grubhub MDRP formats (github.com/grubhub/mdrplib): instance files in, solution files out. Pure functions on
 * text; the CLI does the file I/O. Errors name the file and the line.
 */
import { SCHEMA_VERSION, type ReplayInstance, type ScenarioInput } from '../scenario/schema.ts';
import type { ReplayAssignment, ReplayMove, ReplayOrderTimes } from '../sim/results.ts';
import {
  droppedSentence,
  implausibleMessage,
  MAX_STAGE_HOURS,
  MDRP_LAST_MINUTE,
  MDRP_MAX_METERS_PER_MINUTE,
  PlausibilityCheck,
  type ImplausibleCounts,
  type ImplausibleKind,
} from './plausibility.ts';

/** The four instance files, by role. */
export const MDRP_INSTANCE_FILES = {
  restaurants: 'restaurants.txt',
  orders: 'orders.txt',
  couriers: 'couriers.txt',
  parameters: 'instance_parameters.txt',
} as const;
/** A role of an instance file. */
export type MdrpFileRole = keyof typeof MDRP_INSTANCE_FILES;

/** The three solution files. */
export const MDRP_SOLUTION_FILES = {
  assignments: 'solution_info_assignments.txt',
  orders: 'solution_info_orders.txt',
  couriers: 'solution_info_couriers.txt',
} as const;

/** Malformed instance text: one `<file>:<line>: <message>` per problem. */
export class MdrpFormatError extends Error {
  override name = 'MdrpFormatError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** At most this many problems are reported; a file that is wrong throughout would otherwise print every line. */
const MAX_PROBLEMS = 20;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

interface Row {
  line: number;
  cells: string[];
}

/** The data rows of a file: the header skipped, blank lines ignored, cells split on tabs or spaces. */
function rowsOf(text: string): Row[] {
  const rows: Row[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (i === 0) return;
    const trimmed = raw.trim();
    if (trimmed !== '') rows.push({ line: i + 1, cells: trimmed.split(/\s+/) });
  });
  return rows;
}

/**
 * Parses the four files' text into an instance; throws MdrpFormatError naming file and line, for malformed rows and
 * for implausible ones (src/io/plausibility.ts).
 */
export function parseMdrpInstance(texts: Record<MdrpFileRole, string>): ReplayInstance {
  return readMdrpInstance(texts).instance;
}

/** An instance, and the implausible rows left out of it (none unless `dropImplausible`). */
export interface MdrpRead {
  instance: ReplayInstance;
  implausible: ImplausibleCounts;
}

/**
 * Parses the four files' text into an instance; throws MdrpFormatError naming file and line. A well-formed order or
 * courier row that breaks a plausibility bound is a problem too, unless `dropImplausible`: then it is left out and
 * counted. The parameters line cannot be left out, so an implausible one is always a problem.
 */
export function readMdrpInstance(
  texts: Record<MdrpFileRole, string>,
  options: { dropImplausible?: boolean } = {},
): MdrpRead {
  const problems: string[] = [];
  const dropped = new PlausibilityCheck(true);
  /** Leaves an implausible row out (counted), or makes it a problem; returns false, for a filter. */
  const implausible = (
    role: MdrpFileRole,
    row: Row,
    columns: string[],
    column: string,
    problem: string,
    kind: ImplausibleKind,
  ): false => {
    const k = columns.indexOf(column);
    const where = { file: MDRP_INSTANCE_FILES[role], line: row.line, column, index: k };
    const message = implausibleMessage(where, row.cells[k] ?? '', problem, kind);
    if (options.dropImplausible === true) dropped.reject(kind, message);
    else if (problems.length < MAX_PROBLEMS) problems.push(message);
    return false;
  };
  const problem = (role: MdrpFileRole, line: number, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`${MDRP_INSTANCE_FILES[role]}:${line}: ${message}`);
  };
  const table = (role: MdrpFileRole, columns: string[], times: string[]): Row[] => {
    const ok: Row[] = [];
    for (const row of rowsOf(texts[role])) {
      if (row.cells.length !== columns.length) {
        problem(role, row.line, `expected ${columns.length} columns (${columns.join(' ')}), found ${row.cells.length}`);
        continue;
      }
      let good = true;
      row.cells.forEach((cell, k) => {
        const name = columns[k] as string;
        if (k === 0 || name === 'restaurant') return;
        if (!NUMBER.test(cell)) {
          problem(role, row.line, `${name} '${cell}' is not a number`);
          good = false;
        } else if (times.includes(name) && (!Number.isInteger(Number(cell)) || Number(cell) < 0)) {
          problem(role, row.line, `${name} ${cell} must be a whole number of minutes, not negative`);
          good = false;
        }
      });
      if (good) ok.push(row);
    }
    return ok;
  };
  const n = (row: Row, k: number) => Number(row.cells[k]);
  const afterNextDay = `is after the end of the next day (minute ${MDRP_LAST_MINUTE}): an instance's times are minutes of one day`;
  const id = (row: Row) => row.cells[0] as string;

  const restaurantRows = table('restaurants', ['restaurant', 'x', 'y'], []);
  const restaurantIds = new Set<string>();
  for (const row of restaurantRows) {
    if (restaurantIds.has(id(row))) problem('restaurants', row.line, `restaurant '${id(row)}' appears twice`);
    restaurantIds.add(id(row));
  }
  const orderColumns = ['order', 'x', 'y', 'placement_time', 'restaurant', 'ready_time'];
  const day = MAX_STAGE_HOURS * 60;
  const orderRows = table('orders', orderColumns, ['placement_time', 'ready_time']).filter((row) => {
    const [placed, ready] = [n(row, 3), n(row, 5)];
    const why = (column: string, problem: string, kind: ImplausibleKind) =>
      implausible('orders', row, orderColumns, column, problem, kind);
    if (placed > MDRP_LAST_MINUTE) return why('placement_time', afterNextDay, 'outside-day');
    if (ready > MDRP_LAST_MINUTE) return why('ready_time', afterNextDay, 'outside-day');
    if (ready < placed)
      return why('ready_time', `is before placement_time ${placed}: ready before it was ordered`, 'out-of-order');
    if (ready - placed > day) {
      return why(
        'ready_time',
        `${ready - placed} min after placement_time ${placed}, more than ${MAX_STAGE_HOURS} h`,
        'over-a-day',
      );
    }
    return true;
  });
  const orderIds = new Set<string>();
  for (const row of orderRows) {
    if (orderIds.has(id(row))) problem('orders', row.line, `order '${id(row)}' appears twice`);
    orderIds.add(id(row));
    const restaurant = row.cells[4] as string;
    if (!restaurantIds.has(restaurant)) problem('orders', row.line, `unknown restaurant '${restaurant}'`);
  }
  const courierColumns = ['courier', 'x', 'y', 'on_time', 'off_time'];
  const courierRows = table('couriers', courierColumns, ['on_time', 'off_time']).filter((row) => {
    const [on, off] = [n(row, 3), n(row, 4)];
    const why = (column: string, problem: string, kind: ImplausibleKind) =>
      implausible('couriers', row, courierColumns, column, problem, kind);
    if (on > MDRP_LAST_MINUTE) return why('on_time', afterNextDay, 'outside-day');
    if (off > MDRP_LAST_MINUTE) return why('off_time', afterNextDay, 'outside-day');
    if (off < on) return why('off_time', `is before on_time ${on}: off before on`, 'out-of-order');
    if (off - on > day)
      return why(
        'off_time',
        `is ${off - on} min after on_time ${on}: a shift longer than ${MAX_STAGE_HOURS} h`,
        'over-a-day',
      );
    return true;
  });
  const courierIds = new Set<string>();
  for (const row of courierRows) {
    if (courierIds.has(id(row))) problem('couriers', row.line, `courier '${id(row)}' appears twice`);
    courierIds.add(id(row));
  }
  if (restaurantRows.length === 0 && problems.length === 0) problem('restaurants', 2, 'no restaurant rows');
  if (courierRows.length === 0 && problems.length === 0) problem('couriers', 2, 'no courier rows');

  const paramColumns = [
    'meters_per_minute',
    'pickup_service',
    'dropoff_service',
    'target',
    'maximum',
    'pay',
    'guarantee',
  ];
  const paramRows = rowsOf(texts.parameters);
  const first = paramRows[0];
  const values: number[] = [];
  if (!first) problem('parameters', 2, `expected one line of ${paramColumns.length} values after the header`);
  else if (first.cells.length !== paramColumns.length) {
    problem('parameters', first.line, `expected ${paramColumns.length} values, found ${first.cells.length}`);
  } else {
    first.cells.forEach((cell, k) => {
      if (!NUMBER.test(cell) || Number(cell) < 0) {
        problem('parameters', first.line, `${paramColumns[k]} '${cell}' is not a non-negative number`);
      } else values.push(Number(cell));
    });
    if ((values[0] ?? 1) <= 0) problem('parameters', first.line, 'meters_per_minute must be above 0');
    else if ((values[0] ?? 0) > MDRP_MAX_METERS_PER_MINUTE && problems.length < MAX_PROBLEMS) {
      const where = { file: MDRP_INSTANCE_FILES.parameters, line: first.line, column: 'meters_per_minute', index: 0 };
      const speed = `is ${Math.round(((values[0] as number) * 60) / 100) / 10} km/h in a straight line, above ${MDRP_MAX_METERS_PER_MINUTE} m/min`;
      problems.push(
        `${implausibleMessage(where, first.cells[0] ?? '', speed, 'too-fast')} (the instance's one parameters line cannot be left out)`,
      );
    }
  }
  if (problems.length > 0) throw new MdrpFormatError(problems);

  const v = (k: number) => values[k] as number;
  const instance: ReplayInstance = {
    restaurants: restaurantRows.map((row) => ({ id: id(row), xM: n(row, 1), yM: n(row, 2) })),
    orders: orderRows.map((row) => ({
      id: id(row),
      xM: n(row, 1),
      yM: n(row, 2),
      placementMin: n(row, 3),
      restaurant: row.cells[4] as string,
      readyMin: n(row, 5),
    })),
    couriers: courierRows.map((row) => ({
      id: id(row),
      xM: n(row, 1),
      yM: n(row, 2),
      onMin: n(row, 3),
      offMin: n(row, 4),
    })),
    parameters: {
      metersPerMinute: v(0),
      pickupServiceMin: v(1),
      dropoffServiceMin: v(2),
      targetClickToDoorMin: v(3),
      maxClickToDoorMin: v(4),
      payPerOrder: v(5),
      guaranteedPayPerHour: v(6),
    },
  };
  return { instance, implausible: dropped.counts() };
}

/**
 * A replay scenario holding `instance`. Pay follows the MDRP rule through the existing options: `base` = pay per order
 * with no distance, peak, weather or commission terms, and a guarantee of the hourly pay over online (= shift) hours,
 * so pay = max(pay per order × orders − penalties, guarantee × shift hours). One replication: a replay is
 * deterministic but for the complaint draws.
 */
export function mdrpScenario(instance: ReplayInstance, name: string, implausible?: ImplausibleCounts): ScenarioInput {
  const p = instance.parameters;
  const dropped = implausible && implausible.rows > 0 ? ` ${droppedSentence(implausible)}` : '';
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'replay',
    meta: {
      name,
      description: `Replay of the MDRP instance "${name}": ${instance.orders.length} orders, ${instance.couriers.length} couriers, ${instance.restaurants.length} restaurants.${dropped}`,
      region: '',
      sources: [
        {
          title: 'Reyes, Erera, Savelsbergh, Sahasrabudhe, O’Neil (2018), The Meal Delivery Routing Problem; instances',
          url: 'https://github.com/grubhub/mdrplib',
        },
      ],
    },
    rules: {
      // The MDRP sets no bound on how far a courier may be sent for a pickup: the bound is the instance's extent.
      dispatch: { maxPickupKm: pickupReachKm(instance) },
      pay: {
        base: p.payPerOrder,
        freeKm: 0,
        perKm: 0,
        peakBonus: 0,
        weatherBonus: { clear: 0, rain: 0, heavyRain: 0, snow: 0, heat35: 0, heat37: 0, heat40: 0 },
        commissionRate: 0,
        guarantee: { perHour: p.guaranteedPayPerHour, basis: 'online' },
      },
    },
    replications: 1,
    replay: instance,
  };
}

/** The longest straight distance between any two points of an instance, km, rounded up (0.5–50 km). */
export function pickupReachKm(instance: ReplayInstance): number {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const pts of [instance.restaurants, instance.orders, instance.couriers]) {
    for (const q of pts) {
      x0 = Math.min(x0, q.xM);
      y0 = Math.min(y0, q.yM);
      x1 = Math.max(x1, q.xM);
      y1 = Math.max(y1, q.yM);
    }
  }
  if (x0 > x1) return 0.5;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const km = Math.ceil(Math.sqrt(dx * dx + dy * dy) / 1000);
  return Math.min(50, Math.max(0.5, km));
}

/** A solution in the MDRP format (an assignment need not name its restaurant: its orders do). */
export interface MdrpSolution {
  assignments: Omit<ReplayAssignment, 'restaurant'>[];
  orders: ReplayOrderTimes[];
  moves: ReplayMove[];
}

/** The three solution files' text, by file name (space-separated, a header line first, integer minutes). */
export function formatMdrpSolution(solution: MdrpSolution): Record<string, string> {
  const lines = (header: string, rows: string[]) => `${[header, ...rows].join('\n')}\n`;
  return {
    [MDRP_SOLUTION_FILES.assignments]: lines(
      'assignment_time pickup_time courier orders',
      solution.assignments.map((a) => [a.assignmentMin, a.pickupMin, a.courier, ...a.orders].join(' ')),
    ),
    [MDRP_SOLUTION_FILES.orders]: lines(
      'order placement_time ready_time pickup_time dropoff_time courier',
      solution.orders.map((o) => [o.order, o.placementMin, o.readyMin, o.pickupMin, o.dropoffMin, o.courier].join(' ')),
    ),
    [MDRP_SOLUTION_FILES.couriers]: lines(
      'courier departure_time origin destination',
      solution.moves.map((m) => [m.courier, m.departureMin, m.origin, m.destination].join(' ')),
    ),
  };
}

/** Reads the three solution files back (for checking a solution written here or elsewhere); throws MdrpFormatError. */
export function parseMdrpSolution(texts: Record<string, string>): MdrpSolution {
  const problems: string[] = [];
  const int = (file: string, line: number, cell: string | undefined): number => {
    if (cell === undefined || !/^[+-]?\d+$/.test(cell)) {
      if (problems.length < MAX_PROBLEMS) problems.push(`${file}:${line}: '${cell ?? ''}' is not a whole number`);
      return 0;
    }
    return Number(cell);
  };
  const rows = (file: string, minCells: number, exact: boolean) =>
    rowsOf(texts[file] ?? '').filter((row) => {
      const ok = exact ? row.cells.length === minCells : row.cells.length >= minCells;
      if (!ok && problems.length < MAX_PROBLEMS) {
        problems.push(`${file}:${row.line}: expected ${exact ? '' : 'at least '}${minCells} columns`);
      }
      return ok;
    });
  const fa = MDRP_SOLUTION_FILES.assignments;
  const fo = MDRP_SOLUTION_FILES.orders;
  const fc = MDRP_SOLUTION_FILES.couriers;
  const solution: MdrpSolution = {
    assignments: rows(fa, 4, false).map((r) => ({
      assignmentMin: int(fa, r.line, r.cells[0]),
      pickupMin: int(fa, r.line, r.cells[1]),
      courier: r.cells[2] as string,
      orders: r.cells.slice(3),
    })),
    orders: rows(fo, 6, true).map((r) => ({
      order: r.cells[0] as string,
      placementMin: int(fo, r.line, r.cells[1]),
      readyMin: int(fo, r.line, r.cells[2]),
      pickupMin: int(fo, r.line, r.cells[3]),
      dropoffMin: int(fo, r.line, r.cells[4]),
      courier: r.cells[5] as string,
    })),
    moves: rows(fc, 4, true).map((r) => ({
      courier: r.cells[0] as string,
      departureMin: int(fc, r.line, r.cells[1]),
      origin: r.cells[2] as string,
      destination: r.cells[3] as string,
    })),
  };
  if (problems.length > 0) throw new MdrpFormatError(problems);
  return solution;
}
