/**
 * The lines of an order's deadline (MODEL.md section 5), owned by the deadline model and read by everything that
 * needs them: the promise, the end of its window (what dispatch plans against), the late line after the grace (where
 * the courier is late and fined) and the severe-lateness line after that (where the severe fine starts).
 */
import type { Rules } from '../../scenario/schema.ts';

/** A text in both languages. */
export interface Bi {
  zh: string;
  en: string;
}

/** The offsets of an order's lines from its promise, seconds. */
export interface DeadlineLines {
  /** Promise → due (the end of the promise window): what dispatch and couriers plan against. */
  windowSec: number;
  /** Due → late: the grace. */
  graceSec: number;
  /** Promise → late: window plus grace. */
  lateAfterSec: number;
  /** Late → severely late, when the severe line carries a fine; Infinity when it carries none. */
  severeAfterSec: number;
}

/** The lines of an arm's rules. */
export function deadlineLines(rules: Pick<Rules, 'deadline' | 'penalties'>): DeadlineLines {
  const windowSec = rules.deadline.windowMin * 60;
  const graceSec = rules.deadline.graceMin * 60;
  return {
    windowSec,
    graceSec,
    lateAfterSec: windowSec + graceSec,
    severeAfterSec: rules.penalties.severeLateFine > 0 ? rules.penalties.severeLateMin * 60 : Infinity,
  };
}
