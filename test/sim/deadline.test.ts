// The deadline seam: the duration percentile against a hand-made history, borrowing, protection floors, the
// platform's gradual update, warm-up determinism, and the rider's thresholds.
import { describe, expect, it } from 'vitest';
import { Rules, Scenario } from '../../src/scenario/schema.ts';
import { nextEstimate } from '../../src/sim/deadline/common.ts';
import { DeliveryDurationDeadline } from '../../src/sim/deadline/deliveryDuration.ts';
import { CellHistograms, DURATION_BIN_SEC, HistogramGrid as Grid } from '../../src/sim/deadline/histograms.ts';
import { requiredKmh } from '../../src/sim/riding.ts';
import { simulate } from '../../src/sim/simulate.ts';

/** Deadline rules with the given overrides (a single distance band of 10 km, no hours, from placement). */
function deadline(over: object = {}) {
  return Rules.parse({
    deadline: { bandKm: 10, byHour: false, measureFrom: 'placement', minSamples: 1, warmupDays: 1, ...over },
  }).deadline;
}

/** The grid of `segments × bands` cells whose dense counts are `sum` (cell-major, 480 bins a cell). */
function gridOf(sum: ArrayLike<number>, segments: number, bands: number): Grid {
  return new Grid(CellHistograms.fromDense(sum, segments * bands), segments, bands);
}

/** Feeds one day of deliveries of 2 km, each `minutes` long, placed at noon with the food ready at once. */
function day(model: DeliveryDurationDeadline, minutes: readonly number[]): void {
  model.startDay();
  for (const m of minutes) model.observeDelivery(2, m * 60, 0, 12);
  model.endDay();
}

