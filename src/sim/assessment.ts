/**
 * The platform's assessment of its couriers (MODEL.md section 4): each courier's on-time share over the last
 * `windowDays` days, which dispatch may rank by (`rankByOnTime`).
 */
import type { Rules } from '../scenario/schema.ts';

/** Delivered and on-time counts per courier for each of the last windowDays days (a ring), and the scores. */
export class Assessment {
  private readonly days: number;
  readonly delivered: Float64Array;
  readonly onTime: Float64Array;
  /** Each courier's score, 0–1 (1 until it has a history). */
  readonly score: Float64Array;

  constructor(
    private readonly rules: Rules,
    private readonly couriers: number,
  ) {
    this.days = rules.assessment.windowDays;
    this.delivered = new Float64Array(couriers * this.days);
    this.onTime = new Float64Array(couriers * this.days);
    this.score = new Float64Array(couriers).fill(1);
  }

  /** Counts a delivery of day `day` (negative for warm-up days) in courier c's window. */
  record(c: number, late: boolean, day: number): void {
    const ring = c * this.days + this.slot(day);
    this.delivered[ring] = (this.delivered[ring] as number) + 1;
    if (!late) this.onTime[ring] = (this.onTime[ring] as number) + 1;
  }

  /** Day `day`'s slot in the ring. */
  private slot(day: number): number {
    const k = this.days;
    return ((day % k) + k) % k;
  }

  /** Opens day `day`: scores from the previous windowDays days; the day's slot of the ring is cleared. */
  startDay(day: number): void {
    const n = this.couriers;
    const k0 = this.days;
    if (this.rules.assessment.rankByOnTime) {
      for (let c = 0; c < n; c++) {
        let del = 0;
        let ok = 0;
        for (let k = 0; k < k0; k++) {
          del += this.delivered[c * k0 + k] as number;
          ok += this.onTime[c * k0 + k] as number;
        }
        this.score[c] = del > 0 ? ok / del : 1;
      }
    }
    const slot = this.slot(day);
    for (let c = 0; c < n; c++) {
      this.delivered[c * k0 + slot] = 0;
      this.onTime[c * k0 + slot] = 0;
    }
  }
}
