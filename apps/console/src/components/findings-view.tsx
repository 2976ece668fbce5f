import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import type { FindingFilter, FindingRule, FindingSeverity } from '../gql/graphql';
import { Findings } from '../graphql/operations';
import { dateTime } from '../format';
import { useWords } from '../i18n';
import { Link } from '../router';
import { CodeSelect, Failure, Loading, Named, Pager } from './common';

const RULES: FindingRule[] = [
  'PROVISION_NOT_PERMITTED', 'ACCESS_WITHOUT_PURPOSE', 'ACCESS_PURPOSE_NOT_REGISTERED', 'TIE_PAST_CUT_OFF', 'TIE_THROUGH_MY_NUMBER',
  'PRIVATE_DATASET_KEYED_BY_MY_NUMBER', 'SUCCESSION_WITHOUT_CONSENT', 'STAFF_MASS_ACCESS', 'REPEATED_DENIED_ACCESS', 'RETIRED_IDENTIFIER_USED',
];
const SEVERITIES: FindingSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM'];
const PAGE_SIZE = 20;

/**
 * 検出事項, newest detection first, each with the events that caused it: an auditor opens the event and its
 * proof (`eventLinks`), an organization sees its own findings only (the API decides which).
 */
export function FindingsView({ eventLinks }: { eventLinks: boolean }) {
  const { t, code, lang } = useWords();
  const [draft, setDraft] = useState<{ rule: string; severity: string }>({ rule: '', severity: '' });
  const [filter, setFilter] = useState<FindingFilter>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const { data, error, loading } = useQuery(Findings, { variables: { filter, first: PAGE_SIZE, after: cursors[cursors.length - 1] } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ ...(draft.rule ? { rule: draft.rule as FindingRule } : {}), ...(draft.severity ? { severity: draft.severity as FindingSeverity } : {}) });
    setCursors([null]);
  };
  const page = data?.findings;
  return (
    <section aria-labelledby="findings-heading">
      <form className="filters" onSubmit={submit} aria-labelledby="findings-filters">
        <h2 id="findings-filters" className="filters-title">
          {t('filters')}
        </h2>
        <div className="filters-grid">
          <CodeSelect id="finding-rule" label={t('rule')} set="rule" codes={RULES} any={t('allRules')} value={draft.rule} onChange={(rule) => setDraft({ ...draft, rule })} />
          <CodeSelect id="finding-severity" label={t('severity')} set="severity" codes={SEVERITIES} any={t('allSeverities')} value={draft.severity} onChange={(severity) => setDraft({ ...draft, severity })} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('apply')}
          </button>
        </div>
      </form>
      <h2 id="findings-heading" className="visually-hidden">
        {t('findingsTitle')}
      </h2>
      {error && <Failure error={error} />}
      {!page && loading && <Loading />}
      {page && (
        <>
          <p className="summary" aria-live="polite">
            {page.totalCount} {t('lines')} · {t('page')} {cursors.length}
          </p>
          {page.edges.length === 0 && <p className="notice">{t('noLines')}</p>}
          <ol className="cards">
            {page.edges.map(({ node: finding }) => (
              <li key={finding.id} className={`card severity-${finding.severity.toLowerCase()}`} data-finding-id={finding.id} data-rule={finding.rule}>
                <h3 className="card-title">
                  <span className={`tag tag-${finding.severity.toLowerCase()}`}>{code('severity', finding.severity)}</span> {code('rule', finding.rule)}
                </h3>
                <p>{finding.reason}</p>
                <dl className="facts">
                  <dt>{t('organization')}</dt>
                  <dd>
                    <Named party={finding.organization} />
                  </dd>
                  <dt>{t('detectedAt')}</dt>
                  <dd>{dateTime(finding.detectedAt, lang)}</dd>
                  {finding.staffCode && (
                    <>
                      <dt>{t('staff')}</dt>
                      <dd>{finding.staffCode}</dd>
                    </>
                  )}
                  <dt>{t('subjects')}</dt>
                  <dd>
                    {finding.subjectId && eventLinks ? <Link to={`/auditor/subjects/${finding.subjectId}`}>{finding.subjectId}</Link> : finding.subjectCount}
                  </dd>
                  <dt>{t('events')}</dt>
                  <dd>
                    <ul className="plain inline">
                      {finding.events.map((event) => (
                        <li key={event.eventId}>
                          {eventLinks ? (
                            <Link to={`/auditor/events/${event.eventId}`}>
                              {t('event')} #{event.globalPosition}
                            </Link>
                          ) : (
                            <span>
                              {t('event')} #{event.globalPosition}
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </dl>
              </li>
            ))}
          </ol>
          <Pager cursors={cursors} onChange={setCursors} pageInfo={page.pageInfo} />
        </>
      )}
    </section>
  );
}
