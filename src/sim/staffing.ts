/**
 * Shifts a station plans from its demand (docs/model.md section 3, `population.staffing: 'demand'`). The station knows
 * its expected orders per hour from history (the scenario's `demand.hourlyProfile`) and each dedicated (专送) courier's
 * hours limit, and gives each courier a usual start so that the couriers online over the day follow the expected
 * orders. Crowd (众包) couriers are not planned: they keep coming for the peaks, and the plan counts them as given.
 *
 * The plan is a deterministic greedy cover on quarter-hour slots of the service window. The target of a slot is its
 * expected orders × a couriers-per-order ratio chosen so that the targets add up to the fleet's hours (every courier's
 * hours limit, cut to the service window): the plan moves the fleet's hours over the day, it adds none. Couriers are
 * planned longest hours first; each takes the start that leaves the smallest largest shortfall relative to its slot's
 * target ((target − couriers online) / target, so a quiet hour counts as much as a peak), ties broken by the larger
 * fall of the summed squared shortfall per target, then by the earlier start. No random draw
 * is made: the same population always gets the same plan.
 */
import type { Scenario } from '../scenario/schema.ts';

/** Planning slots per hour: starts are planned to the quarter hour. */
const SLOTS_PER_HOUR = 4;

/** What the plan reads of each courier: kind, usual start (hour of day) and hours limit (h). */
export interface StaffingInput {
  crowd: Uint8Array;
  startHour: Float64Array;
  maxHours: Float64Array;
}

/**
 * Expected orders per service slot as weights (the hour's `demand.hourlyProfile` weight for each of its slots); the
 * slots run from `time.serviceStartHour` to `time.serviceEndHour`.
 */
export function demandBySlot(scenario: Scenario): Float64Array {
  const { serviceStartHour, serviceEndHour } = scenario.time;
  const slots = new Float64Array((serviceEndHour - serviceStartHour) * SLOTS_PER_HOUR);
  for (let j = 0; j < slots.length; j++) {
    slots[j] = scenario.demand.hourlyProfile[serviceStartHour + Math.floor(j / SLOTS_PER_HOUR)] ?? 0;
  }
  return slots;
}

/** Adds `weight` × the part of each slot that a shift from `fromSlot` for `lengthSlots` slots covers. */
function addShift(online: Float64Array, fromSlot: number, lengthSlots: number, weight: number): void {
  const end = fromSlot + lengthSlots;
  const first = Math.max(0, Math.floor(fromSlot));
  const last = Math.min(online.length, Math.ceil(end));
  for (let j = first; j < last; j++) {
    const lo = j > fromSlot ? j : fromSlot;
    const hi = j + 1 < end ? j + 1 : end;
    if (hi > lo) online[j] = (online[j] as number) + weight * (hi - lo);
  }
}

/**
 * Couriers online per service slot if the crowd couriers (`which` 'crowd') or all couriers worked their hours limit
 * from their usual start, without the day's jitter, breaks or early log-offs: what a plan promises, not what a run
 * gives.
 */
export function nominalOnlineBySlot(scenario: Scenario, pop: StaffingInput, which: 'crowd' | 'all'): Float64Array {
  const start = scenario.time.serviceStartHour;
  const online = new Float64Array((scenario.time.serviceEndHour - start) * SLOTS_PER_HOUR);
  for (let c = 0; c < pop.crowd.length; c++) {
    if (which === 'crowd' && pop.crowd[c] !== 1) continue;
    const from = ((pop.startHour[c] as number) - start) * SLOTS_PER_HOUR;
    addShift(online, from, (pop.maxHours[c] as number) * SLOTS_PER_HOUR, 1);
  }
  return online;
}

