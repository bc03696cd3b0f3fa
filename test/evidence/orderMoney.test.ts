// Where an order's delivery money goes: the parts add up to the platform's revenue, fines are named by who receives
// them, and the platform's profit is its balance over every flow.
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/analysis/index.ts';
import {
  moneySegments,
  orderMoney,
  profitNote,
  stackSegments,
  type OrderMoney,
} from '../../src/evidence/orderMoney.ts';
import { fixed } from '../../src/evidence/format.ts';
import { flowParties, zeroFlows, type FlowAmounts } from '../../src/sim/flows.ts';
import { scenarioOf, TINY } from './fixtures.ts';

/** One order's flows, by hand: fee 3 + commission 4 = revenue 7; fees 8, commission 1, fines 2, bonus 0.5. */
const FLOWS: FlowAmounts = {
  ...zeroFlows(),
  orderValue: 48,
  deliveryFee: 3,
  merchantCommission: 4,
  courierFees: 8,
  courierCommission: 1,
  fines: 2,
  bonuses: 0.5,
  topUps: 0.25,
  premiums: 0.2,
  compensation: 0.75,
  courierExpenses: 0.6,
  otherCosts: 1.5,
};

const rulesWith = (recipient: string, funder: string) =>
  scenarioOf({ ...TINY, rules: { penalties: { recipient }, compensation: { funder } } }).rules;

const money = (recipient: string, funder: string) =>
  orderMoney({ flowsPerOrder: FLOWS, parties: flowParties(rulesWith(recipient, funder)) });

const partsOf = (m: OrderMoney) => Object.fromEntries(m.parts.map((p) => [p.part, p.cny]));
const sum = (m: OrderMoney) => m.parts.reduce((a, p) => a + p.cny, 0);

describe('orderMoney', () => {
  it('splits the revenue when fines go to the platform: its part leaves them out, its profit adds them back', () => {
    const m = money('platform', 'merchantInsurance');
    expect(m.revenue).toBe(7);
    // Couriers keep 8 − 1 − 2 + 0.5 + 0.25 = 5.75; compensation is the insurer's, so not a part.
    expect(partsOf(m)).toEqual({ couriers: 5.75, fines: 2, otherCosts: 1.5, platform: -2.25 });
    expect(m.parts.map((p) => p.part)).toEqual(['couriers', 'fines', 'otherCosts', 'platform']);
    expect(sum(m)).toBeCloseTo(7, 12);
    // Platform: 3 + 4 + 1 + 2 − 8 − 0.5 − 0.25 − 1.5 = −0.25.
    expect(m.operatingProfit).toBeCloseTo(-0.25, 12);
    expect(m.finesTo).toBe('platform');
    expect(m.compensationByPlatform).toBe(false);
  });

  it('counts fines that go to a station and compensation the platform pays as uses of its revenue', () => {
    const m = money('station', 'platform');
    expect(partsOf(m)).toEqual({ couriers: 5.75, fines: 2, compensation: 0.75, otherCosts: 1.5, platform: -3 });
    expect(sum(m)).toBeCloseTo(7, 12);
    expect(m.operatingProfit).toBeCloseTo(-3, 12);
    expect(moneySegments(m).map((s) => s.key)).toEqual([
      'couriers',
      'fines-station',
      'compensation',
      'otherCosts',
      'platform-loss',
    ]);
  });

  it('names a fund outside the delivery, and a positive remainder as what is left for the platform', () => {
    const m = orderMoney({
      flowsPerOrder: { ...FLOWS, otherCosts: 0, merchantCommission: 10 },
      parties: flowParties(rulesWith('none', 'merchantInsurance')),
    });
    expect(m.finesTo).toBe('elsewhere');
    const segments = moneySegments(m);
    expect(segments[1]?.label).toEqual({ zh: '罚款（归配送以外的基金）', en: 'Fines, to a fund outside the delivery' });
    expect(segments.at(-1)).toMatchObject({ key: 'platform', cny: 13 - 5.75 - 2, label: { zh: '平台所得' } });
  });

  it('stacks positive parts right of zero in order and a loss left of it', () => {
    const stacked = stackSegments(moneySegments(money('platform', 'merchantInsurance')));
    expect(stacked.map((s) => [s.from, s.to])).toEqual([
      [0, 5.75],
      [5.75, 7.75],
      [7.75, 9.25],
      [-2.25, 0],
    ]);
  });

  it('says the revenue and profit per order, with the fines the platform keeps', () => {
    const note = profitNote(money('platform', 'merchantInsurance'), (x) => fixed(x, 2));
    expect(note).toEqual({
      zh: '平台每单收入 7.00 元，利润 -0.25 元（含罚款 2.00 元）',
      en: 'Platform per order: revenue 7.00, profit -0.25 CNY (incl. 2.00 of fines)',
    });
    expect(profitNote(money('station', 'platform'), (x) => fixed(x, 2)).zh).toBe('平台每单收入 7.00 元，利润 -3.00 元');
    const noFines = orderMoney({
      flowsPerOrder: { ...FLOWS, fines: 0 },
      parties: flowParties(rulesWith('platform', 'merchantInsurance')),
    });
    expect(profitNote(noFines, (x) => fixed(x, 2)).en).toBe('Platform per order: revenue 7.00, profit -2.25 CNY');
    expect(moneySegments(noFines).at(-1)?.label.en).toBe('Platform: loss');
  });

  it('gives the platform’s operating profit per order of a real comparison', async () => {
    const scenario = scenarioOf(TINY);
    const comparison = await compare(scenario);
    for (const arm of comparison.arms) {
      const m = orderMoney(arm.money);
      expect(m.operatingProfit).toBeCloseTo(arm.metrics.platform.operatingProfitPerOrder, 9);
      expect(sum(m)).toBeCloseTo(m.revenue, 9);
    }
  });
});