describe('the delivery-duration percentile', () => {
  it('is where the cumulative count reaches p% of the deliveries, spread evenly inside each 30-second bin', () => {
    // Ten deliveries of 10, 20, …, 100 minutes: one in each of bins 20, 40, …, 200.
    const sum = new Float64Array(480);
    for (let k = 1; k <= 10; k++) sum[(k * 600) / DURATION_BIN_SEC] = 1;
    const grid = gridOf(sum, 1, 1);
    expect(grid.count(0, 0, 0, 0)).toBe(10);
    // p50: 5 deliveries; the 5th is alone in bin 100, so the point is the end of that bin: 101 × 30 s.
    expect(grid.quantile(0, 0, 0, 0, 50)).toBe(101 * 30);
    // p10: 1 delivery, the end of bin 20; p0: the start of the first non-empty bin.
    expect(grid.quantile(0, 0, 0, 0, 10)).toBe(21 * 30);
    expect(grid.quantile(0, 0, 0, 0, 0)).toBe(20 * 30);
    // Two deliveries in one bin share it: p25 of {10, 10, 30, 30} min is halfway through bin 20.
    const two = new Float64Array(480);
    two[20] = 2;
    two[60] = 2;
    expect(gridOf(two, 1, 1).quantile(0, 0, 0, 0, 25)).toBe(20.5 * 30);
  });

  it('holds counts: whole numbers, fewer than 2^32 in a bin (its bins are 32-bit)', () => {
    const half = new Float64Array(480);
    half[3] = 0.5;
    expect(() => gridOf(half, 1, 1)).toThrow(/whole numbers/);
    const huge = new Float64Array(480);
    huge[3] = 2 ** 32;
    expect(() => gridOf(huge, 1, 1)).toThrow(/2\^32/);
    const most = new Float64Array(480);
    most[3] = 2 ** 32 - 1;
    expect(gridOf(most, 1, 1).count(0, 0, 0, 0)).toBe(2 ** 32 - 1);
  });

  it('sums any block of neighbouring cells exactly (the prefix sums of a grid of histograms)', () => {
    // Two hours × three bands; cell (s, b) holds s + b + 1 deliveries in bin 10 × (b + 1).
    const sum = new Float64Array(6 * 480);
    for (let s = 0; s < 2; s++) for (let b = 0; b < 3; b++) sum[(s * 3 + b) * 480 + 10 * (b + 1)] = s + b + 1;
    const grid = gridOf(sum, 2, 3);
    expect(grid.count(0, 1, 0, 2)).toBe(1 + 2 + 3 + 2 + 3 + 4);
    expect(grid.count(1, 1, 1, 2)).toBe(3 + 4);
    // Bands 1..2 of hour 0: 2 deliveries in bin 20, 3 in bin 30; the median (2.5) is halfway through bin 30.
    expect(grid.quantile(0, 0, 1, 2, 50)).toBe((30 + 0.5 / 3) * 30);
    // Hour 1, band 0: 2 deliveries in bin 10; the median (1 of them) is halfway through it.
    expect(grid.quantile(1, 1, 0, 0, 50)).toBe(10.5 * 30);
  });

  it('promises the p-th percentile of yesterday’s durations in the band, at least the protection floor', () => {
    const history = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const p10 = new DeliveryDurationDeadline(deadline({ percentile: 10 }), 20, 225, -1);
    const p50 = new DeliveryDurationDeadline(deadline({ percentile: 50 }), 20, 225, -1);
    day(p10, history);
    day(p50, history);
    p10.startDay();
    p50.startDay();
    expect(p10.promiseSec(2, 0, 12)).toBe(21 * 30);
    expect(p50.promiseSec(2, 0, 12)).toBe(101 * 30);
    // A protection floor of 45 min for orders up to 3 km lifts the p10 promise, not the p50 one.
    const floored = new DeliveryDurationDeadline(
      deadline({ percentile: 10, protectionMin: [{ upToKm: 3, minutes: 45 }] }),
      20,
      225,
      -1,
    );
    day(floored, history);
    floored.startDay();
    expect(floored.promiseSec(2, 0, 12)).toBe(45 * 60);
    expect(floored.promiseSec(5, 0, 12)).toBe(21 * 30);
  });

  it('measured from the meal being ready, promises the ready time plus the percentile of ready-to-door', () => {
    const model = new DeliveryDurationDeadline(deadline({ measureFrom: 'mealReady', percentile: 50 }), 20, 225, -1);
    model.startDay();
    // Each delivery took 10 min from the food being ready, whatever the preparation.
    for (const prep of [5, 10, 15, 20, 25]) model.observeDelivery(2, (prep + 10) * 60, prep * 60, 12);
    model.endDay();
    model.startDay();
    const tenMinutes = (20 + 0.5) * 30;
    expect(model.promiseSec(2, 0, 12)).toBe(tenMinutes);
    expect(model.promiseSec(2, 30 * 60, 12)).toBe(30 * 60 + tenMinutes);
    // The later of the two promises: a long preparation moves it past the click-to-door percentile.
    const both = new DeliveryDurationDeadline(deadline({ measureFrom: 'latestOfBoth', percentile: 50 }), 20, 225, -1);
    both.startDay();
    for (const prep of [5, 10, 15, 20, 25]) both.observeDelivery(2, (prep + 10) * 60, prep * 60, 12);
    both.endDay();
    both.startDay();
    expect(both.promiseSec(2, 0, 12)).toBe((50 + 0.5) * 30); // click to door p50 (25 min) beats 0 + 10 min
    expect(both.promiseSec(2, 40 * 60, 12)).toBe(40 * 60 + tenMinutes);
  });

  it('borrows from neighbouring bands when a band has fewer than minSamples deliveries', () => {
    const rules = deadline({ bandKm: 1, minSamples: 3, percentile: 50 });
    const model = new DeliveryDurationDeadline(rules, 10, 225, -1);
    model.startDay();
    // Band 2 (2–3 km) has one delivery of 30 min; bands 1 and 3 have one each of 10 and 50 min.
    model.observeDelivery(2.5, 30 * 60, 0, 12);
    model.observeDelivery(1.5, 10 * 60, 0, 12);
    model.observeDelivery(3.5, 50 * 60, 0, 12);
    model.endDay();
    model.startDay();
    // Bands 1..3 together: 3 deliveries; the median (1.5 of them) is halfway through the 30-min one's bin.
    expect(model.promiseSec(2.5, 0, 12)).toBe(60.5 * 30);
  });

  it('without a learning window keeps the estimate learned from the warm-up; with one moves rate of the way', () => {
    const still = deadline({ learning: { windowDays: 0 } });
    expect(nextEstimate(still.learning, 0, 30, 20)).toBe(20); // day 0 learns from the warm-up
    expect(nextEstimate(still.learning, 3, 20, 10)).toBe(20); // then stays
    const learning = deadline({ learning: { windowDays: 7, rate: 0.3 } });
    expect(nextEstimate(learning.learning, 3, 30, 20)).toBeCloseTo(27, 12);
    expect(nextEstimate(learning.learning, 0, undefined, 20)).toBe(20);
    expect(nextEstimate(learning.learning, 5, 30, undefined)).toBe(30);
  });

  it('starts a learning window from the first-day promises and tightens by rate each day towards the p10 target', () => {
    const rules = deadline({ percentile: 10, warmupDays: 1, learning: { windowDays: 7, rate: 0.5 } });
    // Warm-up day −1: no history, so the first-day rule (riding pace): 15 + 2 + 2 min + 2 km × 225 s/km = 26.5 min.
    const model = new DeliveryDurationDeadline(rules, 20, 225, -1);
    model.startDay();
    expect(model.promiseSec(2, 0, 12)).toBe(26.5 * 60);
    for (const m of [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]) model.observeDelivery(2, m * 60, 0, 12);
    model.endDay();
    // Day 0: half way from 26.5 min to the p10 of the warm-up (the warm-up percentile is 50 only before day 0).
    model.startDay();
    expect(model.promiseSec(2, 0, 12)).toBeCloseTo((26.5 * 60 + 21 * 30) / 2, 9);
  });
});

