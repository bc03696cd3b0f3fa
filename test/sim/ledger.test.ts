// Money between parties (src/sim/ledger.ts, flows.ts): conservation to the fen per order and per day, where fines
// and compensation go, the tiers, and customers ordering less after lateness (customers.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rules, Scenario } from '../../src/scenario/schema.ts';
import { balancesOf, flowParties, FLOWS, netBetween, PARTIES, type FlowAmounts } from '../../src/sim/flows.ts';
import { Ledger } from '../../src/sim/ledger.ts';
import { compensationFen, latePenaltyFen } from '../../src/sim/pay.ts';
import { PAY_TERM_NAMES, PAY_TERMS } from '../../src/sim/payTerms.ts';
import { CustomerResponse } from '../../src/sim/customers.ts';
import type { DayOrders } from '../../src/sim/demand.ts';
import { simulate } from '../../src/sim/simulate.ts';
import seedrandom from 'seedrandom';

const sum = (xs: Iterable<number>) => {
  let s = 0;
  for (const x of xs) s += x;
  return s;
};

const arbRules = fc.record({
  recipient: fc.constantFrom('platform', 'station', 'none'),
  funder: fc.constantFrom('merchantInsurance', 'platform'),
  lateFine: fc.integer({ min: 0, max: 20 }),
  share: fc.double({ min: 0, max: 1, noNaN: true }),
  coveredShare: fc.double({ min: 0, max: 1, noNaN: true }),
  customerFeeShare: fc.double({ min: 0, max: 1, noNaN: true }),
  guarantee: fc.boolean(),
});

function rulesOf(r: Record<string, unknown>): Rules {
  return Rules.parse({
    penalties: { recipient: r.recipient, lateFine: r.lateFine, lateTiers: [{ afterMin: 5, shareOfFee: r.share }] },
    compensation: { funder: r.funder, coveredShare: r.coveredShare },
    platform: { customerFeeShare: r.customerFeeShare },
    pay: {
      dailyTiers: [{ orders: 2, bonus: 5 }],
      ...(r.guarantee ? { guarantee: { perHour: 30, basis: 'online' } } : {}),
    },
  });
}

const arbOrder = fc.record({
  courier: fc.integer({ min: 0, max: 2 }),
  roadKm: fc.double({ min: 0, max: 12, noNaN: true }),
  minutesAfterPromise: fc.double({ min: -20, max: 60, noNaN: true }),
  covered: fc.boolean(),
});

