import { useLazyQuery, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { CodeSelect, Failure, Field, Loading, Named, PageTitle } from '../components/common';
import { ExposureView } from '../components/exposure-view';
import { FindingsView } from '../components/findings-view';
import { HistoryView } from '../components/history-view';
import { ProofButton } from '../components/proof-button';
import { ReportView } from '../components/report-view';
import type { ExposureLevel, IdentifierKind } from '../gql/graphql';
import { DatasetRisk, FindSubject, InclusionProof, Matchability, Status, WhoAccessed } from '../graphql/operations';
import { count, dateTime, percent } from '../format';
import { useWords } from '../i18n';
import { Link, useRouter } from '../router';

const IDENTIFIER_KINDS: IdentifierKind[] = [
  'MY_NUMBER', 'AGENCY_CODE', 'RESIDENT_CODE', 'HEALTH_INSURANCE_NUMBER', 'PENSION_NUMBER', 'INTERNAL_ID', 'MEMBER_NUMBER', 'JPKI_AUTH_SERIAL', 'JPKI_SIGN_SERIAL',
];
const LEVELS: ExposureLevel[] = ['RAW', 'NFKC', 'KANA', 'VARIANT', 'MONTH_MUNICIPALITY', 'YEAR_PREFECTURE'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds a subject by one of their identifiers (`subject(identifier:)`), or opens one by id. */
export function FindSubjectPage() {
  const { t, code } = useWords();
  const { navigate } = useRouter();
  const [kind, setKind] = useState<IdentifierKind>('MY_NUMBER');
  const [value, setValue] = useState('');
  const [scope, setScope] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const [find, { data, error, loading, called }] = useLazyQuery(FindSubject);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await find({ variables: { identifier: { kind, value, ...(scope ? { scope } : {}) } } });
    const id = answer.data?.subject?.id;
    if (id) navigate(`/auditor/subjects/${id}`);
  };
  const open = (event: FormEvent) => {
    event.preventDefault();
    if (UUID.test(subjectId.trim())) navigate(`/auditor/subjects/${subjectId.trim().toLowerCase()}`);
  };
  return (
    <>
      <PageTitle title={t('findSubjectTitle')} lead={t('findSubjectLead')} />
      <form className="filters" onSubmit={submit}>
        <div className="filters-grid">
          <CodeSelect id="identifier-kind" label={t('identifierKind')} set="identifier" codes={IDENTIFIER_KINDS} value={kind} onChange={(k) => setKind(k as IdentifierKind)} />
          <Field id="identifier-value" label={t('identifierValue')}>
            <input id="identifier-value" required autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
          </Field>
          <Field id="identifier-scope" label={t('identifierScope')}>
            <input id="identifier-scope" autoComplete="off" value={scope} onChange={(e) => setScope(e.target.value)} />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('search')}
          </button>
        </div>
      </form>
      {error && <Failure error={error} />}
      {loading && <Loading />}
      {called && !loading && !error && data && !data.subject && (
        <p role="status" className="notice">
          {t('notFound')}
        </p>
      )}
      <form className="filters" onSubmit={open}>
        <Field id="subject-id" label={t('orSubjectId')}>
          <input id="subject-id" autoComplete="off" pattern="[0-9a-fA-F-]{36}" value={subjectId} onChange={(e) => setSubjectId(e.target.value)} />
        </Field>
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t('open')}
          </button>
        </div>
      </form>
    </>
  );
}

/** A subject as the auditor sees them: their history, who used an item, and their exposure. */
export function SubjectPage({ subjectId }: { subjectId: string }) {
  const { t } = useWords();
  return (
    <>
      <PageTitle title={t('subjectHistoryTitle')} lead={<span className="code">{t('subjectId')}: {subjectId}</span>} />
      <HistoryView source={{ kind: 'subject', subjectId }} />
      <WhoAccessedForm subjectId={subjectId} />
      <section aria-labelledby="subject-exposure">
        <h2 id="subject-exposure">{t('exposureTitle')}</h2>
        <ExposureView subjectId={subjectId} self={false} />
      </section>
    </>
  );
}

