/**
 * A courier's day (MODEL.md section 3): log on at the usual hour, take breaks after long stretches (less often under
 * income pressure), and log off at the income target, at the hours limit or when service closes (`closeService`).
 */
import type { EngineState } from './engineState.ts';
import { BREAK, DONE, IDLE, OFF } from './fleet.ts';
import { EV_BREAK_END, EV_IDLE_REST, EV_LOGON, EV_SHIFT_LIMIT, PRIORITY } from './events.ts';
import { CANCELLED } from './orderBook.ts';

/** Courier c logs on at `now`. */
export function logOn(e: EngineState, c: number, now: number): void {
  const f = e.fleet;
  f.touch(c);
  f.state[c] = IDLE;
  f.freeAt[c] = now;
  f.loggedOn[c] = 1;
  f.onlineSince[c] = now;
  f.stretchStart[c] = now;
  f.nextBreakCheck[c] = now;
  e.queue.push(now + (f.maxOnlineSec[c] as number), PRIORITY[EV_SHIFT_LIMIT] as number, EV_SHIFT_LIMIT, c, 0);
  e.gridUpdate(c);
}

function endStretch(e: EngineState, c: number, now: number): void {
  const f = e.fleet;
  const stretch = now - (f.stretchStart[c] as number);
  if (stretch > (f.longest[c] as number)) f.longest[c] = stretch;
}

/** Courier c logs off for the day at `now`. */
export function logOff(e: EngineState, c: number, now: number): void {
  const f = e.fleet;
  if (f.state[c] !== BREAK) {
    f.onlineAccum[c] = (f.onlineAccum[c] as number) + now - (f.onlineSince[c] as number);
    endStretch(e, c, now);
  }
  f.state[c] = DONE;
  f.token[c] = (f.token[c] as number) + 1;
  e.gridUpdate(c);
}

function shouldLogOff(e: EngineState, c: number, now: number): boolean {
  const f = e.fleet;
  return (
    f.closing[c] === 1 ||
    now >= e.serviceEndAbs ||
    f.onlineSecAt(c, now) >= (f.maxOnlineSec[c] as number) ||
    e.ledger.earnedFen(c) >= (e.pop.incomeTargetCny[c] as number) * 100
  );
}

/** Income pressure: how far behind the pace to the income target the courier is, 0–1. */
function incomePressure(e: EngineState, c: number, now: number): number {
  const target = (e.pop.incomeTargetCny[c] as number) * 100;
  const online = e.fleet.onlineSecAt(c, now) / (e.fleet.maxOnlineSec[c] as number);
  const behind = (target - e.ledger.earnedFen(c)) / target - (1 - online);
  return behind <= 0 ? 0 : behind >= 1 ? 1 : behind;
}

/** Courier c goes on a break of breakMinMinutes–breakMaxMinutes (off the grid; breaks are not online time). */
function takeBreak(e: EngineState, c: number, now: number): void {
  const f = e.fleet;
  const beh = e.scenario.behaviour;
  const minutes = beh.breakMinMinutes + (beh.breakMaxMinutes - beh.breakMinMinutes) * e.behaviour();
  f.onlineAccum[c] = (f.onlineAccum[c] as number) + now - (f.onlineSince[c] as number);
  if (minutes >= 20) endStretch(e, c, now);
  f.breakStartAt[c] = now;
  f.state[c] = BREAK;
  e.gridUpdate(c);
  e.schedule(now + minutes * 60, EV_BREAK_END, c);
}

/**
 * Courier c has nothing to do: logs off, takes a break, or waits for an order. A courier still waiting after
 * `idleRestMin` rests (riders stop when orders dry up, e.g. in the afternoon lull).
 */
