/** The rule sets under comparison: every rule parameter that differs between arms or from the base rules, and every scenario parameter set away from Fairpace's defaults. */
import { CATALOGUE, UNIT_NAMES, type UnitId } from '../../scenario/catalogue.ts';
import type { FieldPath } from '../../scenario/fieldPath.ts';
import { getPath } from '../../scenario/paths.ts';
import { rulesForArm } from '../../scenario/rulesForArm.ts';
import { Scenario, SCHEMA_VERSION, WEATHER_KINDS } from '../../scenario/schema.ts';
import { differingRulePaths } from '../../sim/compliance.ts';
import { codePath, escapeHtml } from '../../format/escape.ts';
import { bi, inline, inlineHtml, type Bi } from './bilingual.ts';
import { paramHeadingHtml, paramName, paramValueHtml } from './paramCells.ts';

/** A path's unit in the parameter catalogue: its own, or its table's for an entry of a per-weather table. */
function unitOf(path: string): UnitId | null {
  if (Object.hasOwn(CATALOGUE, path)) return CATALOGUE[path as FieldPath].unit;
  const dot = path.lastIndexOf('.');
  const table = path.slice(0, dot);
  const isWeather = (WEATHER_KINDS as readonly string[]).includes(path.slice(dot + 1));
  return isWeather && Object.hasOwn(CATALOGUE, table) ? CATALOGUE[table as FieldPath].unit : null;
}

/** A unit inside the name's brackets: one that carries its range in brackets keeps only the range ("比例（0–1）" → "0–1"). */
const bracketed = (unit: string) => /[（(]([^）)]*)[）)]\s*$/.exec(unit)?.[1] ?? unit;

/**
 * A rule path's name with its unit in brackets ("超时罚款（元）", "Fine for a late order (CNY)"): the parameter
 * catalogue's name, the same as the editor's, or undefined when the path has none.
 */
export function ruleName(path: string): Bi | undefined {
  const name = paramName(`rules.${path}`);
  if (!name) return undefined;
  const unit = unitOf(`rules.${path}`);
  if (!unit) return name;
  const words = UNIT_NAMES[unit];
  return bi(`${name.zh}（${bracketed(words.zh)}）`, `${name.en} (${bracketed(words.en)})`);
}

const cellOf = (value: unknown) => `<td class="value">${paramValueHtml(value)}</td>`;

/** Rule paths where any arm's rules differ from the scenario's base rules (which includes any difference between arms). */
export function negotiatedRulePaths(scenario: Scenario, armIds: readonly string[]): string[] {
  const paths = new Set<string>();
  for (const id of armIds) for (const p of differingRulePaths(scenario.rules, rulesForArm(scenario, id))) paths.add(p);
  return [...paths].sort();
}

/** The table of rule parameters that differ: base rules, then each arm. */
export function rulesTableHtml(scenario: Scenario, armIds: readonly string[], names: readonly Bi[]): string {
  const paths = negotiatedRulePaths(scenario, armIds);
  if (paths.length === 0) {
    return `<p>${inline(bi('各方案的规则与情景的基准规则完全相同。', 'The arms run the scenario’s base rules unchanged.'))}</p>`;
  }
  const rules = armIds.map((id) => rulesForArm(scenario, id));
  const head =
    `<tr><th>${inline(bi('规则参数', 'Rule parameter'))}</th><th>${inline(bi('情景基准规则', 'Scenario base rules'))}</th>` +
    names.map((n) => `<th>${inline(n)}</th>`).join('') +
    '</tr>';
  const rows = paths.map((path) => {
    const name = ruleName(path);
    const label = name
      ? inlineHtml(escapeHtml(name.zh), `${escapeHtml(name.en)}<br>${codePath(`rules.${path}`)}`)
      : codePath(`rules.${path}`);
    return `<tr><th scope="row">${label}</th>${cellOf(getPath(scenario.rules, path))}${rules.map((r) => cellOf(getPath(r, path))).join('')}</tr>`;
  });
  return `<table class="rules"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Fairpace's default scenario (every field at its default), against which a scenario's choices are listed. */
function defaultScenario(): Scenario {
  return Scenario.parse({ schemaVersion: SCHEMA_VERSION });
}

/** Scenario parameters (outside `meta` and `arms`) whose values differ from Fairpace's defaults. */
export function changedScenarioPaths(scenario: Scenario): string[] {
  const skip = ['meta', 'arms', 'schemaVersion', 'kind'];
  return differingRulePaths(defaultScenario(), scenario).filter((p) => !skip.includes(p.split('.')[0] ?? ''));
}

/** The table of scenario parameters set away from the defaults: path, value here, default. */
export function scenarioTableHtml(scenario: Scenario): string {
  const paths = changedScenarioPaths(scenario);
  if (paths.length === 0) {
    return `<p>${inline(bi('情景的所有参数均为 Fairpace 默认值。', 'Every scenario parameter has Fairpace’s default value.'))}</p>`;
  }
  const defaults = defaultScenario();
  const head = `<tr><th>${inline(bi('参数', 'Parameter'))}</th><th>${inline(bi('本情景', 'This scenario'))}</th><th>${inline(bi('默认值', 'Default'))}</th></tr>`;
  const rows = paths.map(
    (path) =>
      `<tr><th scope="row">${paramHeadingHtml(path)}</th>${cellOf(getPath(scenario, path))}${cellOf(getPath(defaults, path))}</tr>`,
  );
  return `<table class="params"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
