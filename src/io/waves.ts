/**
 * The courier-wave file of the TSL-Meituan data (`courier_wave_info_meituan.csv`): one row per wave, a courier's
 * stretch from accepting an order with an empty bag until the bag is empty again, with the wave's orders as a list
 * (`[123, 456]`). `fairpace observe waybills --waves FILE` reads it for orders per wave as the platform counts them.
 */
import { dayOfYmd, localTimeText, ymd } from './geoTime.ts';
import { ClusteredRatio, figure, quantileInterval, type Figure } from './observed.ts';
import {
  DAY_SECONDS,
  durationText,
  implausibleMessage,
  MAX_STAGE_HOURS,
  PlausibilityCheck,
  type ImplausibleCounts,
  type ImplausibleKind,
} from './plausibility.ts';
import {
  Column,
  type HeaderMap,
  IdIndex,
  MAX_UNIX,
  MIN_UNIX,
  readHeader,
  type RecordSink,
  rowCells,
  shown,
} from './records.ts';
import { CHINA_OFFSET_MIN } from './waybillRow.ts';

/** The columns a wave file needs. */
export const WAVE_COLUMNS = ['courier_id', 'wave_id', 'wave_start_time', 'wave_end_time', 'order_ids'] as const;
/** Columns it may also have. */
export const WAVE_OPTIONAL_COLUMNS = ['dt'] as const;

/** What a wave file gives. */
export interface WaveObservation {
  waves: number;
  duplicateRows: number;
  /** Rows left out as implausible (src/io/plausibility.ts), by kind. */
  implausible: ImplausibleCounts;
  /** Waves whose order list is empty (left out: the model's waves hold at least one order). */
  emptyWaves: number;
  figures: Figure[];
}

/** Reads a wave file row by row. */
export class WaveObserver implements RecordSink {
  private map: HeaderMap | undefined;
  private readonly couriers = new IdIndex();
  private readonly seen = new Set<string>();
  private duplicates = 0;
  private empty = 0;
  private readonly perWave = new ClusteredRatio();
  private readonly sizes = new Column();
  private readonly minutes = new ClusteredRatio();

  /** @param plausibility where implausible rows go: refused at the first (the default), or left out and counted */
  constructor(
    readonly file: string,
    readonly plausibility = new PlausibilityCheck(),
    private readonly offsetMin = CHINA_OFFSET_MIN,
  ) {}

  header(cells: readonly string[], line: number): void {
    this.map = readHeader(this.file, line, cells, WAVE_COLUMNS, WAVE_OPTIONAL_COLUMNS, 'a courier-wave file');
  }

  row(cells: readonly string[], line: number): void {
    const { get, fail, index } = rowCells(this.file, line, cells, this.map);
    const courier = get('courier_id');
    const wave = get('wave_id');
    if (!/^[^\s,]{1,40}$/.test(courier)) fail(`courier_id ${shown(courier)} is not an id (1–40 characters, no spaces)`);
    if (!/^[^\s,]{1,40}$/.test(wave)) fail(`wave_id ${shown(wave)} is not an id (1–40 characters, no spaces)`);
    const time = (c: string): number => {
      const text = get(c);
      if (!/^\d+(\.\d+)?$/.test(text)) return fail(`${c} ${shown(text)} is not a time in whole Unix seconds`);
      const v = Number(text);
      if (v < MIN_UNIX || v >= MAX_UNIX)
        return fail(`${c} ${text} is not a Unix time in seconds between the years 2000 and 2100`);
      return v;
    };
    const start = time('wave_start_time');
    const end = time('wave_end_time');
    const dtText = get('dt');
    const day = dtText === '' ? undefined : dayOfYmd(dtText);
    if (dtText !== '' && day === undefined) fail(`dt ${shown(dtText)} is not a date written YYYYMMDD`);
    const implausible = (kind: ImplausibleKind, column: string, value: number, problem: string) => {
      const where = { file: this.file, line, column, index: index(column) };
      this.plausibility.reject(kind, implausibleMessage(where, value, problem, kind));
    };
    if (day !== undefined) {
      const dayStart = day * DAY_SECONDS - this.offsetMin * 60;
      for (const [column, t] of [
        ['wave_start_time', start],
        ['wave_end_time', end],
      ] as const) {
        if (t < dayStart || t >= dayStart + 2 * DAY_SECONDS) {
          implausible(
            'outside-day',
            column,
            t,
            `is ${localTimeText(t, this.offsetMin)}, not on its dt ${ymd(day)} or the next day`,
          );
          return;
        }
      }
    }
    if (end < start) {
      implausible(
        'out-of-order',
        'wave_end_time',
        end,
        `is before wave_start_time ${start}: the wave ends before it starts`,
      );
      return;
    }
    if (end - start > MAX_STAGE_HOURS * 3600) {
      implausible(
        'over-a-day',
        'wave_end_time',
        end,
        `is ${durationText(end - start)} after wave_start_time ${start}, more than ${MAX_STAGE_HOURS} h`,
      );
      return;
    }
    const list = get('order_ids');
    const m = /^\[(.*)\]$/s.exec(list);
    if (!m) fail(`order_ids ${shown(list)} is not a list like [123, 456]`);
    const items = (m?.[1] ?? '').split(',').map((s) => s.trim().replace(/^(['"])(.*)\1$/, '$2'));
    const orders = items.length === 1 && items[0] === '' ? 0 : items.length;
    if (items.some((s, i) => s === '' && !(orders === 0 && i === 0)))
      fail(`order_ids ${shown(list)} has an empty item`);
    const key = `${get('dt')}\u0000${courier}\u0000${wave}`;
    if (this.seen.has(key)) {
      this.duplicates++;
      return;
    }
    this.seen.add(key);
    if (orders === 0) {
      this.empty++;
      return;
    }
    const c = this.couriers.of(courier);
    this.perWave.add(c, orders);
    this.sizes.push(orders);
    this.minutes.add(c, (end - start) / 60);
  }

  finish(): WaveObservation {
    const sizes = Float64Array.from(this.sizes.values()).sort();
    const note =
      "From the wave file: orders in each wave's order_ids list (waves with an empty list left out); interval clustered by courier.";
    return {
      waves: this.sizes.length,
      duplicateRows: this.duplicates,
      implausible: this.plausibility.counts(),
      emptyWaves: this.empty,
      figures: [
        figure(
          {
            id: 'orders-per-wave',
            label: 'Orders per wave (wave file)',
            labelZh: '每波次订单数（波次文件）',
            unit: 'orders',
            note,
            metric: 'service.ordersPerWave',
          },
          this.perWave.interval(),
        ),
        figure(
          {
            id: 'orders-per-wave-p50',
            label: 'Orders per wave, p50 (wave file)',
            labelZh: '每波次订单数，中位数（波次文件）',
            unit: 'orders',
            note: 'From the wave file; quantile interval from order statistics.',
          },
          quantileInterval(sizes, 0.5),
        ),
        figure(
          {
            id: 'wave-minutes-mean',
            label: 'Wave length, mean (wave file)',
            labelZh: '波次时长，平均（波次文件）',
            unit: 'min',
            note: 'Minutes from wave_start_time to wave_end_time; interval clustered by courier.',
          },
          this.minutes.interval(),
        ),
      ],
    };
  }
}