describe('a promise in force on day 0 (learning.startMinutes)', () => {
  /** Warm-up day −1 learns from placement; day 0 starts from the given level; the band is 1 km wide, by hour. */
  function startModel(startMinutes: number | null, percentile = 10) {
    const rules = deadline({
      bandKm: 1,
      byHour: true,
      percentile,
      warmupDays: 1,
      learning: { windowDays: 1, rate: 0.5, startMinutes, startKm: 3 },
    });
    const model = new DeliveryDurationDeadline(rules, 10, 225, -1);
    model.startDay();
    // The warm-up: at 3 km, 10 orders at noon of 20..29 min and 30 at 19:00 of 30..59 min; at 1 km 10 of 10..19.
    for (let k = 0; k < 10; k++) model.observeDelivery(3.5, (20 + k) * 60, 0, 12);
    for (let k = 0; k < 30; k++) model.observeDelivery(3.5, (30 + k) * 60, 0, 19);
    for (let k = 0; k < 10; k++) model.observeDelivery(1.5, (10 + k) * 60, 0, 12);
    model.endDay();
    return model;
  }

  it('scales the warm-up’s estimates so that an order of startKm is promised startMinutes on average', () => {
    // Without a start, day 0 of an arm at the past practice's percentile (warmupPercentile 50).
    const free = startModel(null, 50);
    const held = startModel(60);
    free.startDay();
    held.startDay();
    // That day 0 at 3 km: noon and 19:00 (each the p50 of its hour), and 1 km at noon.
    const [noon, evening, near] = [
      free.promiseSec(3.5, 0, 12),
      free.promiseSec(3.5, 0, 19),
      free.promiseSec(1.5, 0, 12),
    ];
    // Weighted by the warm-up's deliveries at 3 km (10 at noon, 30 at 19:00), the day-0 level is 60 min.
    const level = (10 * held.promiseSec(3.5, 0, 12) + 30 * held.promiseSec(3.5, 0, 19)) / 40;
    expect(level).toBeCloseTo(3600, 6);
    // The shape over hours and distances is the past practice's, every cell scaled by one factor.
    const factor = held.promiseSec(3.5, 0, 12) / noon;
    expect(held.promiseSec(3.5, 0, 19) / evening).toBeCloseTo(factor, 9);
    expect(held.promiseSec(1.5, 0, 12) / near).toBeCloseTo(factor, 9);
  });

  it('learns on from the start the next day, rate of the way towards its target', () => {
    const held = startModel(60);
    held.startDay();
    const day0 = held.promiseSec(3.5, 0, 12);
    for (let k = 0; k < 10; k++) held.observeDelivery(3.5, (20 + k) * 60, 0, 12);
    held.endDay();
    held.startDay();
    // Day 1: half way from day 0's estimate to the p10 of day 0's noon deliveries at 3 km (bin 41: 20.5 min + 0.5).
    expect(held.promiseSec(3.5, 0, 12)).toBeCloseTo((day0 + 41 * 30) / 2, 6);
  });
});

