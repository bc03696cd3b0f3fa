/** What differs from the preset: each changed input's name (its path only in a tooltip), and its old → new value. */
import type { Change } from '../editor/draft.ts';
import { inputLabel, shownText } from '../editor/labels.ts';
import type { FieldSpec } from '../editor/schemaFields.ts';
import type { Translate } from '../i18n.ts';

interface Props {
  changes: readonly Change[];
  specs: ReadonlyMap<string, FieldSpec>;
  armNames: readonly string[];
  t: Translate;
}

/** The list (`data-testid="changes"`, one `change-<json path>` per item). */
export function ChangesList({ changes, specs, armNames, t }: Props) {
  const shown = (spec: FieldSpec | undefined, text: string) => {
    if (text.trim() === '') return spec?.keys[0] === 'arms' ? t('editor.inherits') : t('editor.empty');
    return spec ? shownText(spec, text, t) : text;
  };
  return (
    <div className="changes" data-testid="changes" data-count={changes.length}>
      <h3>{t('editor.changes', { count: changes.length })}</h3>
      {changes.length === 0 ? (
        <p className="hint">{t('editor.noChanges')}</p>
      ) : (
        <ul>
          {changes.map((c) => {
            const spec = specs.get(c.key);
            return (
              <li key={c.key} data-testid={`change-${c.key}`}>
                {/* The tooltip holds the file's path for whoever edits the scenario file: a value to type, not prose. */}
                <span title={t('changes.pathTitle', { path: c.key })} data-latin-ok>
                  {spec ? inputLabel(spec, t, armNames) : c.key}
                </span>{' '}
                <span className="from">{shown(spec, c.from)}</span> → <strong>{shown(spec, c.to)}</strong>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
