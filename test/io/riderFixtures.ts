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
