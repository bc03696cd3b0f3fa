/**
 * The editable paths of a scenario as types, derived from the schema's output type, and what the editor needs to know
 * per path that the schema does not say: its unit and its group. Tables keyed by these types fail the typecheck when
 * the schema gains a field that nobody labelled.
 */

export type { FieldPath, RulePath } from '../../scenario/fieldPath.ts';
import type { FieldPath } from '../../scenario/fieldPath.ts';

/** The editor's collapsible groups, in the order shown. */
export const GROUPS = [
  'meta',
  'time',
  'city',
  'demand',
  'weather',
  'population',
  'behaviour',
  'rules',
  'standards',
  'risk',
  'compliance',
  'run',
] as const;
export type GroupId = (typeof GROUPS)[number];

/** The group of a field: its section, with holidays under weather and the run settings together. */
export function groupOf(path: string): GroupId {
  const head = path.split('.')[0] ?? '';
  if (head === 'holidays') return 'weather';
  if (head === 'replications' || head === 'seed') return 'run';
  return (GROUPS as readonly string[]).includes(head) ? (head as GroupId) : 'run';
}

/** Units a field can have; each is a message key `unit.<id>`. */
export type UnitId =
  | 'cny'
  | 'cnyPerOrder'
  | 'cnyPerKm'
  | 'cnyPerHour'
  | 'cnyPerDay'
  | 'cnyPerMonth'
  | 'cnyPerMin'
  | 'km'
  | 'kmh'
  | 'min'
  | 'sec'
  | 'hours'
  | 'hourOfDay'
  | 'days'
  | 'dayIndex'
  | 'share'
  | 'probability'
  | 'percentile'
  | 'factor'
  | 'couriers'
  | 'restaurants'
  | 'orders'
  | 'ordersPerDay'
  | 'ordersPerCourierDay'
  | 'signalsPerKm'
  | 'secPerCny'
  | 'perHour'
  | 'crashesPerMillionKm'
  | 'replications'
  | 'weights'
  | 'perDay';

