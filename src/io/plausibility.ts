/**
 * Plausibility bounds of the data importers: what no delivery platform's real record can show, defined once here
 * with a name and a plain explanation (the README lists them from this module's words). A row that breaks one is
 * well formed, so the format checks let it through, but a figure computed with it would rest on something that
 * never happened: one delivery stamped 30 days after its pickup moves a city's mean click-to-door by half.
 *
 * Each importer checks its rows against these bounds as it reads them. A PlausibilityCheck either refuses at the
 * first implausible row (the default of the library and the workbench: a DataFormatError located at its line) or
 * leaves such rows out and counts them by kind, so the caller can refuse with every count (the CLI's default) or
 * report them (`--drop-implausible`) in its output and the output file's metadata.
 */
import { DataFormatError } from './records.ts';

/** Seconds in a day. */
export const DAY_SECONDS = 86_400;

/** The longest any one stage of an order may take (ordered → accepted → picked up → delivered), hours. */
export const MAX_STAGE_HOURS = 24;
/**
 * The fastest straight-line speed from pickup to drop-off, km/h. China's e-bike standard (GB 17761-2018) caps
 * e-bikes at 25 km/h; a motorcycle in city traffic does not hold 60 km/h in a straight line either.
 */
export const MAX_STRAIGHT_LINE_KMH = 60;
/** Distance forgiven before the speed bound applies, km: where a position is recorded (a building's geocode, GPS). */
export const POSITION_SLACK_KM = 0.2;
/**
 * How much shorter than the hours spent on orders a rider-day's online hours may be, hours: the app rounds online
 * time, and a rider may log off with the last order still in the bag.
 */
export const ONLINE_SLACK_HOURS = 0.25;
/** Latest minute of an MDRP instance: its times are minutes of one day, so none beyond the end of the next. */
export const MDRP_LAST_MINUTE = 2 * 1440;
/** Fastest MDRP travel, metres per minute (60 km/h, as MAX_STRAIGHT_LINE_KMH). */
export const MDRP_MAX_METERS_PER_MINUTE = (MAX_STRAIGHT_LINE_KMH * 1000) / 60;

/** The kinds of implausible row, each a bound. */
export const IMPLAUSIBLE_KINDS = ['outside-day', 'out-of-order', 'over-a-day', 'too-fast', 'online-short'] as const;
/** A kind of implausible row. */
export type ImplausibleKind = (typeof IMPLAUSIBLE_KINDS)[number];

/** Each bound's name (as counts and messages show it) and what it means. */
export const PLAUSIBILITY_BOUNDS: Record<ImplausibleKind, { label: string; labelZh: string; explanation: string }> = {
  'outside-day': {
    label: 'a time outside its day',
    labelZh: '时间不在其所属日期内',
    explanation:
      "Every time of a waybill row (and of a wave row that has a dt) falls on its dt day or the next one, local time (UTC+8): an order placed late in the evening is delivered after midnight, and a pre-booked order's platform_order_time may also fall on the day before. An MDRP instance's times are minutes of one day: none beyond the end of the next (minute 2,880).",
  },
  'out-of-order': {
    label: 'times out of order',
    labelZh: '时间先后颠倒',
    explanation:
      'Accepted before it was ordered, picked up before it was accepted, delivered before it was picked up, accepted or ordered, promised before it was ordered (waybills); picked up before accepted or delivered before picked up (rider records); a wave that ends before it starts; an MDRP order ready before it was placed, or a courier off before on.',
  },
  'over-a-day': {
    label: 'a stage longer than a day',
    labelZh: '某一环节超过一天',
    explanation: `A stage longer than ${MAX_STAGE_HOURS} h: ordered → accepted, accepted → picked up, picked up → delivered, ordered → delivered or ordered → promised of a waybill (the order-time stages left out for pre-booked orders); accepted → delivered, or a promise more than ${MAX_STAGE_HOURS} h from acceptance, in rider records; a wave; an MDRP order's placement → ready, or a shift.`,
  },
  'too-fast': {
    label: 'a ride faster than any e-bike',
    labelZh: '骑行快于任何电动自行车',
    explanation: `Faster than ${MAX_STRAIGHT_LINE_KMH} km/h: a waybill's fetch_time → arrive_time against the straight line from sender to recipient, or a rider record's accepted_at → delivered_at against its km, after ${POSITION_SLACK_KM} km are forgiven for where a position is recorded; an MDRP instance's meters_per_minute above ${MDRP_MAX_METERS_PER_MINUTE}. China's e-bike standard (GB 17761-2018) caps e-bikes at 25 km/h.`,
  },
  'online-short': {
    label: 'online hours shorter than the hours spent on orders',
    labelZh: '在线时长短于接单时长',
    explanation: `A rider-day whose online_hours are more than ${ONLINE_SLACK_HOURS * 60} minutes below its engaged hours (the union of its orders' accepted → delivered spans): the app rounds online time, and a rider may log off with the last order in the bag, but not more.`,
  },
};

