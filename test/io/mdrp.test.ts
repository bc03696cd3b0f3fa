import { describe, expect, it } from 'vitest';
import {
  formatMdrpSolution,
  MdrpFormatError,
  mdrpScenario,
  parseMdrpInstance,
  parseMdrpSolution,
  type MdrpSolution,
} from '../../src/io/mdrp.ts';
import { checkMdrpSolution, MDRP_RULES, type MdrpRule } from '../../src/io/mdrpCheck.ts';
import { Scenario } from '../../src/scenario/schema.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { generatedInstance, smallInstance } from './mdrpFixtures.ts';

const problemsOf = (texts: ReturnType<typeof smallInstance>): string[] => {
  try {
    parseMdrpInstance(texts);
  } catch (e) {
    expect(e).toBeInstanceOf(MdrpFormatError);
    return (e as MdrpFormatError).problems;
  }
  throw new Error('expected an MdrpFormatError');
};

describe('parseMdrpInstance', () => {
  it('reads the four files, header skipped, tabs or spaces', () => {
    const texts = smallInstance();
    texts.couriers = texts.couriers.replaceAll('\t', '  ');
    const inst = parseMdrpInstance(texts);
    expect(inst.restaurants).toHaveLength(2);
    expect(inst.orders[1]).toEqual({ id: 'o2', xM: 0, yM: 960, placementMin: 2, restaurant: 'r1', readyMin: 10 });
    expect(inst.couriers[0]).toEqual({ id: 'c1', xM: 0, yM: 320, onMin: 0, offMin: 120 });
    expect(inst.parameters).toEqual({
      metersPerMinute: 320,
      pickupServiceMin: 4,
      dropoffServiceMin: 4,
      targetClickToDoorMin: 40,
      maxClickToDoorMin: 90,
      payPerOrder: 10,
      guaranteedPayPerHour: 15,
    });
  });

  it('names file and line for each malformed row', () => {
    const texts = smallInstance();
    texts.orders = texts.orders.replace('o2\t0\t960\t2\tr1\t10', 'o2\t0\t960\t2\tr9\t10');
    texts.orders = texts.orders.replace('o3\t0\t960\t20\tr2\t30', 'o3\t0\t960\t-20\tr2\t30');
    texts.couriers = texts.couriers.replace('c2\t99000\t99000\t0\t60', 'c2\t99000\t99000\t0');
    texts.restaurants = texts.restaurants.replace('r2\t3200\t0', 'r2\tabc\t0');
    const problems = problemsOf(texts);
    expect(problems).toContain("orders.txt:3: unknown restaurant 'r9'");
    expect(problems.some((p) => p.startsWith('orders.txt:4: placement_time -20'))).toBe(true);
    expect(problems.some((p) => p.startsWith('couriers.txt:3: expected 5 columns'))).toBe(true);
    expect(problems).toContain("restaurants.txt:3: x 'abc' is not a number");
  });

  it('refuses off before on and a short parameter line', () => {
    const texts = smallInstance();
    texts.couriers = texts.couriers.replace('c1\t0\t320\t0\t120', 'c1\t0\t320\t130\t120');
    texts.parameters = 'header\n320 4 4 40\n';
    const problems = problemsOf(texts);
    expect(problems).toContain(
      'couriers.txt:2: off_time (column 5) 120 is before on_time 130: off before on [implausible: times out of order]',
    );
    expect(problems).toContain('instance_parameters.txt:2: expected 7 values, found 4');
  });

  it('makes a valid replay scenario', () => {
    const s = Scenario.parse(mdrpScenario(parseMdrpInstance(smallInstance()), 'small'));
    expect(s.kind).toBe('replay');
    expect(s.rules.pay.guarantee).toEqual({ perHour: 15, basis: 'online' });
  });
});

