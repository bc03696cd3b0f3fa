// The report's assumption table tags each parameter as the parameter catalogue does (calibrated, assumption, …), so
// comfort speed and revenue per order, calibrated in docs/model.md, are no longer called assumptions.
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, assumptionsTableHtml, catalogueStatus } from '../../src/evidence/report/assumptions.ts';
import { Scenario } from '../../src/scenario/schema.ts';

describe('the report’s assumption tags', () => {
  it('come from the catalogue for every listed parameter', () => {
    for (const a of ASSUMPTIONS) expect(catalogueStatus(a.path), a.path).toBeDefined();
    expect(catalogueStatus('population.comfortSpeedKmh')).toBe('calibrated');
    expect(catalogueStatus('rules.platform.deliveryRevenuePerOrder')).toBe('calibrated');
    expect(catalogueStatus('behaviour.redRunPressure')).toBe('assumption');
    const html = assumptionsTableHtml(Scenario.parse({ schemaVersion: 2 }));
    expect(html).toContain('已校准');
    expect(html).toContain('calibrated');
  });
});
