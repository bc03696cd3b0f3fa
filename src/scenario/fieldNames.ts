/**
 * Every scenario parameter's name in Chinese and English: the editor's labels, the sweep, bargaining and tornado rows,
 * the guide and report.html all read it, so a parameter has one name wherever it appears. A view of the parameter
 * catalogue (./catalogue.ts), where the names are written.
 */
import { BOOLEAN_NAMES, CATALOGUE, FIELD_PATHS, type ChoiceAt, type EnumField, type FieldName } from './catalogue.ts';
import type { FieldPath } from './fieldPath.ts';

export type { FieldName } from './catalogue.ts';

/** The name of every editable scenario field. */
export const FIELD_NAMES: Readonly<Record<FieldPath, FieldName>> = Object.fromEntries(
  FIELD_PATHS.map((path) => [path, CATALOGUE[path].name]),
) as Record<FieldPath, FieldName>;

/** The choices of each enum field, keyed by its enum: `ENUM_OPTION_NAMES['rules.dispatch.policy'].rolling`. */
export const ENUM_OPTION_NAMES: { readonly [P in EnumField]: Readonly<Record<ChoiceAt<P>, FieldName>> } =
  Object.fromEntries(
    FIELD_PATHS.flatMap((path) => {
      const options = CATALOGUE[path].options;
      return options ? [[path, options]] : [];
    }),
  ) as { readonly [P in EnumField]: Readonly<Record<ChoiceAt<P>, FieldName>> };

/** A value an enum field or a boolean can take. */
export type OptionId = { [P in EnumField]: ChoiceAt<P> }[EnumField] | keyof typeof BOOLEAN_NAMES;

/**
 * The choices of every enum field and of booleans, by value, in both languages (`option.<value>` in the editor). A
 * value shared by two enums (`platform`) has one name: a test holds that their catalogue entries agree.
 */
export const OPTION_NAMES: Readonly<Record<OptionId, FieldName>> = {
  ...(Object.assign({}, ...Object.values(ENUM_OPTION_NAMES)) as Record<Exclude<OptionId, 'true' | 'false'>, FieldName>),
  ...BOOLEAN_NAMES,
};
