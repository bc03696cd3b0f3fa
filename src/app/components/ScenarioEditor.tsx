/**
 * The scenario editor: Undo and the changes from the preset on top, then the arms side by side, then every section of
 * the scenario in a collapsible group. Every field shows its unit and default, and the schema's message when invalid.
 */
import type { Change } from '../editor/draft.ts';
import { GROUPS, type GroupId } from '../editor/fieldPaths.ts';
import { SCENARIO_FIELDS, type FieldSpec } from '../editor/schemaFields.ts';
import type { Lang, Translate } from '../i18n.ts';
import type { RuleSection } from '../i18nFields.ts';
import { ArmsTable } from './ArmsTable.tsx';
import { ChangesList } from './ChangesList.tsx';
import { FieldRow } from './FieldRow.tsx';

interface Props {
  texts: Record<string, string>;
  presetTexts: Record<string, string>;
  defaults: Record<string, string>;
  /** Schema messages by input key. */
  errors: Record<string, string>;
  arms: readonly { id: string; name: string; label: string }[];
  changes: readonly Change[];
  specs: ReadonlyMap<string, FieldSpec>;
  canUndo: boolean;
  lang: Lang;
  t: Translate;
  onEdit: (key: string, text: string) => void;
  onAddArm: () => void;
  onRemoveArm: (index: number) => void;
  onUndo: () => void;
}

/** Rule sections open at first: the deadline and the pay, what negotiators change most. */
const OPEN_SECTIONS: ReadonlySet<string> = new Set(['deadline', 'pay']);

/** Specs in runs of the same labelled field (a per-weather table is one run of seven inputs). */
function rowsOf(specs: readonly FieldSpec[]): FieldSpec[][] {
  const rows: FieldSpec[][] = [];
  for (const spec of specs) {
    const last = rows.at(-1);
    if (last && last[0]?.labelPath === spec.labelPath && spec.weather) last.push(spec);
    else rows.push([spec]);
  }
  return rows;
}

/** The editor. */
export function ScenarioEditor(props: Props) {
  const { texts, errors, arms, changes, specs, canUndo, t, onEdit, onAddArm, onRemoveArm, onUndo } = props;
  const changedIn = (group: GroupId) =>
    changes.filter((c) => specs.get(c.key)?.group === group && !c.key.startsWith('arms')).length;
  const invalidIn = (fields: readonly FieldSpec[]) => fields.some((f) => errors[f.key]);
  const row = (specsOfRow: FieldSpec[]) => <FieldRow key={specsOfRow[0]?.key} {...props} specs={specsOfRow} />;

  return (
    <section className="editor" aria-labelledby="editor-heading">
      <div className="editor-head">
        <h2 id="editor-heading">{t('editor.heading')}</h2>
        <button type="button" data-testid="undo" disabled={!canUndo} title={t('editor.undoTitle')} onClick={onUndo}>
          ↶ {t('editor.undo')}
        </button>
      </div>
      <ChangesList changes={changes} specs={specs} armNames={arms.map((a) => a.name)} t={t} />

      <details className="group" open data-testid="group-arms">
        <summary>{t('editor.arms')}</summary>
        <ArmsTable
          arms={arms}
          texts={texts}
          presetTexts={props.presetTexts}
          errors={errors}
          lang={props.lang}
          t={t}
          onEdit={onEdit}
          onAdd={onAddArm}
          onRemove={onRemoveArm}
        />
      </details>

      {GROUPS.map((group) => {
        const fields = SCENARIO_FIELDS.filter((f) => f.group === group);
        const changed = changedIn(group);
        const invalid = invalidIn(fields);
        const sections = group === 'rules' ? [...new Set(fields.map((f) => String(f.keys[1])))] : [];
        return (
          <details
            key={group}
            className={`group${invalid ? ' invalid' : ''}`}
            open={group === 'rules' || invalid}
            data-testid={`group-${group}`}
          >
            <summary>
              {t(`group.${group}`)}
              {changed > 0 && <span className="badge">{t('editor.changedBadge', { count: changed })}</span>}
              {invalid && <span className="badge bad">{t('editor.invalidBadge')}</span>}
            </summary>
            {group !== 'rules' && rowsOf(fields).map(row)}
            {sections.map((section) => {
              const own = fields.filter((f) => f.keys[1] === section);
              return (
                <details
                  key={section}
                  className="section"
                  open={OPEN_SECTIONS.has(section) || invalidIn(own)}
                  data-testid={`section-rules.${section}`}
                >
                  <summary>{t(`section.rules.${section as RuleSection}`)}</summary>
                  {rowsOf(own).map(row)}
                </details>
              );
            })}
          </details>
        );
      })}
    </section>
  );
}
