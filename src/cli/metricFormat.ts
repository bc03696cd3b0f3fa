/** How a metric reads in a table: its unit and decimals, from the MODEL.md section 10 name. */

/** Display kinds of metrics; each fixes a unit and a number of decimals. */
export type MetricKind =
  'share' | 'cny' | 'cnyPerOrder' | 'cnyPerHour' | 'hours' | 'km' | 'speed' | 'count' | 'minutes' | 'index';

interface KindFormat {
  unit: string;
  decimals: number;
  /** Shares are stored as fractions and shown as percentages. */
  scale: number;
}

const KIND_FORMATS: Record<MetricKind, KindFormat> = {
  share: { unit: '%', decimals: 1, scale: 100 },
  cny: { unit: 'CNY/day', decimals: 2, scale: 1 },
  cnyPerOrder: { unit: 'CNY/order', decimals: 2, scale: 1 },
  cnyPerHour: { unit: 'CNY/h', decimals: 2, scale: 1 },
  hours: { unit: 'h', decimals: 2, scale: 1 },
  km: { unit: 'km', decimals: 1, scale: 1 },
  speed: { unit: 'km/h', decimals: 1, scale: 1 },
  count: { unit: '', decimals: 1, scale: 1 },
  minutes: { unit: 'min', decimals: 1, scale: 1 },
  index: { unit: '', decimals: 3, scale: 1 },
};

// The metrics of MODEL.md section 10 by path (a distribution's `.mean` is looked up without it).
const KNOWN: Record<string, MetricKind> = {
  'earnings.netPerOnlineHour': 'cnyPerHour',
  'earnings.netPerEngagedHour': 'cnyPerHour',
  'earnings.shareBelowMinWage': 'share',
  'earnings.gini': 'index',
  'earnings.penaltyShareOfGross': 'share',
  'earnings.topUpShare': 'share',
  'earnings.feePerOrder': 'cnyPerOrder',
  'earnings.fullTime.netPerOnlineHour': 'cnyPerHour',
  'workload.onlineHours': 'hours',
  'workload.shareOverStandardDay': 'share',
  'workload.shareOverLegalLimit': 'share',
  'workload.ordersPerCourierDay': 'count',
  'workload.kmPerCourierDay': 'km',
  'workload.longestStretchHours': 'hours',
  'workload.fullTime.ordersPerCourierDay': 'count',
  'workload.fullTime.onlineHours': 'hours',
  'safety.speedingKmShare': 'share',
  'safety.meanSpeedKmh': 'speed',
  'safety.redLightRunsPerCourierDay': 'index',
  'safety.relativeCrashRisk': 'index',
  'safety.injuryCrashesPer1000CourierDays': 'index',
  'safety.fatiguedKmShare': 'share',
  'service.ordersPlaced': 'count',
  'service.ordersDelivered': 'count',
  'service.ordersUndelivered': 'count',
  'service.onTimeRate': 'share',
  'service.clickToDoorMin': 'minutes',
  'service.promisedMin': 'minutes',
  'service.lateOver8MinRate': 'share',
  'service.ordersPerWave': 'count',
  'service.bagAtPeak': 'count',
  'platform.deliveryRevenue': 'cny',
  'platform.courierPay': 'cny',
  'platform.margin': 'cny',
  'platform.courierPayPerOrder': 'cnyPerOrder',
  'platform.marginPerOrder': 'cnyPerOrder',
  'mdrp.ordersDelivered': 'count',
  'mdrp.deliveredShare': 'share',
  'mdrp.clickToDoorMin': 'minutes',
  'mdrp.clickToDoorOverageMin': 'minutes',
  'mdrp.shareOverTarget': 'share',
  'mdrp.readyToDoorMin': 'minutes',
  'mdrp.readyToPickupMin': 'minutes',
  'mdrp.courierUtilisation': 'share',
  'mdrp.ordersPerCourierHour': 'count',
  'mdrp.totalCourierPay': 'index',
  'mdrp.shareCouriersPaidGuarantee': 'share',
};

/** The display kind of a metric path; names outside the known list are guessed from their suffix. */
export function metricKind(path: string): MetricKind {
  const base = path.replace(/\.(mean|p10|p50|p90|max)$/, '');
  const known = KNOWN[base];
  if (known) return known;
  // A metric added to the model later still reads sensibly before this table learns its name.
  const name = base.split('.').at(-1) ?? '';
  if (/Share$|Rate$|^share/.test(name)) return 'share';
  if (/Cny$|PerHour$/.test(name)) return 'cnyPerHour';
  if (/Hours$/.test(name)) return 'hours';
  if (/Min$/.test(name)) return 'minutes';
  if (/Kmh$/.test(name)) return 'speed';
  if (/Km$/.test(name)) return 'km';
  return 'index';
}

/** The unit shown beside a metric (`%`, `CNY/h`, `h`, ...; empty for counts and indices). */
export function metricUnit(path: string): string {
  return KIND_FORMATS[metricKind(path)].unit;
}

function fixed(value: unknown, path: string, signed: boolean): string {
  // NaN and Infinity become null in JSON; both mean "no value" here (e.g. an interval from one replication of 0/0).
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'n/a';
  const f = KIND_FORMATS[metricKind(path)];
  let text = (value * f.scale).toFixed(f.decimals);
  // Rounding can leave "-0.0"; a sign on zero would suggest a direction that is not there.
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  if (signed && !text.startsWith('-') && Number(text) !== 0) text = `+${text}`;
  return text;
}

/** A metric value in its display unit (shares as percentages), without the unit. */
export function formatMetric(value: unknown, path: string): string {
  return fixed(value, path, false);
}

/** A difference of a metric with an explicit sign (shares in percentage points). */
export function formatDifference(value: unknown, path: string): string {
  return fixed(value, path, true);
}

/** A plain number with at most four significant digits, for scorecard values whose threshold is a plain number. */
export function formatPlain(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return 'n/a';
  return String(Number(value.toPrecision(4)));
}
