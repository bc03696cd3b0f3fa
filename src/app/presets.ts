/** The preset scenarios bundled with the app: every file in scenarios/ except the generated JSON Schema. */

/** One preset: its file name without `.json`, and the file's content as written (validated when chosen). */
export interface Preset {
  id: string;
  raw: unknown;
}

/** The preset the app opens on. */
export const DEFAULT_PRESET_ID = 'demo-small';

const files = import.meta.glob<unknown>(['../../scenarios/*.json', '!../../scenarios/scenario.schema.json'], {
  eager: true,
  import: 'default',
});

/** All presets, the default first and the rest by name. */
export const PRESETS: readonly Preset[] = Object.entries(files)
  .map(([path, raw]) => ({ id: path.replace(/^.*\//, '').replace(/\.json$/, ''), raw }))
  .sort((a, b) => Number(b.id === DEFAULT_PRESET_ID) - Number(a.id === DEFAULT_PRESET_ID) || a.id.localeCompare(b.id));

/** The display name of a preset: its `meta.name` when it has one, else its id. */
export function presetName(preset: Preset): string {
  const meta = (preset.raw as { meta?: { name?: unknown } } | null)?.meta;
  return typeof meta?.name === 'string' ? meta.name : preset.id;
}