/** The dedicated couriers, longest hours limit first (ties by index, so the order never depends on a sort's luck). */
function planningOrder(pop: StaffingInput): number[] {
  const dedicated: number[] = [];
  for (let c = 0; c < pop.crowd.length; c++) if (pop.crowd[c] !== 1) dedicated.push(c);
  return dedicated.sort((a, b) => (pop.maxHours[b] as number) - (pop.maxHours[a] as number) || a - b);
}

/**
 * The usual start hours with every dedicated courier's replaced by the planned one (crowd couriers' unchanged). When
 * the service window expects no orders there is nothing to plan against, and the starts are returned as drawn.
 */
export function plannedStartHours(scenario: Scenario, pop: StaffingInput): Float64Array {
  const planned = Float64Array.from(pop.startHour);
  const { serviceStartHour, serviceEndHour } = scenario.time;
  const demand = demandBySlot(scenario);
  const slots = demand.length;
  let demandSum = 0;
  for (let j = 0; j < slots; j++) demandSum += demand[j] as number;
  if (demandSum <= 0) return planned;

  const order = planningOrder(pop);
  const online = nominalOnlineBySlot(scenario, pop, 'crowd');
  // The fleet's courier-slots inside the service window: the crowd's as drawn, the dedicated couriers' as limited.
  let supply = 0;
  for (let j = 0; j < slots; j++) supply += online[j] as number;
  for (const c of order) supply += Math.min((pop.maxHours[c] as number) * SLOTS_PER_HOUR, slots);
  const ratio = supply / demandSum;
  // Shortfall of each slot in couriers, and 1 / its target (0 for a slot that expects no orders: never short).
  const shortfall = new Float64Array(slots);
  const perTarget = new Float64Array(slots);
  for (let j = 0; j < slots; j++) {
    const target = ratio * (demand[j] as number);
    shortfall[j] = target - (online[j] as number);
    perTarget[j] = target > 0 ? 1 / target : 0;
  }
  const relative = (j: number, short: number): number =>
    perTarget[j] === 0 ? -Infinity : short * (perTarget[j] as number);

  // Starts no later than an hour before service ends, as drawn starts are clamped (population.ts).
  const lastStart = Math.max(0, slots - SLOTS_PER_HOUR);
  const before = new Float64Array(slots + 1);
  const after = new Float64Array(slots + 1);
  for (const c of order) {
    const length = (pop.maxHours[c] as number) * SLOTS_PER_HOUR;
    // Largest relative shortfall before slot s (before[s]) and from slot s on (after[s]).
    before[0] = -Infinity;
    for (let j = 0; j < slots; j++) before[j + 1] = Math.max(before[j] as number, relative(j, shortfall[j] as number));
    after[slots] = -Infinity;
    for (let j = slots - 1; j >= 0; j--)
      after[j] = Math.max(after[j + 1] as number, relative(j, shortfall[j] as number));
    let best = 0;
    let bestMax = Infinity;
    let bestGain = -Infinity;
    for (let s = 0; s <= lastStart; s++) {
      const end = Math.min(slots, Math.ceil(s + length));
      let largest = Math.max(before[s] as number, after[end] as number);
      let gain = 0;
      for (let j = s; j < end; j++) {
        const short = shortfall[j] as number;
        const left = short - Math.min(1, s + length - j);
        const rel = relative(j, left);
        if (rel > largest) largest = rel;
        // The fall of the squared shortfall per target counts only what was short (an excess is not a shortfall).
        if (short > 0) gain += (short * short - (left > 0 ? left * left : 0)) * (perTarget[j] as number);
      }
      if (largest < bestMax || (largest === bestMax && gain > bestGain)) {
        best = s;
        bestMax = largest;
        bestGain = gain;
      }
    }
    const end = Math.min(slots, Math.ceil(best + length));
    for (let j = best; j < end; j++) shortfall[j] = (shortfall[j] as number) - Math.min(1, best + length - j);
    planned[c] = Math.min(serviceStartHour + best / SLOTS_PER_HOUR, Math.max(serviceStartHour, serviceEndHour - 1));
  }
  return planned;
}