/** The unit of every field (null: a name, a choice or a plain number). */
export const FIELD_UNITS: Record<FieldPath, UnitId | null> = {
  'meta.name': null,
  'meta.description': null,
  'meta.region': null,
  'meta.sources': null,
  'meta.calibration': null,
  'time.days': 'days',
  'time.serviceStartHour': 'hourOfDay',
  'time.serviceEndHour': 'hourOfDay',
  'city.widthKm': 'km',
  'city.heightKm': 'km',
  'city.detourFactor': 'factor',
  'city.signalsPerKm': 'signalsPerKm',
  'city.restaurants': 'restaurants',
  'city.hotspots': 'km',
  'city.customerDistanceMedianKm': 'km',
  'city.customerDistanceP90Km': 'km',
  'demand.ordersPerDay': 'ordersPerDay',
  'demand.ordersPerCourierDay': 'ordersPerCourierDay',
  'demand.hourlyProfile': 'weights',
  'demand.prepMedianMin': 'min',
  'demand.prepP90Min': 'min',
  'demand.cancelAfterMin': 'min',
  'demand.lateResponse.lostOrdersPerLate': 'orders',
  'demand.lateResponse.afterMin': 'min',
  'demand.lateResponse.days': 'days',
  'demand.weatherFactor': 'factor',
  weather: null,
  holidays: 'dayIndex',
  'population.couriers': 'couriers',
  'population.crowdShare': 'share',
  'population.newShare': 'share',
  'population.multiPlatformShare': 'share',
  'population.comfortSpeedKmh.mean': 'kmh',
  'population.comfortSpeedKmh.sd': 'kmh',
  'population.comfortSpeedKmh.min': 'kmh',
  'population.comfortSpeedKmh.max': 'kmh',
  'population.maxSpeedKmh.mean': 'kmh',
  'population.maxSpeedKmh.sd': 'kmh',
  'population.maxSpeedKmh.min': 'kmh',
  'population.maxSpeedKmh.max': 'kmh',
  'population.incomeTargetMedianCny': 'cnyPerDay',
  'population.incomeTargetSigma': null,
  'population.maxHoursMin': 'hours',
  'population.maxHoursMax': 'hours',
  'population.morningShare': 'share',
  'population.morningStartHour': 'hourOfDay',
  'population.eveningStartHour': 'hourOfDay',
  'population.crowdHoursMin': 'hours',
  'population.crowdHoursMax': 'hours',
  'population.crowdStartDelayHours': 'hours',
  'population.expensePerDay': 'cnyPerDay',
  'population.expensePerKm': 'cnyPerKm',
  'behaviour.declineProb': 'probability',
  'behaviour.breakAfterHours': 'hours',
  'behaviour.breakProb': 'probability',
  'behaviour.breakMinMinutes': 'min',
  'behaviour.breakMaxMinutes': 'min',
  'behaviour.idleRestMin': 'min',
  'behaviour.complaintProbLate': 'probability',
  'behaviour.newCourierSlowdown': 'share',
  'behaviour.newCourierDetour': 'factor',
  'behaviour.redLightProb': 'probability',
  'behaviour.redRunBase': 'probability',
  'behaviour.redRunPressure': 'probability',
  'behaviour.pressureAdaptation': 'perDay',
  'behaviour.lateTolerance': 'share',
  'behaviour.weatherSpeedFactor': 'factor',
  'rules.dispatch.policy': null,
  'rules.dispatch.batchSeconds': 'sec',
  'rules.dispatch.maxBag': 'orders',
  'rules.dispatch.maxPickupKm': 'km',
  'rules.dispatch.planningSpeedKmh': 'kmh',
  'rules.dispatch.fairShareSecPerCny': 'secPerCny',
  'rules.dispatch.latenessWeight': 'factor',
  'rules.dispatch.deliveryTimeWeight': 'factor',
  'rules.dispatch.maxPlannedLateMin': 'min',
  'rules.dispatch.candidates': 'couriers',
  'rules.dispatch.bundleMax': 'orders',
  'rules.dispatch.bundlePickupKm': 'km',
  'rules.dispatch.bundleReadyGapMin': 'min',
  'rules.dispatch.bundleAddedMin': 'min',
  'rules.dispatch.commitHorizonMin': 'min',
  'rules.dispatch.onTheWayMin': 'min',
  'rules.deadline.basis': null,
  'rules.deadline.measureFrom': null,
  'rules.deadline.byHour': null,
  'rules.deadline.percentile': 'percentile',
  'rules.deadline.bandKm': 'km',
  'rules.deadline.minSamples': 'orders',
  'rules.deadline.prepEstimateMin': 'min',
  'rules.deadline.pickupServiceMin': 'min',
  'rules.deadline.dropoffServiceMin': 'min',
  'rules.deadline.protectionMin': null,
  'rules.deadline.windowMin': 'min',
  'rules.deadline.graceMin': 'min',
  'rules.deadline.warmupDays': 'days',
  'rules.deadline.warmupPercentile': 'percentile',
  'rules.deadline.learning.windowDays': 'days',
  'rules.deadline.learning.rate': 'share',
  'rules.assessment.windowDays': 'days',
  'rules.assessment.rankByOnTime': null,
  'rules.assessment.priorityWeightSec': 'sec',
  'rules.pay.base': 'cnyPerOrder',
  'rules.pay.freeKm': 'km',
  'rules.pay.perKm': 'cnyPerKm',
  'rules.pay.peakBonus': 'cnyPerOrder',
  'rules.pay.peakHours': 'hourOfDay',
  'rules.pay.weatherBonus': 'cnyPerOrder',
  'rules.pay.holidayMultiplier': 'factor',
  'rules.pay.commissionRate': 'share',
  'rules.pay.dailyTiers': null,
  'rules.pay.guarantee': 'cnyPerHour',
  'rules.penalties.lateFine': 'cny',
  'rules.penalties.perMinuteLate': 'cnyPerMin',
  'rules.penalties.severeLateMin': 'min',
  'rules.penalties.severeLateFine': 'cny',
  'rules.penalties.complaintFine': 'cny',
  'rules.penalties.lateTiers': null,
  'rules.penalties.recipient': null,
  'rules.platform.deliveryRevenuePerOrder': 'cnyPerOrder',
  'rules.platform.customerFeeShare': 'share',
  'rules.platform.orderValue': 'cnyPerOrder',
  'rules.platform.otherCostPerOrder': 'cnyPerOrder',
  'rules.platform.depositCny': 'cny',
  'rules.platform.exclusivity': null,
  'rules.compensation.tiers': null,
  'rules.compensation.coveredShare': 'share',
  'rules.compensation.funder': null,
  'rules.compensation.premiumPerOrder': 'cnyPerOrder',
  'rules.heat.suspendOnHeat40': null,
  'rules.heat.maxOnlineHoursHeat37': 'hours',
  'standards.minHourlyWage': 'cnyPerHour',
  'standards.minMonthlyWage': 'cnyPerMonth',
  'standards.standardDailyHours': 'hours',
  'standards.maxDailyOvertime': 'hours',
  'standards.maxMonthlyOvertime': 'hours',
  'standards.standardWeeklyHours': 'hours',
  'standards.fullTimeMinHours': 'hours',
  'risk.baseInjuryCrashesPerMillionKm': 'crashesPerMillionKm',
  'risk.referenceSpeedKmh': 'kmh',
  'risk.speedExponent': null,
  'risk.redLightOddsRatio': null,
  'risk.fatiguePerHour': 'perHour',
  'risk.fatigueAfterHours': 'hours',
  'risk.speedingThresholdKmh': 'kmh',
  'risk.weatherFactor': 'factor',
  'compliance.minWageMaxShare': 'share',
  'compliance.legalLimitMaxShare': 'share',
  'compliance.strictestMinPercentile': 'percentile',
  'compliance.speedingKmMaxShare': 'share',
  'compliance.relativeCrashRiskMax': 'factor',
  'compliance.heat37MaxHours': 'hours',
  replications: 'replications',
  seed: null,
};

/** Nullable fields whose empty value means "chosen by the model" (explained by their hint), not "none". */
export const NULL_MEANS_AUTOMATIC: ReadonlySet<FieldPath> = new Set<FieldPath>(['rules.dispatch.bundleMax']);

/** Fields with a compact or unusual editor, each explained by a hint (`hint.<path>`). */
export const HINTED_FIELDS = [
  'meta.sources',
  'meta.calibration',
  'city.hotspots',
  'population.couriers',
  'demand.ordersPerDay',
  'demand.hourlyProfile',
  'weather',
  'holidays',
  'rules.dispatch.bundleMax',
  'rules.deadline.percentile',
  'rules.deadline.protectionMin',
  'rules.pay.peakHours',
  'rules.pay.dailyTiers',
  'rules.pay.guarantee',
  'rules.penalties.lateTiers',
  'rules.compensation.tiers',
  'rules.heat.maxOnlineHoursHeat37',
  'seed',
] as const satisfies readonly FieldPath[];
export type HintedField = (typeof HINTED_FIELDS)[number];
