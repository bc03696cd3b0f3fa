/**
 * The scenario file format: the single source of truth. Types are inferred from these schemas; defaults, bounds and
 * the messages a person reads live here and nowhere else. Sections and defaults follow docs/model.md. The sections
 * are defined in ./schema/ (one file per group, as the catalogue's files are) and assembled in ./schema/scenario.ts;
 * this entry attaches each field's facts from the parameter catalogue (./catalogue.ts) and is what other modules
 * import. The catalogue's field paths are typed from ./schema/, below this entry, so the two import no circle.
 */
import { attachFacts } from './catalogue.ts';
import { Scenario } from './schema/scenario.ts';

export { type Arm, DEFAULT_ARMS } from './schema/arms.ts';
export { LIMITS } from './schema/limits.ts';
export { ReplayInstance } from './schema/replay.ts';
export { type DeepPartial, Rules, RulesOverride } from './schema/rules.ts';
export { SCHEMA_VERSION, Scenario, type ScenarioInput } from './schema/scenario.ts';
export { WEATHER_KINDS, Weather } from './schema/weather.ts';

// Every field carries its facts (names, unit, status) from the parameter catalogue, for `.meta()` and the JSON Schema.
attachFacts(Scenario);