describe('the ledger', () => {
  it('conserves money to the fen after every order and at the close of the day, whatever the rules', () => {
    fc.assert(
      fc.property(arbRules, fc.array(arbOrder, { maxLength: 30 }), (r, orders) => {
        const rules = rulesOf(r);
        const scenario = Scenario.parse({ schemaVersion: 2, rules });
        const ledger = new Ledger(scenario, rules, 3, seedrandom.alea('complaints'));
        const parties = flowParties(rules);
        ledger.beginDay(0, 'clear', false);
        for (const o of orders) {
          const promiseSec = 12 * 3600;
          ledger.delivered(o.courier, {
            placeSec: promiseSec - 1800,
            roadKm: o.roadKm,
            atSec: promiseSec + o.minutesAfterPromise * 60,
            promiseSec,
            lateAtSec: promiseSec + 8 * 60,
            covered: o.covered,
          });
          for (const f of FLOWS) expect(Number.isInteger(ledger.day[f]), f).toBe(true);
          expect(sum(Object.values(balancesOf(ledger.day, parties)))).toBe(0);
        }
        ledger.settleDay(
          {
            loggedOn: Uint8Array.of(1, 1, 0),
            onlineSec: Float64Array.of(3600 * 8, 1800, 0),
            engagedSec: Float64Array.of(3600 * 5, 600, 0),
            longestSec: Float64Array.of(3600, 600, 0),
          },
          (c) => c * 7.5,
        );
        const balances = balancesOf(ledger.day, parties);
        expect(sum(Object.values(balances))).toBe(0);
        // Each pay term is its flow: the couriers' rows add up to the day's flows, and the couriers' balance is their net.
        for (const term of PAY_TERM_NAMES) {
          const rows = sum([0, 1, 2].map((c) => ledger.amountsOf(c)[term]));
          expect(rows, term).toBe(ledger.day[PAY_TERMS[term].flow]);
        }
        const net = sum(
          [0, 1, 2].map((c) => sum(PAY_TERM_NAMES.map((t) => PAY_TERMS[t].sign * ledger.amountsOf(c)[t]))),
        );
        expect(balances.couriers).toBe(net);
      }),
      { numRuns: 200 },
    );
  });

  it('sends fines where the rule says: with recipient none, no party but the couriers is touched by the fines', () => {
    const run = (recipient: string, lateFine: number) => {
      const rules = rulesOf({
        recipient,
        funder: 'platform',
        lateFine,
        share: 0.5,
        coveredShare: 1,
        customerFeeShare: 0.4,
        guarantee: false,
      });
      const ledger = new Ledger(Scenario.parse({ schemaVersion: 2, rules }), rules, 1, seedrandom.alea('c'));
      ledger.beginDay(0, 'clear', false);
      for (const late of [-5, 3, 12, 25, 40]) {
        ledger.delivered(0, {
          placeSec: 0,
          roadKm: 4,
          atSec: 3000 + late * 60,
          promiseSec: 3000,
          lateAtSec: 3000,
          covered: true,
        });
      }
      return { ...balancesOf(ledger.day, flowParties(rules)), fines: ledger.day.fines };
    };
    const fined = run('none', 10);
    const unfined = run('none', 0);
    for (const p of PARTIES) {
      if (p === 'couriers' || p === 'elsewhere') expect(fined[p], p).not.toBe(unfined[p]);
      else expect(fined[p], p).toBe(unfined[p]);
    }
    // Received by the platform or the station, the same fines move exactly that party's balance.
    const toPlatform = run('platform', 10);
    const toStation = run('station', 10);
    expect(fined.fines).toBeGreaterThan(unfined.fines);
    expect(toPlatform.platform - fined.platform).toBe(fined.fines);
    expect(toStation.station - fined.station).toBe(fined.fines);
    expect(toStation.couriers).toBe(fined.couriers);
  });

  it('compensates and fines by the highest tier passed', () => {
    const comp = Rules.parse({}).compensation; // 10 → 4, 20 → 6, 30 → 13 CNY
    expect([0, 10, 10.01, 20, 25, 30.5, 90].map((m) => compensationFen(comp, m))).toEqual([
      0, 0, 400, 400, 600, 1300, 1300,
    ]);
    const penalties = Rules.parse({
      penalties: {
        lateFine: 0,
        severeLateFine: 0,
        lateTiers: [
          { afterMin: 0, shareOfFee: 0.4 },
          { afterMin: 6, shareOfFee: 0.5 },
          { afterMin: 12, shareOfFee: 0.6 },
          { afterMin: 18, shareOfFee: 0.7 },
        ],
      },
    }).penalties;
    expect([1, 6, 7, 13, 30].map((m) => latePenaltyFen(penalties, m, false, 800))).toEqual([320, 320, 400, 480, 560]);
  });

  it('refuses tiers out of order and shares outside [0, 1], naming the field', () => {
    const bad = Scenario.safeParse({
      schemaVersion: 2,
      rules: {
        compensation: {
          tiers: [
            { afterMin: 20, cny: 6 },
            { afterMin: 10, cny: 4 },
          ],
        },
      },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path.join('.')).toBe('rules.compensation.tiers.1.afterMin');
    const share = Scenario.safeParse({
      schemaVersion: 2,
      rules: { penalties: { lateTiers: [{ afterMin: 0, shareOfFee: 1.5 }] } },
    });
    expect(share.error?.issues[0]?.path.join('.')).toBe('rules.penalties.lateTiers.0.shareOfFee');
    const recipient = Scenario.safeParse({ schemaVersion: 2, rules: { penalties: { recipient: 'union' } } });
    expect(recipient.error?.issues[0]?.path.join('.')).toBe('rules.penalties.recipient');
    const arm = Scenario.safeParse({
      schemaVersion: 2,
      arms: [
        {
          id: 'a',
          label: 'a',
          rules: {
            penalties: {
              lateTiers: [
                { afterMin: 9, shareOfFee: 0.5 },
                { afterMin: 9, shareOfFee: 0.6 },
              ],
            },
          },
        },
      ],
    });
    expect(arm.error?.issues[0]?.path.join('.')).toBe('arms.0.rules.penalties.lateTiers.1.afterMin');
  });
});

/** A small three-day city where the fleet is short, so many orders are late. */
function shortFleet(lateResponse: object, rules: object = {}) {
  return Scenario.parse({
    schemaVersion: 2,
    time: { days: 3 },
    population: { couriers: 25 },
    demand: { ordersPerCourierDay: 40, lateResponse },
    rules: { deadline: { warmupDays: 0 }, ...rules },
    replications: 1,
  });
}

describe('the run’s money', () => {
  it('adds up: parties sum to zero, pay terms equal their flows, and the platform metrics follow from the flows', () => {
    for (const rules of [
      {},
      { penalties: { recipient: 'station' } },
      { penalties: { recipient: 'none' }, compensation: { funder: 'platform', coveredShare: 1 } },
    ]) {
      const scenario = shortFleet({}, rules);
      const r = simulate(scenario, 'median', 1, { courierDays: true });
      const cents = (x: number) => Math.round(x * 100);
      const flows = Object.fromEntries(FLOWS.map((f) => [f, cents(r.ledger.flows[f])])) as FlowAmounts;
      const parties = flowParties(Rules.parse({ ...scenario.rules, ...rules }));
      expect(sum(Object.values(balancesOf(flows, parties)))).toBe(0);
      for (const term of PAY_TERM_NAMES) expect(cents(r.ledger[term]), term).toBe(flows[PAY_TERMS[term].flow]);
      const days = scenario.time.days;
      const m = r.metrics;
      expect(cents(m.platform.courierPay * days)).toBe(netBetween(flows, parties, 'couriers', 'platform'));
      expect(cents(m.platform.margin * days)).toBe(
        flows.deliveryFee +
          flows.merchantCommission -
          cents(m.platform.courierPay * days) -
          cents(m.platform.compensationPaid * days),
      );
      expect(cents((m.platform.margin - m.platform.operatingProfit) * days)).toBe(flows.otherCosts);
      expect(cents(m.customers.compensation * days)).toBe(flows.compensation);
    }
  });

  it('changes no courier, customer or merchant figure when only the fines’ recipient changes', () => {
    const a = simulate(shortFleet({}), 'median', 1);
    const b = simulate(shortFleet({}, { penalties: { recipient: 'station' } }), 'median', 1);
    expect(b.ledger.courierNet).toBe(a.ledger.courierNet);
    expect(b.metrics.service).toEqual(a.metrics.service);
    expect(b.ledger.parties.customers).toBe(a.ledger.parties.customers);
    expect(a.metrics.platform.fineIncome).toBeGreaterThan(0);
    expect(b.metrics.platform.fineIncome).toBe(0);
    expect(b.metrics.station.margin).toBeCloseTo(a.metrics.platform.fineIncome, 6);
    expect(a.metrics.platform.margin - b.metrics.platform.margin).toBeCloseTo(a.metrics.platform.fineIncome, 6);
  });
});

describe('customers after lateness', () => {
  it('lose no order on the first day, and orders on later days only as lateness warrants, deterministically', () => {
    const none = simulate(shortFleet({ lostOrdersPerLate: 0 }), 'median', 1);
    const some = simulate(shortFleet({ lostOrdersPerLate: 0.5 }), 'median', 1);
    expect(some.perHour).toBeDefined();
    expect(none.metrics.customers.ordersNotPlaced).toBe(0);
    expect(some.metrics.customers.ordersNotPlaced).toBeGreaterThan(0);
    expect(some.metrics.service.ordersPlaced).toBeLessThan(none.metrics.service.ordersPlaced);
    // Day 0 has no earlier lateness: the same orders and the same promises.
    expect(some.perDay[0]).toEqual(none.perDay[0]);
    expect(some.metrics.customers.lostOrders).toBeGreaterThan(0);
    expect(JSON.stringify(simulate(shortFleet({ lostOrdersPerLate: 0.5 }), 'median', 1))).toBe(JSON.stringify(some));
  });

  it('keeps every order when nothing was late, and drops a superset of orders as the loss grows', () => {
    const orders = dayOrders(200);
    const draws = Float64Array.from({ length: 200 }, (_, i) => ((i * 7919) % 200) / 200);
    const calm = new CustomerResponse(shortFleet({ lostOrdersPerLate: 1, days: 2 }).demand, 5);
    for (let i = 0; i < 100; i++) calm.delivered(-60);
    calm.endDay(0);
    expect(calm.thin(1, orders, drawing(draws)).dropped).toBe(0);

    const kept = (late: number) => {
      const r = new CustomerResponse(shortFleet({ lostOrdersPerLate: 1, days: 2 }).demand, 5);
      for (let i = 0; i < late; i++) r.delivered(11 * 60);
      expect(r.endDay(0)).toBe(late);
      return new Set(r.thin(1, orders, drawing(draws)).orders.placeSec);
    };
    const few = kept(10);
    const many = kept(60);
    expect(few.size).toBe(195); // 10 lost over 2 days: 5 on day 1
    expect(many.size).toBe(170);
    for (const t of many) expect(few.has(t)).toBe(true);
  });

  it('thins in place (the engine’s own drawn orders) to exactly the orders a copy keeps', () => {
    const draws = Float64Array.from({ length: 200 }, (_, i) => ((i * 7919) % 200) / 200);
    const thinned = (inPlace: boolean) => {
      const r = new CustomerResponse(shortFleet({ lostOrdersPerLate: 1, days: 2 }).demand, 5);
      for (let i = 0; i < 60; i++) r.delivered(11 * 60);
      r.endDay(0);
      const orders = { ...dayOrders(200), covered: Uint8Array.from({ length: 200 }, (_, i) => i % 2) };
      const out = r.thin(1, orders, drawing(draws), inPlace);
      // In place, the kept orders are views of the front of the given arrays; a copy leaves them as they were.
      expect(out.orders.placeSec.buffer === orders.placeSec.buffer).toBe(inPlace);
      return out;
    };
    const copied = thinned(false);
    const moved = thinned(true);
    expect(moved.dropped).toBe(copied.dropped);
    expect(moved.orders.count).toBe(170);
    for (const key of ['placeSec', 'readySec', 'restaurant', 'custX', 'custY', 'straightKm', 'covered'] as const) {
      expect(Array.from(moved.orders[key] ?? [])).toEqual(Array.from(copied.orders[key] ?? []));
    }
  });
});

function dayOrders(n: number): DayOrders {
  const f = (g: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => g(i));
  return {
    count: n,
    placeSec: f((i) => i * 10),
    readySec: f((i) => i * 10 + 600),
    restaurant: Int32Array.from({ length: n }, () => 0),
    custX: f(() => 1),
    custY: f(() => 1),
    straightKm: f(() => 1),
  };
}

/** The draws of `values`, one per call, in order (as a retention stream gives them). */
function drawing(values: Float64Array): () => number {
  let k = 0;
  return () => values[k++] as number;
}
