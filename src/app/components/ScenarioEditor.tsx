/** The editable fields: each arm's deadline percentile and the piece rate, with the schema's messages inline. */
import type { EditableField, FieldTexts } from '../scenarioFields.ts';
import type { Translate } from '../i18n.ts';

interface Props {
  fields: readonly EditableField[];
  texts: FieldTexts;
  /** Schema messages by field key. */
  errors: Record<string, string>;
  armNames: Record<string, string>;
  t: Translate;
  onChange: (key: string, text: string) => void;
}

/** A grouped form of the negotiable numbers. */
export function ScenarioEditor({ fields, texts, errors, armNames, t, onChange }: Props) {
  return (
    <fieldset className="editor">
      <legend>{t('editor.heading')}</legend>
      {fields.map((field) => {
        const id = `field-${field.key.replace(/[^\w-]/g, '_')}`;
        const error = errors[field.key];
        const label =
          field.kind === 'percentile'
            ? t('editor.percentile', { arm: armNames[field.armId ?? ''] ?? field.armId ?? '' })
            : t('editor.payBase');
        const hint = field.kind === 'percentile' ? t('editor.percentileHint') : t('editor.payBaseHint');
        return (
          <div className={error ? 'field invalid' : 'field'} key={field.key}>
            <label htmlFor={id}>{label}</label>
            <div className="input-row">
              <input
                id={id}
                data-testid={`field-${field.key}`}
                inputMode="decimal"
                value={texts[field.key] ?? ''}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
                onChange={(e) => onChange(field.key, e.target.value)}
              />
              {field.kind === 'payBase' && <span className="unit">{t('unit.cnyPerOrder')}</span>}
            </div>
            <small id={`${id}-hint`} className="hint">
              {hint}
            </small>
            {error && (
              <small id={`${id}-error`} className="error" role="alert" data-testid={`error-${field.key}`}>
                {t('editor.invalid')}
                {error}
              </small>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
