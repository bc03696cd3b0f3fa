/**
 * Replay mode: a real order stream (an MDRP instance, or imported waybills) run by the engine (engine.ts) under the
 * arm's rules, its dispatch policies and its deadline model, with what is particular to a replay: the instance's
 * orders on every day (unreported warm-up days of the same stream teach the promise), couriers on the instance's
 * shifts who travel in its minutes (replayTravel.ts), and the solution in the MDRP format for `fairpace export mdrp`.
 * It fills the same Tally as a synthetic run, so every standard metric works.
 */
import type { Rules, Scenario } from '../scenario/schema.ts';
import type { DayOrders } from './demand.ts';
import { Engine, runDays } from './engine.ts';
import type { EngineWorld, OrderSource } from './engineState.ts';
import type { Population } from './population.ts';
import { ReplayCouriers } from './replayTravel.ts';
import { replayWorld, type ReplayWorld } from './replayWorld.ts';
import type { ReplaySolution } from './results.ts';
import { newDispatchWork, type DispatchWork } from './rollingDispatch.ts';
import type { Tally } from './tally.ts';

export { serviceHalves, travelMin } from './replayTravel.ts';

/** What a replay produces: the tally for the standard metrics, the solution, and per-courier columns. */
export interface ReplayOutcome {
  tally: Tally;
  solution: ReplaySolution;
  /** Orders delivered by each courier (instance order). */
  courierOrders: Float64Array;
  /** Minutes each courier spent executing assignments. */
  courierBusyMin: Float64Array;
}

/** The replayed couriers as a population: none crowd, none new (their attributes are the instance's). */
function replayedPopulation(n: number): Population {
  const zeros = () => new Float64Array(n);
  return {
    count: n,
    crowd: new Uint8Array(n),
    isNew: new Uint8Array(n),
    comfortKmh: zeros(),
    maxKmh: zeros(),
    riskTolerance: zeros(),
    startHour: zeros(),
    maxHours: zeros(),
    incomeTargetCny: zeros(),
    otherPlatformShare: zeros(),
    otherPlatformPhaseSec: zeros(),
    detour: zeros(),
  };
}

/**
 * The engine's world in a replay: the instance's plane, its speed and service times for planning, couriers usable
 * while on shift; orders wait until the day ends (no cancellation), a batch runs only when orders wait, and every
 * order of a batch gets its own search.
 */
function engineWorld(world: ReplayWorld, rules: Rules): EngineWorld {
  const { inst } = world;
  const par = inst.parameters;
  const dispatch = rules.dispatch;
  const onSec = Float64Array.from(inst.couriers, (c) => c.onMin * 60);
  const offSec = Float64Array.from(inst.couriers, (c) => c.offMin * 60);
  return {
    city: world.city,
    pop: replayedPopulation(inst.couriers.length),
    deadlineContext: {
      comfortKmh: Float64Array.of((par.metersPerMinute * 60) / 1000),
      maxRoadKm: world.extentKm,
    },
    plan: {
      secPerKm: 60_000 / par.metersPerMinute,
      pickupSvcSec: par.pickupServiceMin * 60,
      dropSvcSec: par.dropoffServiceMin * 60,
      maxPickupKm: dispatch.maxPickupKm,
      latenessWeight: dispatch.latenessWeight,
      deliveryWeight: dispatch.deliveryTimeWeight,
      maxPlannedLateSec: dispatch.maxPlannedLateMin * 60,
    },
    usable: (c, now) => (onSec[c] as number) <= now && now < (offSec[c] as number),
    detourFactor: 1,
    cancelAfterSec: Infinity,
    batchWhenIdle: false,
    restaurantMemo: false,
  };
}

/** The instance's orders on every day, warm-up days too, each on day 0's clock. */
function instanceOrders(orders: DayOrders): OrderSource {
  return { clockDay: () => 0, warmupOrders: () => orders, dayOrders: () => orders };
}

/** Replays the scenario's instance under `rules`: warm-up days first (learning the promise), then the reported day. */
export function runReplay(
  scenario: Scenario,
  rules: Rules,
  seed: number,
  work: DispatchWork = newDispatchWork(),
  /** Keep each courier-day's whole row (evidence packs). */
  courierDayRows = false,
): ReplayOutcome {
  const inst = scenario.replay;
  if (!inst) throw new RangeError('runReplay needs a replay scenario');
  const world = replayWorld(inst);
  const couriers = new ReplayCouriers(world);
  const e = new Engine(scenario, rules, seed, engineWorld(world, rules), couriers, courierDayRows);
  e.work = work;
  runDays(e, instanceOrders(world.orders));
  return {
    tally: e.rec.tally,
    solution: couriers.solution(),
    courierOrders: couriers.courierOrders,
    courierBusyMin: couriers.courierBusyMin,
  };
}
