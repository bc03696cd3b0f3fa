/** The compliance scorecard: one row per check, with its clause and standard, and each arm's status and value. */
import type { ArmSummary } from '../../analysis/index.ts';
import type { ComplianceCheck } from '../../sim/results.ts';
import { messageKey, type Translate } from '../i18n.ts';

interface Props {
  arms: readonly ArmSummary[];
  armNames: Record<string, string>;
  t: Translate;
}

function shownValue(value: ComplianceCheck['value']): string {
  if (value === null) return '–';
  return typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
}

/** The scorecard table; each status cell is `compliance-<check id>-<arm id>` with the raw status in `data-status`. */
export function ComplianceTable({ arms, armNames, t }: Props) {
  const checks = arms[0]?.compliance ?? [];
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
            const label = messageKey(`check.${check.id}`);
            return (
              <tr key={check.id}>
                <th scope="row">{label ? t(label) : check.id}</th>
                <td>{check.clause}</td>
                <td>{check.threshold}</td>
                {arms.map((arm) => {
                  const own = arm.compliance.find((c) => c.id === check.id);
                  const status = own?.status;
                  const statusKey = status ? messageKey(`status.${status}`) : undefined;
                  return (
                    <td key={arm.id} className={`status-cell ${status ?? ''}`}>
                      <span data-testid={`compliance-${check.id}-${arm.id}`} data-status={status ?? ''}>
                        {statusKey ? t(statusKey) : (status ?? '–')}
                      </span>
                      {own && (
                        <small className="check-value">
                          {t('compliance.value')}: {shownValue(own.value)}
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
  );
}
