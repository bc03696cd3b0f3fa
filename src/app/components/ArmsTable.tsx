/**
 * The arms side by side: one row per rule, one column per arm. A cell holds the arm's own value of the rule; an empty
 * cell inherits the base rule (shown greyed in it). Rows where the arms end up different are marked.
 */
import { useState } from 'react';
import { armLabelKey, MAX_ARMS } from '../editor/draft.ts';
import { domId, fieldLabel, fieldUnit, shownText } from '../editor/labels.ts';
import { armCell, RULE_FIELDS } from '../editor/schemaFields.ts';
import { namesRuleOnly } from '../../analysis/armName.ts';
import { localPart, type Lang, type Translate } from '../i18n.ts';
import { FieldInput } from './FieldInput.tsx';

/** Rules always shown, differing or not: the one under negotiation. */
const ALWAYS_SHOWN = new Set(['deadline.percentile']);

interface Props {
  arms: readonly { id: string; name: string; label: string }[];
  texts: Record<string, string>;
  /** The texts of the preset (or file) the editor started from. */
  presetTexts: Record<string, string>;
  errors: Record<string, string>;
  lang: Lang;
  t: Translate;
  onEdit: (key: string, text: string) => void;
  /** Adds a proposal: a copy of the last arm with a new id. */
  onAdd: () => void;
  /** Removes arm `index` (never the only one). */
  onRemove: (index: number) => void;
}

/**
 * The arms table (`data-testid="arms-table"`); each cell is `field-arms[<i>].rules.<rule path>`. Each arm is a named
 * proposal: its label is editable (`arm-label-<i>`), it can be removed (`remove-arm-<i>`), and `add-arm` adds one.
 */
export function ArmsTable({ arms, texts, presetTexts, errors, lang, t, onEdit, onAdd, onRemove }: Props) {
  const [showAll, setShowAll] = useState(false);
  const rows = RULE_FIELDS.map((rule) => {
    const base = texts[`rules.${rule.key}`] ?? '';
    const cells = arms.map((_, i) => armCell(rule, i));
    const own = cells.map((c) => (texts[c.key] ?? '').trim());
    const effective = own.map((v) => (v === '' ? base.trim() : v));
    const differs = new Set(effective).size > 1;
    const overridden = own.some((v) => v !== '');
    const invalid = cells.some((c) => errors[c.key]);
    const shown = showAll || ALWAYS_SHOWN.has(rule.key) || overridden || invalid;
    return { rule, base, cells, differs, overridden, shown };
  });
  const hidden = rows.filter((r) => !r.shown).length;

  return (
    <div className="arms" data-testid="arms-table">
      <p className="hint">{t('editor.armsHint')}</p>
      <div className="table-scroll">
        <table className="arms-table">
          <thead>
            <tr>
              <th scope="col">{t('editor.rule')}</th>
              <th scope="col">{t('editor.baseRule')}</th>
              {arms.map((arm, i) => {
                const key = armLabelKey(i);
                const labelError = errors[key];
                // A label that only names the deadline rule follows the rule: the box stays empty, with the name the
                // rule gives as its placeholder. An unedited bilingual label shows the reader's language; typing
                // names the arm in whatever the person types.
                const raw = texts[key] ?? arm.label;
                const preset = presetTexts[key];
                const followsRule = namesRuleOnly(raw);
                const shown = followsRule ? '' : raw === preset ? localPart(raw, lang) : raw;
                return (
                  <th scope="col" key={i} data-arm-id={arm.id}>
                    <span className="arm-name">{arm.name}</span>
                    <input
                      type="text"
                      className={labelError ? 'arm-label invalid' : 'arm-label'}
                      data-testid={`arm-label-${i}`}
                      aria-label={t('editor.armLabel', { id: arm.id })}
                      aria-invalid={Boolean(labelError)}
                      value={shown}
                      placeholder={followsRule ? arm.name : undefined}
                      onChange={(e) => {
                        const typed = e.target.value;
                        // Emptied again: back to the preset's rule-only label, so the name follows the rule.
                        const back = typed.trim() === '' && preset !== undefined && namesRuleOnly(preset);
                        onEdit(key, back ? preset : typed);
                      }}
                    />
                    {labelError && (
                      <small className="error" role="alert" data-testid={`error-${armLabelKey(i)}`}>
                        {labelError}
                      </small>
                    )}
                    <button
                      type="button"
                      className="link"
                      data-testid={`remove-arm-${i}`}
                      disabled={arms.length <= 1}
                      title={t('editor.removeArmTitle', { id: arm.id })}
                      onClick={() => onRemove(i)}
                    >
                      ✕ {t('editor.removeArm')}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows
              .filter((r) => r.shown)
              .map(({ rule, base, cells, differs }) => {
                const unit = fieldUnit(rule, t);
                return (
                  <tr key={rule.key} className={differs ? 'differs' : undefined} data-differs={differs}>
                    <th scope="row">
                      {fieldLabel(rule, t)}
                      {unit && <small className="unit"> {unit}</small>}
                    </th>
                    <td className="base">{base === '' ? t('editor.none') : shownText(rule, base, t)}</td>
                    {cells.map((cell, i) => {
                      const error = errors[cell.key];
                      const armName = arms[i]?.name ?? '';
                      return (
                        <td key={`${i}:${cell.key}`} className={error ? 'invalid' : undefined}>
                          <FieldInput
                            spec={cell}
                            text={texts[cell.key] ?? ''}
                            t={t}
                            inheritLabel={t('editor.inherits')}
                            placeholder={base === '' ? t('editor.inherits') : shownText(rule, base, t)}
                            invalid={Boolean(error)}
                            describedBy={error ? `${domId(cell.key)}-error` : undefined}
                            label={`${armName}: ${fieldLabel(rule, t)}`}
                            onEdit={onEdit}
                          />
                          {error && (
                            <small
                              id={`${domId(cell.key)}-error`}
                              className="error"
                              role="alert"
                              data-testid={`error-${cell.key}`}
                            >
                              {error}
                            </small>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
      {errors.arms && (
        <p className="error" role="alert" data-testid="error-arms">
          {errors.arms}
        </p>
      )}
      <button
        type="button"
        data-testid="add-arm"
        disabled={arms.length >= MAX_ARMS}
        title={t('editor.addArmTitle', { max: MAX_ARMS })}
        onClick={onAdd}
      >
        ＋ {t('editor.addArm')}
      </button>{' '}
      <button type="button" className="link" data-testid="arms-show-all" onClick={() => setShowAll(!showAll)}>
        {showAll ? t('editor.showDifferingRules') : t('editor.showAllRules', { count: hidden })}
      </button>
    </div>
  );
}