function WhoAccessedForm({ subjectId }: { subjectId: string }) {
  const { t, code, lang } = useWords();
  const [item, setItem] = useState('INCOME');
  const [ask, { data, error, loading }] = useLazyQuery(WhoAccessed);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void ask({ variables: { subjectId, item: item.trim().toUpperCase() } });
  };
  return (
    <section aria-labelledby="who-accessed">
      <h2 id="who-accessed">{t('whoAccessedTitle')}</h2>
      <form className="filters" onSubmit={submit}>
        <Field id="who-item" label={t('item')}>
          <input id="who-item" required value={item} onChange={(e) => setItem(e.target.value)} />
        </Field>
        <div className="actions">
          <button type="submit" className="button">
            {t('search')}
          </button>
        </div>
      </form>
      {error && <Failure error={error} />}
      {loading && <Loading />}
      {data &&
        (data.whoAccessed.length === 0 ? (
          <p className="notice">{t('noLines')}</p>
        ) : (
          <div className="table-wrap">
            <table className="lines">
              <thead>
                <tr>
                  <th scope="col">{t('when')}</th>
                  <th scope="col">{t('who')}</th>
                  <th scope="col">{t('kind')}</th>
                  <th scope="col">{t('purpose')}</th>
                  <th scope="col">{t('outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {data.whoAccessed.map((use, i) => (
                  <tr key={i}>
                    <td data-label={t('when')}>{dateTime(use.occurredAt, lang)}</td>
                    <td data-label={t('who')}>
                      <Named party={use.organization} />
                      {use.staffCode && <div className="muted small">{t('staff')}: {use.staffCode}</div>}
                    </td>
                    <td data-label={t('kind')}>{code('kind', use.kind)}</td>
                    <td data-label={t('purpose')}>{use.purpose ?? '—'}</td>
                    <td data-label={t('outcome')}>{code('outcome', use.outcome)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

export function FindingsPage() {
  const { t } = useWords();
  return (
    <>
      <PageTitle title={t('findingsTitle')} lead={t('findingsLead')} />
      <FindingsView eventLinks />
    </>
  );
}

/** One event as the journal holds it (the leaf of its inclusion proof), and the proof to download. */
export function EventPage({ eventId }: { eventId: string }) {
  const { t, lang } = useWords();
  const { data, error, loading } = useQuery(InclusionProof, { variables: { eventId } });
  if (error) return <Failure error={error} />;
  if (!data || loading) return <Loading />;
  const proof = data.inclusionProof;
  const event = JSON.parse(proof.leaf) as Record<string, unknown>;
  const payload = (event.data ?? event.payload ?? {}) as Record<string, unknown>;
  const subjectId = typeof event.streamId === 'string' && event.streamId.startsWith('subject-') ? event.streamId.slice('subject-'.length) : (payload.subjectId as string | undefined);
  return (
    <>
      <PageTitle title={t('eventTitle')} lead={t('eventLead')} />
      <dl className="facts">
        <dt>{t('event')}</dt>
        <dd className="code">{proof.eventId}</dd>
        {typeof event.type === 'string' && (
          <>
            <dt>{t('kind')}</dt>
            <dd className="code" data-event-type={event.type}>{event.type}</dd>
          </>
        )}
        <dt>{t('leafIndex')}</dt>
        <dd>{proof.leafIndex}</dd>
        <dt>{t('treeSize')}</dt>
        <dd>{proof.head.treeSize}</dd>
        <dt>{t('signedAt')}</dt>
        <dd>{dateTime(proof.head.timestamp, lang)}</dd>
        <dt>{t('keyId')}</dt>
        <dd className="code break">{proof.head.keyId}</dd>
      </dl>
      <div className="actions">
        <ProofButton eventId={proof.eventId} label={t('downloadProof')} />
        <span className="muted small">{t('proofHint')}</span>
        {subjectId && UUID.test(subjectId) && <Link to={`/auditor/subjects/${subjectId}`}>{t('openSubject')}</Link>}
      </div>
      <pre className="leaf" tabIndex={0} aria-label={t('event')}>
        {JSON.stringify(event, null, 2)}
      </pre>
    </>
  );
}

/** Re-identification risk of a dataset and matchability of two, with what the figures mean in words. */
export function DatasetsPage() {
  const { t, code, lang } = useWords();
  const [datasetId, setDatasetId] = useState('');
  const [other, setOther] = useState('');
  const [level, setLevel] = useState<ExposureLevel>('VARIANT');
  const [risk, riskAnswer] = useLazyQuery(DatasetRisk);
  const [match, matchAnswer] = useLazyQuery(Matchability);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void risk({ variables: { datasetId: datasetId.trim(), level } });
    if (other.trim()) void match({ variables: { datasetA: datasetId.trim(), datasetB: other.trim(), level } });
  };
  const r = riskAnswer.data?.datasetRisk;
  const m = matchAnswer.data?.matchability;
  const ja = lang === 'ja';
  return (
    <>
      <PageTitle title={t('datasetsTitle')} lead={t('datasetsLead')} />
      <form className="filters" onSubmit={submit}>
        <div className="filters-grid">
          <Field id="dataset-a" label={t('datasetId')}>
            <input id="dataset-a" required value={datasetId} onChange={(e) => setDatasetId(e.target.value)} />
          </Field>
          <Field id="dataset-b" label={t('datasetB')}>
            <input id="dataset-b" value={other} onChange={(e) => setOther(e.target.value)} />
          </Field>
          <CodeSelect id="dataset-level" label={t('level')} set="level" codes={LEVELS} value={level} onChange={(l) => setLevel(l as ExposureLevel)} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('check')}
          </button>
        </div>
      </form>
      {riskAnswer.error && <Failure error={riskAnswer.error} />}
      {matchAnswer.error && <Failure error={matchAnswer.error} />}
      {r && (
        <section aria-labelledby="risk-heading">
          <h2 id="risk-heading">
            <Named party={riskAnswer.data?.dataset ?? { id: datasetId }} />
          </h2>
          {r.records === 0 ? (
            <p className="notice">{ja ? 'このデータセットには基本4情報を持つ記録がありません。' : 'This dataset holds no records with basic-4 information.'}</p>
          ) : (
          <ul className="explanations">
            <li>
              {ja
                ? `${count(r.records, lang)} 件の記録が ${count(r.classes, lang)} 個の同値クラスに分かれます(比較の段階: ${code('level', r.level)})。`
                : `${count(r.records, lang)} records fall into ${count(r.classes, lang)} equivalence classes (level: ${code('level', r.level)}).`}
            </li>
            <li>
              {ja
                ? `k匿名性は k = ${r.k} です。${r.k === 1 ? '少なくとも1件の記録は、氏名・生年月日・性別・住所だけで一人に特定できます。' : `どの記録も少なくとも ${r.k} 件と区別できません。`}`
                : `k-anonymity is k = ${r.k}. ${r.k === 1 ? 'At least one record is singled out by name, birth date, sex and address alone.' : `Every record is indistinguishable from at least ${r.k} records.`}`}
            </li>
            <li>
              {ja
                ? `記録の ${percent(r.sampleUniqueness, lang)} が、そのクラスにただ1件です(標本一意性)。`
                : `${percent(r.sampleUniqueness, lang)} of the records are alone in their class (sample uniqueness).`}
            </li>
            <li>
              {ja
                ? `再識別されうる記録の期待数は ${r.expectedReidentifications.toFixed(1)} 件、リスクが ${r.prosecutor.threshold} を超える記録は ${percent(r.prosecutor.recordsAtRisk, lang)} です。`
                : `The expected number of re-identifications is ${r.expectedReidentifications.toFixed(1)}; ${percent(r.prosecutor.recordsAtRisk, lang)} of the records have a risk above ${r.prosecutor.threshold}.`}
            </li>
          </ul>
          )}
        </section>
      )}
      {m && (
        <section aria-labelledby="match-heading">
          <h2 id="match-heading">
            <Named party={m.datasetA} /> ⇔ <Named party={m.datasetB} />
          </h2>
          <p>
            {ja
              ? `${m.fields.map((f) => code('field', f)).join('、')}で比較すると、${count(m.matchableRecords, lang)} 件の記録が一対一で照合できます(一方の ${percent(m.shareOfA, lang)}、他方の ${percent(m.shareOfB, lang)})。`
              : `Compared on ${m.fields.map((f) => code('field', f)).join(', ')}, ${count(m.matchableRecords, lang)} records match one-to-one (${percent(m.shareOfA, lang)} of the first, ${percent(m.shareOfB, lang)} of the second).`}
          </p>
        </section>
      )}
    </>
  );
}

export function ReportPage() {
  const { t } = useWords();
  return (
    <>
      <PageTitle title={t('reportTitle')} lead={t('reportLead')} />
      <ReportView />
    </>
  );
}

/** Projection and journal status. */
export function StatusPage() {
  const { t, lang } = useWords();
  const { data, error, loading } = useQuery(Status, { fetchPolicy: 'network-only' });
  return (
    <>
      <PageTitle title={t('statusTitle')} />
      {error && <Failure error={error} />}
      {loading && <Loading />}
      {data && (
        <>
          <section aria-labelledby="status-projections">
            <h2 id="status-projections">{t('projections')}</h2>
            <div className="table-wrap">
              <table className="lines">
                <thead>
                  <tr>
                    <th scope="col">{t('projections')}</th>
                    <th scope="col">{t('state')}</th>
                    <th scope="col" className="num">{t('position')}</th>
                    <th scope="col" className="num">{t('lag')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.projections.map((p) => (
                    <tr key={p.name}>
                      <td data-label={t('projections')} className="code">{p.name}</td>
                      <td data-label={t('state')}>
                        {p.state}
                        {p.error && <div className="error-text small">{p.error}</div>}
                      </td>
                      <td data-label={t('position')} className="num">{p.position}</td>
                      <td data-label={t('lag')} className="num">{count(p.lagEvents, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="status-journal">
            <h2 id="status-journal">{t('journal')}</h2>
            <dl className="facts">
              <dt>{t('sealed')}</dt>
              <dd>{data.journal.sealedSize}</dd>
              <dt>{t('latestHead')}</dt>
              <dd>{data.journal.latestHead ? `${data.journal.latestHead.treeSize} · ${dateTime(data.journal.latestHead.timestamp, lang)}` : '—'}</dd>
              <dt>{t('keyId')}</dt>
              <dd className="code break">{data.journal.keyId}</dd>
            </dl>
          </section>
        </>
      )}
    </>
  );
}
