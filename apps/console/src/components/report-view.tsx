import { useLazyQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { renderReportCsv } from '../../../../libs/reporting/src/rendering/report.csv';
import { renderReportHtml } from '../../../../libs/reporting/src/rendering/report.html';
import type { ComplianceReport } from '../../../../libs/reporting/src/domain/compliance-report';
import { ComplianceReportQuery } from '../graphql/operations';
import { count, download, jstEndOfDay, jstStartOfDay, percent } from '../format';
import { useWords } from '../i18n';
import { Failure, Field, Loading, Named } from './common';

/**
 * The compliance report for a period, read through `complianceReport` and saved as the CLI saves it: the same
 * HTML and CSV renderers (libs/reporting), run in the browser over the API's answer, or the answer as JSON.
 */
export function ReportView({ organizationId, immediately = false, defaultFrom = '2024-04-01', defaultTo = '2025-03-31' }: { organizationId?: string; immediately?: boolean; defaultFrom?: string; defaultTo?: string }) {
  const { t, code, lang } = useWords();
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(defaultTo);
  const [make, { data, error, loading }] = useLazyQuery(ComplianceReportQuery);
  const run = () => void make({ variables: { from: jstStartOfDay(from), to: jstEndOfDay(to), organizationId } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run();
  };
  // An organization's own report is small: it answers at once. Every organization's waits to be asked for.
  useEffect(() => {
    if (immediately) run();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, on opening
  // The API's answer has the renderers' shape (schema/report.graphql mirrors libs/reporting's ComplianceReport).
  const report = data?.complianceReport as ComplianceReport | undefined;
  const base = `himotoki-report-${from}-${to}${organizationId ? `-${organizationId}` : ''}`;
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t('reportTitle')}</h2>
      <form className="filters" onSubmit={submit}>
        <div className="filters-grid">
          <Field id="report-from" label={t('periodFrom')}>
            <input id="report-from" type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
          </Field>
          <Field id="report-to" label={t('periodTo')}>
            <input id="report-to" type="date" required value={to} onChange={(e) => setTo(e.target.value)} />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('make')}
          </button>
        </div>
      </form>
      {error && <Failure error={error} />}
      {loading && <Loading />}
      {report && (
        <>
          <div className="actions downloads">
            <button type="button" className="button" onClick={() => download(`${base}.html`, 'text/html', renderReportHtml(report))}>
              {t('downloadHtml')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => download(`${base}.json`, 'application/json', JSON.stringify(report, null, 2) + '\n')}>
              {t('downloadJson')}
            </button>
          </div>
          {/* One CSV file per table, as `himotoki report --format csv` writes them. */}
          <div className="csv-files">
            <span>{t('downloadCsv')}:</span>
            <ul className="plain inline">
              {renderReportCsv(report).map((file) => (
                <li key={file.name}>
                  <button type="button" className="button button-small button-secondary" onClick={() => download(`${base}-${file.name}`, 'text/csv', file.content)}>
                    {file.name}
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <h3>{t('totals')}</h3>
          <dl className="totals">
            <div><dt>{code('kind', 'PROVISION')}</dt><dd>{count(report.activity.totals.provisions, lang)}</dd></div>
            <div><dt>{code('kind', 'ACCESS')}</dt><dd>{count(report.activity.totals.accesses, lang)}</dd></div>
            <div><dt>{code('kind', 'LINK')}</dt><dd>{count(report.activity.totals.ties, lang)}</dd></div>
            <div><dt>{code('kind', 'UNLINK')}</dt><dd>{count(report.activity.totals.cuts, lang)}</dd></div>
            <div><dt>{t('findingsTitle')}</dt><dd>{count(report.findings.findings.length, lang)}</dd></div>
          </dl>
          <CounterpartyTable report={report} />
          {report.exposure.available && (
            <>
              <h3>{t('riskyDatasets')}</h3>
              <ul className="explanations">
                {report.exposure.riskyDatasets.slice(0, 10).map((d) => (
                  <li key={d.dataset.id}>
                    <strong><Named party={d.dataset} /></strong>: k = {d.k}, {percent(d.sampleUniqueness, lang)} — {d.reason}
                  </li>
                ))}
              </ul>
              <h3>{t('matchablePairs')}</h3>
              <ul className="explanations">
                {report.exposure.matchablePairs.slice(0, 10).map((p) => (
                  <li key={`${p.datasetA.id}-${p.datasetB.id}`}>
                    <strong><Named party={p.datasetA} /> ⇔ <Named party={p.datasetB} /></strong>: {percent(p.matchability, lang)} — {p.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** Who dealt with whom: the period's activity summed by organization, counterparty and kind. */
function CounterpartyTable({ report }: { report: ComplianceReport }) {
  const { t, code, lang } = useWords();
  const sums = new Map<string, { organization: ComplianceReport['activity']['rows'][number]['organization']; counterparty: ComplianceReport['activity']['rows'][number]['counterparty']; kind: string; count: number }>();
  for (const row of report.activity.rows) {
    const key = `${row.organization.id}|${row.counterparty?.id ?? ''}|${row.kind}`;
    const sum = sums.get(key) ?? { organization: row.organization, counterparty: row.counterparty, kind: row.kind, count: 0 };
    sum.count += row.count;
    sums.set(key, sum);
  }
  const rows = [...sums.values()].sort((a, b) => b.count - a.count).slice(0, 30);
  return (
    <>
      <h3>{t('counterparties')}</h3>
      <div className="table-wrap">
        <table className="lines">
          <thead>
            <tr>
              <th scope="col">{t('who')}</th>
              <th scope="col">{t('counterparty')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col" className="num">{t('count')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.organization.id}|${r.counterparty?.id}|${r.kind}`}>
                <td data-label={t('who')}><Named party={r.organization} /></td>
                <td data-label={t('counterparty')}><Named party={r.counterparty} /></td>
                <td data-label={t('kind')}>{code('kind', r.kind)}</td>
                <td data-label={t('count')} className="num">{count(r.count, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
