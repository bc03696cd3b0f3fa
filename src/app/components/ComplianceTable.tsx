/**
 * The compliance scorecard: one row per check, with its clause and its threshold in words, and each arm's status and
 * value (shares as percentages), all in the reader's language (src/analysis/scorecardText.ts).
 */
import { checkText, type ArmSummary } from '../../analysis/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { paramLabel } from '../editor/paramLabel.ts';
import { messageKey, translator, type Lang, type Translate } from '../i18n.ts';
import { catalogueLang } from '../metricDisplay.ts';

interface Props {
  arms: readonly ArmSummary[];
  armNames: Record<string, string>;
  /** The scenario the arms ran (its thresholds are stated in the texts). */
  scenario: Scenario;
  lang: Lang;
  t: Translate;
}

const ZH = translator('zh-CN');
const EN = translator('en');
/** A rule parameter's name in both languages, as the editor labels it. */
const ruleParamName = (rulePath: string) => ({
  zh: paramLabel(`rules.${rulePath}`, ZH, false),
  en: paramLabel(`rules.${rulePath}`, EN, false),
});

/** The scorecard table; each status cell is `compliance-<check id>-<arm id>` with the raw status in `data-status`. */
export function ComplianceTable({ arms, armNames, scenario, lang, t }: Props) {
  const checks = arms[0]?.compliance ?? [];
  const l = catalogueLang(lang);
  return (
    <div className="table-scroll">
      <table className="compliance">
        <thead>
          <tr>
            <th scope="col">{t('compliance.check')}</th>
            <th scope="col">{t('compliance.clause')}</th>
            <th scope="col">{t('compliance.threshold')}</th>
            {arms.map((arm) => (
              <th scope="col" key={arm.id}>
                {armNames[arm.id] ?? arm.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => {
            const first = arms[0] ? checkText(check, scenario, arms[0].metrics, ruleParamName) : undefined;
            return (
              <tr key={check.id}>
                <th scope="row">{first?.name[l] ?? check.id}</th>
                <td>{first?.clause[l]}</td>
                <td>{first?.threshold[l]}</td>
                {arms.map((arm) => {
                  const own = arm.compliance.find((c) => c.id === check.id);
                  const status = own?.status;
                  const statusKey = status ? messageKey(`status.${status}`) : undefined;
                  const text = own ? checkText(own, scenario, arm.metrics, ruleParamName) : undefined;
                  return (
                    <td key={arm.id} className={`status-cell ${status ?? ''}`}>
                      <span data-testid={`compliance-${check.id}-${arm.id}`} data-status={status ?? ''}>
                        {statusKey ? t(statusKey) : (status ?? '–')}
                      </span>
                      {text && text.value[l] !== '' && (
                        <small className="check-value">{t('compliance.valueIs', { value: text.value[l] })}</small>
                      )}
                      {text && text.detail[l] !== '' && <small className="check-value">{text.detail[l]}</small>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
