// Sensitivity's default parameters come from the parameter catalogue; they are exactly the list written out before the
// catalogue existed, so `fairpace sensitivity` varies the same parameters over the same ranges in the same order.
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from '../../src/analysis/sensitivity.ts';
import { rangedParameters } from '../../src/scenario/catalogue.ts';

/** The default parameters as src/analysis/sensitivity.ts listed them by hand (December 2026). */
const BEFORE_THE_CATALOGUE = [
  { path: 'city.detourFactor', lowFactor: 0.9, highFactor: 1.1, basis: '±10% (1.17–1.43 at the default 1.3)' },
  { path: 'population.comfortSpeedKmh.mean', lowFactor: 0.8, highFactor: 1.2, basis: '±20%' },
  { path: 'population.maxSpeedKmh.mean', lowFactor: 0.8, highFactor: 1.2, basis: '±20%' },
  { path: 'behaviour.redLightProb', lowFactor: 0.8, highFactor: 1.2, basis: '±20%' },
  { path: 'behaviour.redRunPressure', lowFactor: 0.5, highFactor: 1.5, basis: '±50% (poorly known)' },
  { path: 'risk.fatiguePerHour', lowFactor: 0.5, highFactor: 2, basis: '×0.5 to ×2 (poorly known)' },
  { path: 'rules.pay.commissionRate', lowFactor: 0.5, highFactor: 2, basis: '×0.5 to ×2 (5–20% at the default 10%)' },
  { path: 'demand.cancelAfterMin', lowFactor: 0.8, highFactor: 1.2, basis: '±20%' },
  { path: 'behaviour.newCourierSlowdown', lowFactor: 0.5, highFactor: 2, basis: '×0.5 to ×2' },
  { path: 'rules.platform.deliveryRevenuePerOrder', lowFactor: 0.8, highFactor: 1.2, basis: '±20%' },
  { path: 'population.incomeTargetMedianCny', lowFactor: 0.8, highFactor: 1.2, basis: '±20%' },
  { path: 'city.signalsPerKm', lowFactor: 0.67, highFactor: 1.33, basis: '±33% (2–4 at the default 3)' },
  { path: 'behaviour.complaintProbLate', lowFactor: 0.5, highFactor: 2, basis: '×0.5 to ×2' },
  { path: 'demand.weatherFactor.rain', lowFactor: 0.9, highFactor: 1.1, basis: '±10% (matters only on rain days)' },
  {
    path: 'demand.lateResponse.lostOrdersPerLate',
    lowFactor: 0,
    highFactor: 5,
    basis: '×0 to ×5 (0–0.5 at the default 0.1; no size published; matters only in runs of more than one day)',
  },
];

describe('sensitivity’s default parameters', () => {
  it('are the 15 written out before the catalogue, with the same ranges, bases and order', () => {
    expect(ASSUMPTIONS).toEqual(BEFORE_THE_CATALOGUE);
  });

  it('are every default the catalogue gives a range: assumptions, and two calibrated defaults', () => {
    const ranged = rangedParameters();
    expect(ranged.map((r) => r.path)).toEqual(BEFORE_THE_CATALOGUE.map((a) => a.path));
    expect(ranged.filter((r) => r.status === 'calibrated').map((r) => r.path)).toEqual([
      'population.comfortSpeedKmh.mean',
      'rules.platform.deliveryRevenuePerOrder',
    ]);
  });
});
