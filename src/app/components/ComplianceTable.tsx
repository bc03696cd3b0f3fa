/**
 * The compliance scorecard: one row per check, with its clause and its threshold in words, and each arm's status and
 * value (shares as percentages), in the reader's language. The rows are report.html's (src/evidence/views/
 * scorecardView.ts), so the screen and the report say the same words and digits.
 */
import type { ArmSummary } from '../../analysis/index.ts';
import { scorecardRows } from '../../evidence/views/scorecardView.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { Lang, Translate } from '../i18n.ts';
import { catalogueLang } from '../metricDisplay.ts';

interface Props {
  arms: readonly ArmSummary[];
  armNames: Record<string, string>;
  /** The scenario the arms ran (its thresholds are stated in the texts). */
  scenario: Scenario;
  lang: Lang;
  t: Translate;
}

/**
 * The scorecard table; each status is `compliance-<check id>-<arm id>` with the raw status in `data-status`, the value
 * `scorecard-value-…` and the note `scorecard-detail-…`, so a browser test can hold them to the report's.
 */
export function ComplianceTable({ arms, armNames, scenario, lang, t }: Props) {
  const rows = scorecardRows(arms, scenario);
  const l = catalogueLang(lang);
  return (
    <div className="table-scroll">
      <table className="compliance" data-testid="scorecard">
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
          {rows.map((row) => (
            <tr key={row.id} data-testid={`scorecard-row-${row.id}`}>
              <th scope="row">{row.name[l]}</th>
              <td>{row.clause[l]}</td>
              <td>{row.threshold[l]}</td>
              {row.cells.map((cell) => (
                <td
                  key={cell.armId}
                  className={`status-cell ${cell.status ?? ''}`}
                  data-testid={`scorecard-cell-${row.id}-${cell.armId}`}
                >
                  <span data-testid={`compliance-${row.id}-${cell.armId}`} data-status={cell.status ?? ''}>
                    {cell.label[l]}
                  </span>
                  {cell.value[l] !== '' && (
                    <small className="check-value" data-testid={`scorecard-value-${row.id}-${cell.armId}`}>
                      {t('compliance.valueIs', { value: cell.value[l] })}
                    </small>
                  )}
                  {cell.detail[l] !== '' && (
                    <small className="check-value" data-testid={`scorecard-detail-${row.id}-${cell.armId}`}>
                      {cell.detail[l]}
                    </small>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
