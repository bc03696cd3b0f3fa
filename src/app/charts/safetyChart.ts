/** Safety per arm: share of km above 25 km/h, red-light runs per courier-day and relative crash risk. */
import { barPanel } from './barPanel.ts';
import type { ChartArm, ChartFigure } from './chartTypes.ts';

/** Texts of the safety chart: one axis label (with unit) per panel and the limit lines' labels. */
export interface SafetyText {
  title: string;
  caption: string;
  speeding: string;
  redLights: string;
  crashRisk: string;
  /** Label of the compliance limit lines. */
  limit: string;
  /** Label of the 1.0 line: no added risk. */
  baseline: string;
}

/** The scorecard's limits (MODEL.md section 11): speeding share (0–1) and relative crash risk. */
export interface SafetyLimits {
  speedingKmMaxShare: number;
  relativeCrashRiskMax: number;
}

/** The safety chart: three bar panels, one per measure. */
export function safetyChart(arms: readonly ChartArm[], limits: SafetyLimits, text: SafetyText): ChartFigure {
  const rows = (value: (a: ChartArm) => number) => arms.map((a) => ({ arm: a.name, value: value(a) }));
  return {
    title: text.title,
    caption: text.caption,
    layout: 'column',
    panels: [
      barPanel(
        rows((a) => a.metrics.safety.speedingKmShare * 100),
        text.speeding,
        [{ x: limits.speedingKmMaxShare * 100, label: text.limit }],
      ),
      barPanel(
        rows((a) => a.metrics.safety.redLightRunsPerCourierDay),
        text.redLights,
      ),
      barPanel(
        rows((a) => a.metrics.safety.relativeCrashRisk),
        text.crashRisk,
        [
          { x: 1, label: text.baseline },
          { x: limits.relativeCrashRiskMax, label: text.limit },
        ],
        2,
      ),
    ],
  };
}