export function becomeIdle(e: EngineState, c: number, now: number): void {
  const f = e.fleet;
  const beh = e.scenario.behaviour;
  if (shouldLogOff(e, c, now)) {
    logOff(e, c, now);
    return;
  }
  if (now - (f.stretchStart[c] as number) >= e.breakAfterSec && now >= (f.nextBreakCheck[c] as number)) {
    const p = beh.breakProb * (1 - incomePressure(e, c, now));
    if (e.behaviour() < p) {
      takeBreak(e, c, now);
      return;
    }
    f.nextBreakCheck[c] = now + 3600;
  }
  f.state[c] = IDLE;
  e.gridUpdate(c);
  if (beh.idleRestMin > 0) e.schedule(now + beh.idleRestMin * 60, EV_IDLE_REST, c);
}

/** Courier c has waited `idleRestMin` without an order: rests, unless it is time to log off. */
export function idleRest(e: EngineState, c: number, now: number): void {
  if (e.fleet.state[c] !== IDLE) return;
  if (shouldLogOff(e, c, now)) logOff(e, c, now);
  else takeBreak(e, c, now);
}

/** Courier c's break ends at `now`. */
export function endBreak(e: EngineState, c: number, now: number): void {
  const f = e.fleet;
  f.onlineSince[c] = now;
  // Only a break of 20 minutes or more ends an online stretch (workload.longestStretchHours).
  if (now - (f.breakStartAt[c] as number) >= 20 * 60) f.stretchStart[c] = now;
  f.nextBreakCheck[c] = now;
  f.state[c] = IDLE;
  becomeIdle(e, c, now);
}

/** The shift limit of courier c fired at `now`: log off when idle, else close (or check again later). */
export function shiftLimit(e: EngineState, c: number, now: number): void {
  const f = e.fleet;
  if (f.state[c] === OFF || f.state[c] === DONE) return;
  const left = (f.maxOnlineSec[c] as number) - f.onlineSecAt(c, now);
  if (left > 1e-6) {
    e.queue.push(now + left, PRIORITY[EV_SHIFT_LIMIT] as number, EV_SHIFT_LIMIT, c, 0);
  } else if (f.state[c] === IDLE) {
    logOff(e, c, now);
  } else {
    f.closing[c] = 1;
    e.gridUpdate(c);
  }
}

/**
 * Draws every courier's log-on time and place for the day and schedules the log-ons. Drawn whatever the rules, so
 * the `shifts` stream stays aligned across arms; `hoursCap` is today's heat cap (null for none).
 */
export function scheduleShifts(
  e: EngineState,
  dayStart: number,
  serviceStartAbs: number,
  suspended: boolean,
  hoursCap: number | null,
): void {
  const f = e.fleet;
  for (let c = 0; c < f.n; c++) {
    const jitterHours = e.shifts.normal(0, 0.5);
    const r = e.shifts.index(e.city.restaurantX.length);
    f.resetDay(c);
    f.x[c] = e.city.restaurantX[r] as number;
    f.y[c] = e.city.restaurantY[r] as number;
    const hours = hoursCap === null ? (e.pop.maxHours[c] as number) : Math.min(e.pop.maxHours[c] as number, hoursCap);
    f.maxOnlineSec[c] = hours * 3600;
    const start = Math.min(
      e.serviceEndAbs - 1800,
      Math.max(serviceStartAbs, dayStart + ((e.pop.startHour[c] as number) + jitterHours) * 3600),
    );
    if (!suspended && hours > 0) e.schedule(start, EV_LOGON, c);
  }
}

/** The end of service at `now`: waiting orders are cancelled, idle couriers log off, the rest finish their bags. */
export function closeService(e: EngineState, now: number): void {
  const f = e.fleet;
  for (let i = 0; i < e.pendingCount; i++) e.book.status[e.pending[i] as number] = CANCELLED;
  e.pendingCount = 0;
  e.nextToPlace = e.book.count;
  for (let k = 0; k < f.n; k++) {
    f.closing[k] = 1;
    if (f.state[k] === IDLE) logOff(e, k, now);
    else e.gridUpdate(k);
  }
}