describe('MDRP solution files', () => {
  const inst = parseMdrpInstance(smallInstance());
  const scenario = Scenario.parse(mdrpScenario(inst, 'small'));
  const solution = simulate(scenario, 'median', 1, { solution: true }).solution as MdrpSolution;

  it('are written exactly in the published layout', () => {
    const files = formatMdrpSolution(solution);
    // Rolling dispatch commits o1 late, at minute 4 (c1 is a minute from r1, the food ready at 10, the horizon 5),
    // and c1 sets off then; o2 joins that pickup on its way at minute 5, so the assignment's time is 5.
    expect(files['solution_info_assignments.txt']).toBe(
      'assignment_time pickup_time courier orders\n5 10 c1 o1 o2\n20 39 c1 o3\n',
    );
    expect(files['solution_info_orders.txt']).toBe(
      'order placement_time ready_time pickup_time dropoff_time courier\n' +
        'o1 0 10 10 16 c1\no2 2 10 10 24 c1\no3 20 30 39 54 c1\n',
    );
    expect(files['solution_info_couriers.txt']).toBe(
      'courier departure_time origin destination\nc1 4 0 r1\nc1 12 r1 o1\nc1 18 o1 o2\nc1 26 o2 r2\nc1 41 r2 o3\n',
    );
  });

  it('round-trip through the files and pass all eight checks', () => {
    const back = parseMdrpSolution(formatMdrpSolution(solution));
    expect(back.orders).toEqual(solution.orders);
    expect(back.moves).toEqual(solution.moves);
    expect(checkMdrpSolution(inst, back)).toEqual([]);
  });

  it('pass the checker on a generated instance with bundles, for both arms', () => {
    const big = parseMdrpInstance(generatedInstance(400, 40, 30));
    const s = Scenario.parse(mdrpScenario(big, 'gen'));
    for (const arm of ['strictest', 'median']) {
      const run = simulate(s, arm, 1, { solution: true });
      const sol = run.solution as MdrpSolution;
      expect(sol.assignments.some((a) => a.orders.length > 1)).toBe(true);
      expect(checkMdrpSolution(big, parseMdrpSolution(formatMdrpSolution(sol)))).toEqual([]);
      expect(run.metrics.mdrp?.ordersDelivered).toBe(sol.orders.length);
    }
  });

  // One hand-made breach per rule, each on a copy of the feasible solution.
  const breaches: Record<MdrpRule, (s: MdrpSolution) => void> = {
    oneAssignmentPerOrder: (s) =>
      s.assignments.push({ ...(s.assignments[1] as MdrpSolution['assignments'][number]), orders: ['o1'] }),
    assignedAfterPlacement: (s) => ((s.assignments[1] as { assignmentMin: number }).assignmentMin = 19),
    pickupBeforeOffTime: (s) => shiftPickup(s, 'o3', 121),
    pickupAfterReady: (s) => shiftPickup(s, 'o1', 9),
    dropoffsInSequence: (s) => ((s.orders[1] as { dropoffMin: number }).dropoffMin = 20),
    continuousMoves: (s) => ((s.moves[3] as { origin: string }).origin = 'o1'),
    atRestaurantForPickup: (s) => ((s.moves[0] as { departureMin: number }).departureMin = 9),
    atCustomerForDropoff: (s) => ((s.moves[2] as { departureMin: number }).departureMin = 17),
  };
  function shiftPickup(s: MdrpSolution, order: string, to: number): void {
    const a = s.assignments.find((x) => x.orders.includes(order));
    if (!a) return;
    a.pickupMin = to;
    for (const o of s.orders) if (a.orders.includes(o.order)) o.pickupMin = to;
  }
  for (const rule of MDRP_RULES) {
    it(`catch a breach of ${rule}`, () => {
      const copy = structuredClone(solution) as MdrpSolution;
      breaches[rule](copy);
      const rules = checkMdrpSolution(inst, copy).map((v) => v.rule);
      expect(rules).toContain(rule);
    });
  }
});
