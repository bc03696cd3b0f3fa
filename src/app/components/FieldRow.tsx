/** One labelled field of the editor: input, unit, default, hint and the schema's message; per-weather tables in a row. */
import { NULL_MEANS_AUTOMATIC } from '../editor/fieldPaths.ts';
import { domId, fieldHint, fieldLabel, fieldUnit, shownText } from '../editor/labels.ts';
import { bracketed } from '../editor/paramLabel.ts';
import type { FieldPath } from '../../scenario/fieldPath.ts';
import type { FieldSpec } from '../editor/schemaFields.ts';
import { localPart, type Lang, type Translate } from '../i18n.ts';
import { FieldInput } from './FieldInput.tsx';
import { Rich } from './Rich.tsx';

interface Props {
  /** One spec, or the inputs of one per-weather table. */
  specs: readonly FieldSpec[];
  texts: Record<string, string>;
  presetTexts: Record<string, string>;
  defaults: Record<string, string>;
  errors: Record<string, string>;
  lang: Lang;
  t: Translate;
  onEdit: (key: string, text: string) => void;
}

function Sources({ text, t, lang }: { text: string; t: Translate; lang: Lang }) {
  let titles: string[] = [];
  try {
    titles = (JSON.parse(text) as { title?: string }[]).map((s) => s.title ?? '');
  } catch {
    titles = [];
  }
  return (
    <ul className="sources" data-testid="field-meta.sources">
      {titles.length === 0 && <li>{t('editor.noSources')}</li>}
      {titles.map((title, i) => (
        <li key={i}>
          <cite>{localPart(title, lang)}</cite>
        </li>
      ))}
    </ul>
  );
}

function Message({ id, error, testKey, t }: { id: string; error: string; testKey: string; t: Translate }) {
  return (
    <small id={id} className="error" role="alert" data-testid={`error-${testKey}`}>
      {t('editor.invalid')}
      {error}
    </small>
  );
}

/** A field, or a per-weather table as one row of small inputs. */
export function FieldRow({ specs, texts, presetTexts, defaults, errors, lang, t, onEdit }: Props) {
  const first = specs[0];
  if (!first) return null;
  const changed = specs.some((s) => (texts[s.key] ?? '').trim() !== (presetTexts[s.key] ?? '').trim());
  const invalid = specs.some((s) => errors[s.key]);
  const hint = fieldHint(first, t);
  const unit = fieldUnit(first, t);
  const id = domId(first.key);
  const className = `field${invalid ? ' invalid' : ''}${changed ? ' changed' : ''}`;

  if (first.weather) {
    return (
      <div className={className} role="group" aria-labelledby={`${id}-label`}>
        <span className="label" id={`${id}-label`}>
          {t(`field.${first.labelPath}`)}{' '}
          {unit && <span className="unit">{t('editor.unitInParens', { unit: bracketed(unit) })}</span>}
        </span>
        <div className="weather-table">
          {specs.map((s) => (
            <label key={s.key} className="weather-cell" title={`${t('editor.defaultShort')} ${defaults[s.key] ?? ''}`}>
              <span>{t(`weather.${s.weather ?? 'clear'}`)}</span>
              <FieldInput
                spec={s}
                text={texts[s.key] ?? ''}
                t={t}
                invalid={Boolean(errors[s.key])}
                describedBy={errors[s.key] ? `${domId(s.key)}-error` : undefined}
                onEdit={onEdit}
              />
            </label>
          ))}
        </div>
        <small className="default">
          {t('editor.default', { value: specs.map((s) => defaults[s.key] ?? '').join(' / ') })}
        </small>
        {specs.map((s) =>
          errors[s.key] ? (
            <Message
              key={s.key}
              id={`${domId(s.key)}-error`}
              error={`${fieldLabel(s, t)}: ${errors[s.key]}`}
              testKey={s.key}
              t={t}
            />
          ) : null,
        )}
      </div>
    );
  }

  const error = errors[first.key];
  const defaultText = defaults[first.key] ?? '';
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  // Numbers and choices sit beside their label; lists, tuples and text take the whole width under it.
  const compact = first.kind === 'number' || first.kind === 'boolean' || first.kind === 'enum';
  const emptyName = NULL_MEANS_AUTOMATIC.has(first.key as FieldPath) ? 'editor.auto' : 'editor.none';
  return (
    <div className={`${className} ${compact ? 'compact' : 'stacked'}`}>
      <label htmlFor={id}>{fieldLabel(first, t)}</label>
      {first.kind === 'readonly' ? (
        <Sources text={texts[first.key] ?? ''} t={t} lang={lang} />
      ) : (
        <div className="input-row">
          <FieldInput
            spec={first}
            text={texts[first.key] ?? ''}
            t={t}
            invalid={Boolean(error)}
            describedBy={described}
            placeholder={first.nullable ? t(emptyName) : undefined}
            onEdit={onEdit}
          />
          {unit && <span className="unit">{unit}</span>}
        </div>
      )}
      {first.kind !== 'readonly' && first.kind !== 'text' && (
        <small className="default">
          {t('editor.default', {
            value:
              defaultText === '' ? t(first.nullable ? emptyName : 'editor.empty') : shownText(first, defaultText, t),
          })}
        </small>
      )}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          <Rich text={hint} />
        </small>
      )}
      {error && <Message id={`${id}-error`} error={error} testKey={first.key} t={t} />}
    </div>
  );
}
