/** The input of one editor field or arm cell: a select for choices, a text box for the rest. */
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
