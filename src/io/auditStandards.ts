/**
 * The labour standards a rider audit is held against: the `standards` section of a scenario, or of one of the two
 * presets whose standards are a real city's (Yantai 2021, Tangshan 2022). The presets are bundled, so the CLI and
 * the workbench use the same numbers.
 */
import tangshan from '../../scenarios/tangshan-2022.json';
import yantai from '../../scenarios/yantai-2021.json';
import { validateScenario } from '../scenario/load.ts';
import type { Standards } from './riders.ts';

/** The presets `--standards` names, with where their standards come from. */
export const STANDARD_PRESETS = {
  'yantai-2021': {
    raw: yantai as unknown,
    zh: '烟台（2021 年 10 月起，山东一类地区）',
    en: 'Yantai (from Oct 2021, Shandong class 1)',
  },
  'tangshan-2022': {
    raw: tangshan as unknown,
    zh: '唐山市区（2022 年，河北一类地区）',
    en: 'Tangshan urban districts (2022, Hebei class 1)',
  },
} as const;
/** A preset's name. */
export type StandardPreset = keyof typeof STANDARD_PRESETS;

/** Whether a `--standards` value names a preset. */
export function isStandardPreset(name: string): name is StandardPreset {
  return Object.hasOwn(STANDARD_PRESETS, name);
}

/** A validated scenario's standards, or the problems of the scenario. */
export function standardsOf(
  value: unknown,
): { ok: true; standards: Standards; name: string } | { ok: false; problems: string[] } {
  const loaded = validateScenario(value);
  if (!loaded.ok) return { ok: false, problems: loaded.problems.map((p) => `${p.path}: ${p.message}`) };
  return { ok: true, standards: loaded.scenario.standards, name: loaded.scenario.meta.name };
}

/** A preset's standards. */
export function presetStandards(name: StandardPreset): Standards {
  const s = standardsOf(STANDARD_PRESETS[name].raw);
  if (!s.ok) throw new Error(`preset ${name} does not validate: ${s.problems.join('; ')}`);
  return s.standards;
}
