/**
 * The input of one editor field or arm cell: a select for choices, a number box and a select for a tuple with a
 * choice in it (the guarantee: an amount per hour, and online or engaged hours), a text box for the rest.
 */
import { NONE_TEXT } from '../editor/fieldText.ts';
import { domId, optionLabel } from '../editor/labels.ts';
import type { FieldSpec } from '../editor/schemaFields.ts';
import type { Translate } from '../i18n.ts';

interface Props {
  spec: FieldSpec;
  text: string;
  t: Translate;
  /** In an arm's cell: an empty value means "inherit", offered as the select's first choice. */
  inheritLabel?: string;
  placeholder?: string;
  invalid: boolean;
  describedBy?: string;
  label?: string;
  onEdit: (key: string, text: string) => void;
}

/** One input, with `data-testid="field-<json path>"`. */
export function FieldInput({ spec, text, t, inheritLabel, placeholder, invalid, describedBy, label, onEdit }: Props) {
  const common = {
    id: domId(spec.key),
    'data-testid': `field-${spec.key}`,
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': describedBy,
    'aria-label': label,
  };
  if (spec.kind === 'boolean' || spec.kind === 'enum') {
    const options = spec.kind === 'boolean' ? ['true', 'false'] : (spec.options ?? []);
    return (
      <select {...common} value={text} onChange={(e) => onEdit(spec.key, e.target.value)}>
        {inheritLabel !== undefined && <option value="">{inheritLabel}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o, t)}
          </option>
        ))}
        {text !== '' && !options.includes(text) && <option value={text}>{text}</option>}
      </select>
    );
  }
  if (spec.kind === 'tuple' && spec.tupleChoices) {
    return <TupleWithChoice spec={spec} text={text} t={t} common={common} placeholder={placeholder} onEdit={onEdit} />;
  }
  if (spec.key === 'meta.description') {
    return <textarea {...common} rows={3} value={text} onChange={(e) => onEdit(spec.key, e.target.value)} />;
  }
  const wide = spec.kind !== 'number';
  return (
    <input
      {...common}
      className={wide ? 'wide' : undefined}
      inputMode={spec.kind === 'number' ? 'decimal' : undefined}
      spellCheck={false}
      autoComplete="off"
      placeholder={placeholder}
      value={text}
      onChange={(e) => onEdit(spec.key, e.target.value)}
    />
  );
}

/** Splits the compact text of a tuple ("21, online") into its parts, in `tupleKeys` order. */
function partsOf(text: string, count: number): string[] {
  const parts = text.trim() === '' ? [] : text.split(/[,，、\s]+/).filter((p) => p !== '');
  return Array.from({ length: count }, (_, i) => parts[i] ?? '');
}

/**
 * A tuple whose parts are numbers and choices: a box per number, a select per choice, written back as the compact
 * text ("21, online") the draft parses. While the numbers are empty the tuple is empty (none, or inherit in an arm's
 * cell), and its choices wait, disabled, on their first option.
 */
function TupleWithChoice({
  spec,
  text,
  t,
  common,
  placeholder,
  onEdit,
}: {
  spec: FieldSpec;
  text: string;
  t: Translate;
  common: Record<string, unknown>;
  placeholder?: string;
  onEdit: (key: string, text: string) => void;
}) {
  const keys = spec.tupleKeys ?? [];
  const choices = spec.tupleChoices ?? {};
  const parts = partsOf(text, keys.length);
  // "-" in an arm's cell overrides the base rule with none: the whole tuple, not one part.
  const none = text.trim() === NONE_TEXT;
  const numbersEmpty = none || keys.every((k, i) => choices[k] !== undefined || (parts[i] ?? '') === '');
  const write = (index: number, value: string) => {
    if (value.trim() === NONE_TEXT && choices[keys[index] ?? ''] === undefined) {
      onEdit(spec.key, NONE_TEXT);
      return;
    }
    const next = keys.map((k, i) => (i === index ? value : (parts[i] ?? '') || (choices[k]?.[0] ?? '')));
    const empty = keys.every((k, i) => choices[k] !== undefined || (next[i] ?? '').trim() === '');
    onEdit(spec.key, empty ? '' : next.join(', '));
  };
  return (
    <span className="tuple-input">
      {keys.map((k, i) => {
        const options = choices[k];
        if (options) {
          return (
            <select
              key={k}
              data-testid={`field-${spec.key}-${k}`}
              aria-label={k === 'basis' ? t('tuple.basis') : k}
              disabled={numbersEmpty}
              value={parts[i] || options[0]}
              onChange={(e) => write(i, e.target.value)}
            >
              {options.map((o) => (
                <option key={o} value={o}>
                  {optionLabel(o, t)}
                </option>
              ))}
            </select>
          );
        }
        return (
          <input
            key={k}
            {...(i === 0 ? common : { 'data-testid': `field-${spec.key}-${k}` })}
            inputMode="decimal"
            spellCheck={false}
            autoComplete="off"
            placeholder={i === 0 ? placeholder : undefined}
            value={parts[i] ?? ''}
            onChange={(e) => write(i, e.target.value)}
          />
        );
      })}
    </span>
  );
}
