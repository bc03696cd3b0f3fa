/** Rider records in the documented layout, worked out by hand in riders.test.ts. */

export const RIDER_HEADER = 'rider_id,accepted_at,picked_up_at,delivered_at,km,pay_cny,fine_cny,promised_at';
export const at = (day: string, hm: string) => `2024-05-${day}T${hm}:00+08:00`;
export const RIDER_ROWS = [
  ['alice-001', at('06', '10:00'), at('06', '10:10'), at('06', '10:40'), '3', '8', '0', at('06', '10:45')],
  ['alice-001', at('06', '10:30'), at('06', '10:45'), at('06', '11:20'), '4', '9', '5', at('06', '11:10')],
  ['alice-001', at('07', '18:00'), at('07', '18:20'), at('07', '18:50'), '2', '7', '0', ''],
  ['bob-002', at('06', '12:00'), at('06', '12:05'), at('06', '12:30'), '1.5', '6', '0', at('06', '12:40')],
];
export const RIDER_CSV = `${[RIDER_HEADER, ...RIDER_ROWS.map((r) => r.join(','))].join('\n')}\n`;
export const ONLINE_CSV =
  'rider_id,date,online_hours\nalice-001,2024-05-06,12\nalice-001,2024-05-07,9\nbob-002,2024-05-06,1.5\nbob-002,2024-05-08,4\n';

/**
 * Rider records of `riders` riders over `days` days from Monday 2024-05-06, in the documented layout, with a
 * matching online-time file: days online 3–12 h, about 2.9 orders an hour, pay 6–11 CNY an order, a 3 CNY fine for
 * most orders more than 5 minutes late. Deterministic in `seed`.
 */
export function generateRiderRecords(riders: number, days: number, seed = 7): { records: string; online: string } {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = (dayOfMonth: number, minute: number) => {
    const d = dayOfMonth + Math.floor(minute / 1440);
    const m = ((minute % 1440) + 1440) % 1440;
    return `2024-05-${pad(d)}T${pad(Math.floor(m / 60))}:${pad(m % 60)}:00+08:00`;
  };
  const records = ['rider_id,accepted_at,picked_up_at,delivered_at,km,pay_cny,fine_cny,promised_at'];
  const online = ['rider_id,date,online_hours'];
  for (let r = 0; r < riders; r++) {
    const id = `member-${String(1000 + r)}-${Math.floor(rnd() * 1e8)}`;
    const fullTime = rnd() < 0.7;
    for (let d = 0; d < days; d++) {
      if (rnd() < (fullTime ? 0.12 : 0.45)) continue;
      const day = 6 + d;
      const hours = fullTime ? 7 + Math.floor(rnd() * 50) / 10 : 3 + Math.floor(rnd() * 40) / 10;
      online.push(`${id},2024-05-${pad(day)},${hours}`);
      let t = (fullTime ? 9 * 60 : 11 * 60) + Math.floor(rnd() * 60);
      const end = t + hours * 60;
      while (t < end - 40) {
        const pick = t + 5 + Math.floor(rnd() * 15);
        const ride = 10 + Math.floor(rnd() * 25);
        const delivered = pick + ride;
        const promised = t + 28 + Math.floor(rnd() * 12);
        const late = delivered - promised;
        const fine = late > 5 && rnd() < 0.8 ? 3 : 0;
        const km = Math.round((1 + rnd() * 5) * 10) / 10;
        const pay = Math.round((5.5 + km * 0.7 + rnd()) * 10) / 10;
        records.push(
          `${id},${iso(day, t)},${iso(day, pick)},${iso(day, delivered)},${km},${pay},${fine},${iso(day, promised)}`,
        );
        t += 8 + Math.floor(rnd() * 26);
      }
    }
  }
  return { records: `${records.join('\n')}\n`, online: `${online.join('\n')}\n` };
}
