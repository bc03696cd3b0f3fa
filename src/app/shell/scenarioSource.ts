/** Where the scenario in the editor comes from, and how it loads. */
import { validateScenario, type LoadResult } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { PRESETS } from '../presets.ts';

/** Where the scenario in the editor comes from: a preset file, or a scenario opened from a link, a file or a saved run. */
export type Source =
  { kind: 'preset'; id: string } | { kind: 'custom'; scenario: Scenario; from: 'link' | 'upload' | 'saved' };

/** The value of the picker's entry for a scenario that is not a preset. */
export const CUSTOM = '__custom__';

function presetById(id: string) {
  return PRESETS.find((p) => p.id === id) ?? PRESETS[0];
}

/** The preset `id` (the first preset when there is none of that id), validated. */
export function loadPreset(id: string): LoadResult {
  return validateScenario(presetById(id)?.raw);
}

/** The scenario of `source`, validated when it is a preset file. */
export function loadSource(source: Source): LoadResult {
  return source.kind === 'preset' ? loadPreset(source.id) : { ok: true, scenario: source.scenario, notes: [] };
}

/** A file-name part from a scenario's name: ASCII letters, digits and hyphens, or `scenario`. */
export function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'scenario';
}
