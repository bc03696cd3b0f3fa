/** The synthetic courier population (MODEL.md section 3), drawn once per seed and shared by every arm. */
import type { Scenario } from '../scenario/schema.ts';
import { detExp } from './detMath.ts';
import { clamp, draws, stream } from './random.ts';
import { plannedStartHours } from './staffing.ts';

/** Courier attributes as parallel arrays (speeds km/h, hours, CNY). */
export interface Population {
  count: number;
  crowd: Uint8Array;
  isNew: Uint8Array;
  /** Comfort speed in clear weather, new couriers' slowdown included. */
  comfortKmh: Float64Array;
  /** Fastest speed under pressure in clear weather, new couriers' slowdown included. */
  maxKmh: Float64Array;
  riskTolerance: Float64Array;
  /** Usual log-on hour (0–24) before the day's jitter: drawn, or planned by the station (staffing.ts). */
  startHour: Float64Array;
  maxHours: Float64Array;
  incomeTargetCny: Float64Array;
  /** Share of each hour spent on another platform (0 for single-platform couriers). */
  otherPlatformShare: Float64Array;
  /** Offset of that unavailable part within the hour, seconds. */
  otherPlatformPhaseSec: Float64Array;
  /** Extra route length factor (new couriers misjudge routes). */
  detour: Float64Array;
}

/** Draws the population from the `population` stream. */
export function drawPopulation(scenario: Scenario, seed: number): Population {
  const p = scenario.population;
  const b = scenario.behaviour;
  const n = p.couriers;
  const d = draws(stream(seed, 'population'));
  const pop: Population = {
    count: n,
    crowd: new Uint8Array(n),
    isNew: new Uint8Array(n),
    comfortKmh: new Float64Array(n),
    maxKmh: new Float64Array(n),
    riskTolerance: new Float64Array(n),
    startHour: new Float64Array(n),
    maxHours: new Float64Array(n),
    incomeTargetCny: new Float64Array(n),
    otherPlatformShare: new Float64Array(n),
    otherPlatformPhaseSec: new Float64Array(n),
    detour: new Float64Array(n),
  };
  const { serviceStartHour, serviceEndHour } = scenario.time;
  for (let i = 0; i < n; i++) {
    // Every attribute is drawn, used or not, so the stream's use never depends on the scenario's shares.
    const crowd = d.uniform(0, 1) < p.crowdShare;
    const isNew = d.uniform(0, 1) < p.newShare;
    const slow = isNew ? 1 - b.newCourierSlowdown : 1;
    const cs = p.comfortSpeedKmh;
    const ms = p.maxSpeedKmh;
    const comfort = clamp(d.normal(cs.mean, cs.sd), cs.min, cs.max);
    const max = clamp(d.normal(ms.mean, ms.sd), ms.min, ms.max);
    const risk = d.beta22();
    const morning = d.uniform(0, 1) < p.morningShare;
    // Crowd couriers are part-timers who come for the lunch or the dinner peak; dedicated couriers work a full day.
    const start =
      (morning ? d.normal(p.morningStartHour, 1) : d.normal(p.eveningStartHour, 1)) +
      (crowd ? p.crowdStartDelayHours : 0);
    const u = d.uniform(0, 1);
    const maxHours = crowd
      ? p.crowdHoursMin + (p.crowdHoursMax - p.crowdHoursMin) * u
      : p.maxHoursMin + (p.maxHoursMax - p.maxHoursMin) * u;
    const target = p.incomeTargetMedianCny * detExp(p.incomeTargetSigma * d.normal(0, 1));
    const multi = d.uniform(0, 1) < p.multiPlatformShare;
    const share = d.uniform(0.2, 0.4);
    const phase = d.uniform(0, 3600);
    pop.crowd[i] = crowd ? 1 : 0;
    pop.isNew[i] = isNew ? 1 : 0;
    pop.comfortKmh[i] = comfort * slow;
    pop.maxKmh[i] = Math.max(comfort, max) * slow;
    pop.riskTolerance[i] = risk;
    pop.startHour[i] = clamp(start, serviceStartHour, Math.max(serviceStartHour, serviceEndHour - 1));
    pop.maxHours[i] = maxHours;
    pop.incomeTargetCny[i] = target;
    pop.otherPlatformShare[i] = multi ? share : 0;
    pop.otherPlatformPhaseSec[i] = phase;
    pop.detour[i] = isNew ? b.newCourierDetour : 1;
  }
  // Planned after every draw, from the drawn kinds and hours limits: the stream is used the same either way.
  if (p.staffing === 'demand') pop.startHour.set(plannedStartHours(scenario, pop));
  return pop;
}