/** Implausible rows by kind (a row counts once, under the first bound it breaks). */
export interface ImplausibleCounts {
  /** Rows left out in all. */
  rows: number;
  /** Rows by kind; kinds with none left out. */
  byKind: Partial<Record<ImplausibleKind, number>>;
}

/** No implausible row. */
export const NO_IMPLAUSIBLE: ImplausibleCounts = { rows: 0, byKind: {} };

/** How many located messages a check keeps for a refusal. */
const MAX_EXAMPLES = 10;

/**
 * The located message of an implausible row: `<file>:<line>: <column> (column <n>) <value> <what is wrong>
 * [implausible: <bound>]`, where what is wrong reads on from the value (`is before grab_time …`).
 */
export function implausibleMessage(
  where: { file: string; line: number; column: string; index?: number | undefined },
  value: string | number,
  problem: string,
  kind: ImplausibleKind,
): string {
  const col = where.index === undefined ? where.column : `${where.column} (column ${where.index + 1})`;
  return `${where.file}:${where.line}: ${col} ${value} ${problem} [implausible: ${PLAUSIBILITY_BOUNDS[kind].label}]`;
}

/** Counts implausible rows, or refuses at the first one. */
export class PlausibilityCheck {
  private readonly byKind = new Map<ImplausibleKind, number>();
  private total = 0;
  /** The first located messages, in the order met. */
  readonly examples: string[] = [];

  /** @param drop leave implausible rows out and count them; else refuse at the first (a DataFormatError). */
  constructor(readonly drop = false) {}

  /** Records an implausible row (the caller leaves it out); throws DataFormatError when not dropping. */
  reject(kind: ImplausibleKind, message: string): void {
    if (!this.drop) throw new DataFormatError(message);
    this.total++;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    if (this.examples.length < MAX_EXAMPLES) this.examples.push(message);
  }

  /** Rows left out so far. */
  get rows(): number {
    return this.total;
  }

  counts(): ImplausibleCounts {
    const byKind: ImplausibleCounts['byKind'] = {};
    for (const kind of IMPLAUSIBLE_KINDS) {
      const n = this.byKind.get(kind);
      if (n !== undefined) byKind[kind] = n;
    }
    return { rows: this.total, byKind };
  }
}

/** The counts by kind in words: `1 with a time outside its day, 2 with times out of order`. */
export function implausibleKindsText(counts: ImplausibleCounts): string {
  return IMPLAUSIBLE_KINDS.filter((k) => (counts.byKind[k] ?? 0) > 0)
    .map((k) => `${counts.byKind[k]} with ${PLAUSIBILITY_BOUNDS[k].label} (${k})`)
    .join(', ');
}

/** The counts by kind in Chinese: `1 行时间不在其所属日期内、2 行时间先后颠倒`. */
export function implausibleKindsTextZh(counts: ImplausibleCounts): string {
  return IMPLAUSIBLE_KINDS.filter((k) => (counts.byKind[k] ?? 0) > 0)
    .map((k) => `${counts.byKind[k]} 行${PLAUSIBILITY_BOUNDS[k].labelZh}`)
    .join('、');
}

/** `2 implausible rows left out: 1 with …, 1 with …` (for a report and an output's metadata); '' for none. */
export function droppedSentence(counts: ImplausibleCounts, what = 'rows'): string {
  if (counts.rows === 0) return '';
  return `${counts.rows} implausible ${counts.rows === 1 ? what.replace(/s$/, '') : what} left out: ${implausibleKindsText(counts)}.`;
}

/**
 * The lines of a refusal: the first located messages, then the counts and what to do. `file` names the input in
 * the summary line.
 */
export function refusalLines(check: PlausibilityCheck, file: string): string[] {
  const counts = check.counts();
  const more = counts.rows - check.examples.length;
  return [
    ...check.examples,
    ...(more > 0 ? [`… and ${more} more`] : []),
    `${file}: ${counts.rows} implausible row${counts.rows === 1 ? '' : 's'} (${implausibleKindsText(counts)}), which no platform could have produced: nothing written. --drop-implausible leaves them out and reports how many.`,
  ];
}

/** Hours as a message shows them: `0.5 h`, `30 days`. */
export function durationText(seconds: number): string {
  const abs = Math.abs(seconds);
  if (abs >= 2 * DAY_SECONDS) return `${Math.round((seconds / DAY_SECONDS) * 10) / 10} days`;
  if (abs >= 3600) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  return `${Math.round((seconds / 60) * 10) / 10} min`;
}

/**
 * The straight-line speed, km/h, of `km` covered in `seconds` after POSITION_SLACK_KM are forgiven, when it is
 * above MAX_STRAIGHT_LINE_KMH; else undefined. A ride of 0 seconds over more than the slack is infinitely fast.
 */
export function tooFastKmh(km: number, seconds: number): number | undefined {
  const counted = km - POSITION_SLACK_KM;
  if (!(counted > 0)) return undefined;
  if (seconds * MAX_STRAIGHT_LINE_KMH >= counted * 3600) return undefined;
  return seconds > 0 ? km / (seconds / 3600) : Number.POSITIVE_INFINITY;
}