describe('warm-up', () => {
  const base = { schemaVersion: 2, population: { couriers: 12 }, city: { restaurants: 60 } };

  it('is deterministic, and leaves the reported days’ orders the same whatever its length', () => {
    const runs = [0, 1, 3].map((warmupDays) =>
      simulate(Scenario.parse({ ...base, rules: { deadline: { warmupDays } } }), 'median', 5),
    );
    const again = simulate(Scenario.parse({ ...base, rules: { deadline: { warmupDays: 1 } } }), 'median', 5);
    expect(JSON.stringify(again)).toBe(JSON.stringify(runs[1]));
    // The warm-up draws from its own streams: day 0 has the same orders and the same couriers.
    const placed = runs.map((r) => r.metrics.service.ordersPlaced);
    expect(new Set(placed).size).toBe(1);
    // What the platform learned does differ: with no warm-up, day 0 uses the first-day rule for every arm.
    expect(runs[0]?.metrics.service.promisedMin.mean).not.toBe(runs[1]?.metrics.service.promisedMin.mean);
  });

  it('gives every arm the same history: without it the arms promise alike on day 0', () => {
    const s = Scenario.parse({ ...base, rules: { deadline: { warmupDays: 0 } } });
    expect(simulate(s, 'strictest', 2).metrics.service.promisedMin.mean).toBe(
      simulate(s, 'median', 2).metrics.service.promisedMin.mean,
    );
    const w = Scenario.parse(base);
    expect(simulate(w, 'strictest', 2).metrics.service.promisedMin.mean).toBeLessThan(
      simulate(w, 'median', 2).metrics.service.promisedMin.mean,
    );
  });
});

describe('the thresholds a courier rides for', () => {
  it('aims at the promise while it can be reached, then at the late line, then at the severe line, then at none', () => {
    const km = 5; // 10 min at vmax 30 km/h
    expect(requiredKmh(km, 20 * 60, 8 * 60, 10 * 60, 30)).toBeCloseTo(15, 12);
    // The promise is 5 min away: lost at 30 km/h; the late line is 13 min away.
    expect(requiredKmh(km, 5 * 60, 8 * 60, 10 * 60, 30)).toBeCloseTo((5 / 13) * 60, 12);
    // Without grace the next line is the severe one, 10 min after the promise.
    expect(requiredKmh(km, 5 * 60, 0, 10 * 60, 30)).toBeCloseTo(20, 12);
    // Every line lost: no point in hurrying.
    expect(requiredKmh(km, -30 * 60, 8 * 60, 10 * 60, 30)).toBe(0);
    // A severe line without a fine (Infinity) is not a line.
    expect(requiredKmh(km, -9 * 60, 8 * 60, Infinity, 30)).toBe(0);
  });
});
