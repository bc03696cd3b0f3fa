/**
 * The back-tests the workbench offers (issue 24 item 4): each shipped back-test file with its preset, checked once,
 * the key of its introduction and what one run of its preset costs. `fairpace backtest <file>` runs the same.
 */
import { BacktestFile, type BacktestFigure } from '../analysis/backtest.ts';
import { validateScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import ratchetFile from '../../scenarios/backtests/ratchet-2016-2018.json';
import ratchetScenario from '../../scenarios/ratchet-2016-2018.json';
import safetyFile from '../../scenarios/backtests/safety-bonus-2025.json';
import safetyScenario from '../../scenarios/safety-bonus-2025.json';

/** One back-test the panel can run. */
export interface ShippedBacktest {
  id: string;
  file: BacktestFile;
  scenario: Scenario;
  /** The i18n key of its introduction. */
  intro: 'backtest.intro' | 'backtest.introSafety';
  /** The days one run simulates (warm-up left out). */
  days: number;
}

function shipped(id: string, raw: unknown, scenarioRaw: unknown, intro: ShippedBacktest['intro']): ShippedBacktest {
  const loaded = validateScenario(scenarioRaw);
  if (!loaded.ok) throw new Error(`the back-test preset of ${id} does not validate`);
  return { id, file: BacktestFile.parse(raw), scenario: loaded.scenario, intro, days: loaded.scenario.time.days };
}

export const SHIPPED_BACKTESTS: readonly ShippedBacktest[] = [
  shipped('ratchet-2016-2018', ratchetFile, ratchetScenario, 'backtest.intro'),
  shipped('safety-bonus-2025', safetyFile, safetyScenario, 'backtest.introSafety'),
];

/** A figure read as a change from another arm is in percent; one read from a series of the trace, in minutes. */
export const figureUnit = (f: BacktestFigure): 'percent' | 'minutes' =>
  f.versusArm !== undefined ? 'percent' : 'minutes';

/** The arms a back-test runs (each figure's arm and the arm it is compared with). */
export function backtestArms(file: BacktestFile): Set<string> {
  return new Set(file.figures.flatMap((f) => (f.versusArm === undefined ? [f.arm] : [f.arm, f.versusArm])));
}
