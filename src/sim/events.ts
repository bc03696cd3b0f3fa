/**
 * The engine's event kinds, with priorities that order simultaneous events: arrivals before breaks end, before shift
 * limits, before log-ons, before the end of service. The engine dispatches them through its courier model's handler
 * table.
 */
export const EV_LEG_END = 0;
export const EV_SERVICE_DONE = 1;
export const EV_BREAK_END = 2;
export const EV_SHIFT_LIMIT = 3;
export const EV_LOGON = 4;
export const EV_SERVICE_END = 5;
export const EV_IDLE_REST = 6;
/** A replayed courier's next stop is due (replayTravel.ts); queued with the courier's index as its priority. */
export const EV_STOP_DUE = 7;
/** The priority of each kind of the synthetic couriers (lower first at the same time). */
export const PRIORITY = [0, 0, 1, 2, 3, 4, 1];
