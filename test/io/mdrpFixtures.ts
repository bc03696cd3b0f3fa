/** Small MDRP instances written in the published format (tab-separated, a header line first). */
import type { MdrpFileRole } from '../../src/io/mdrp.ts';

const tsv = (header: string, rows: (string | number)[][]) =>
  `${[header, ...rows.map((r) => r.join('\t'))].join('\n')}\n`;

/**
 * A hand-checkable instance: 320 m/min, 4 + 4 service minutes. Two restaurants; r1's orders o1 and o2 are ready
 * together (a bundle) and o2 and o3 sit at the same location; c2 never gets an order; o4 is placed after every
 * shift has ended.
 */
export function smallInstance(): Record<MdrpFileRole, string> {
  return {
    restaurants: tsv('restaurant\tx\ty', [
      ['r1', 0, 0],
      ['r2', 3200, 0],
    ]),
    orders: tsv('order\tx\ty\tplacement_time\trestaurant\tready_time', [
      ['o1', 640, 0, 0, 'r1', 10],
      ['o2', 0, 960, 2, 'r1', 10],
      ['o3', 0, 960, 20, 'r2', 30],
      ['o4', 100, 100, 500, 'r1', 510],
    ]),
    couriers: tsv('courier\tx\ty\ton_time\toff_time', [
      ['c1', 0, 320, 0, 120],
      ['c2', 99000, 99000, 0, 60],
    ]),
    parameters: tsv(
      'meters_per_minute\tpickup service minutes\tdropoff service minutes\ttarget click-to-door\tmaximum click-to-door\tpay per order\tguaranteed pay per hour',
      [[320, 4, 4, 40, 90, 10, 15]],
    ),
  };
}

/** A generated instance: `orders` orders over `restaurants` restaurants and `couriers` shifts, deterministic. */
export function generatedInstance(orders: number, couriers: number, restaurants: number): Record<MdrpFileRole, string> {
  let s = 12345;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const pos = () => Math.round(rand() * 12000);
  const rs = Array.from({ length: restaurants }, (_, i) => [`r${i + 1}`, pos(), pos()]);
  const os = Array.from({ length: orders }, (_, i) => {
    const placement = Math.floor(rand() * 800) + 60;
    return [
      `o${i + 1}`,
      pos(),
      pos(),
      placement,
      `r${1 + Math.floor(rand() * restaurants)}`,
      placement + 5 + Math.floor(rand() * 25),
    ];
  });
  const cs = Array.from({ length: couriers }, (_, i) => {
    const on = Math.floor(rand() * 700);
    return [`c${i + 1}`, pos(), pos(), on, on + 120 + Math.floor(rand() * 240)];
  });
  return {
    restaurants: tsv('restaurant\tx\ty', rs),
    orders: tsv('order\tx\ty\tplacement_time\trestaurant\tready_time', os),
    couriers: tsv('courier\tx\ty\ton_time\toff_time', cs),
    parameters: tsv('meters_per_minute\tpickup\tdropoff\ttarget\tmax\tpay\tguarantee', [[320, 4, 4, 40, 90, 10, 15]]),
  };
}
