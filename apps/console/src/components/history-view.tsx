import { useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import type { AccessHistoryFilter, AccessHistoryKind, HistoryLineFragment, HistoryPageFragment } from '../gql/graphql';
import { MyHistory, SubjectHistory } from '../graphql/operations';
import { dateTime, jstEndOfDay, jstStartOfDay } from '../format';
import { useWords } from '../i18n';
import { CodeSelect, Failure, Field, Loading, Named, Pager } from './common';
import { ProofButton } from './proof-button';

/** Ten lines a page, as a phone shows them. */
const PAGE_SIZE = 10;
const KINDS: AccessHistoryKind[] = ['PROVISION', 'ACCESS', 'LINK', 'UNLINK', 'AUDIT'];

/** Whose lines: the signed-in citizen's own (`me`), or a subject's as an auditor or organization reads them. */
export type HistorySource = { kind: 'me' } | { kind: 'subject'; subjectId: string };

interface Filters {
  organizationId: string;
  kind: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { organizationId: '', kind: '', from: '', to: '' };

function toFilter(f: Filters, kinds?: AccessHistoryKind[]): AccessHistoryFilter {
  const filter: AccessHistoryFilter = {};
  if (f.organizationId) filter.organizationId = f.organizationId;
  if (f.kind) filter.kinds = [f.kind as AccessHistoryKind];
  else if (kinds) filter.kinds = kinds;
  if (f.from) filter.from = jstStartOfDay(f.from);
  if (f.to) filter.to = jstEndOfDay(f.to);
  return filter;
}

/**
 * 情報提供等記録: the lines newest first, a page at a time, narrowed by organization, kind and period, in the
 * columns residents know from Mynaportal — when, who, from whom, what, why, under which law, with what outcome.
 */
export function HistoryView({ source, kinds, idPrefix = 'history' }: { source: HistorySource; kinds?: AccessHistoryKind[]; idPrefix?: string }) {
  const { t, code } = useWords();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  // Cursors of the pages before this one, to go back: the API pages forward only.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const variables = { filter: toFilter(applied, kinds), first: PAGE_SIZE, after };
  const mine = useQuery(MyHistory, { variables, skip: source.kind !== 'me' });
  const theirs = useQuery(SubjectHistory, { variables: { ...variables, subjectId: source.kind === 'subject' ? source.subjectId : '' }, skip: source.kind !== 'subject' });
  const result = source.kind === 'me' ? mine : theirs;
  const page: HistoryPageFragment | undefined = source.kind === 'me' ? mine.data?.me : theirs.data?.accessHistory;

  // The organizations seen so far, to choose from. (A registry query of every organization will replace this.)
  const [seen, setSeen] = useState(new Map<string, string | null>());
  useEffect(() => {
    if (!page) return;
    let grew = false;
    const next = new Map(seen);
    for (const { node } of page.edges) {
      for (const party of [node.organization, node.counterparty]) {
        if (party && !next.has(party.id)) {
          next.set(party.id, party.name ?? null);
          grew = true;
        }
      }
    }
    if (grew) setSeen(next);
  }, [page]); // eslint-disable-line react-hooks/exhaustive-deps -- grows from each page

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
    setCursors([null]);
  };
  const reset = () => {
    setDraft(NO_FILTERS);
    setApplied(NO_FILTERS);
    setCursors([null]);
  };
  const pageNumber = cursors.length;
  const kindChoices = kinds ?? KINDS;

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="history">
      {/* Closed until wanted, so that the lines come first on a phone. */}
      <details className="filters" open={applied !== NO_FILTERS}>
        <summary className="filters-title">{t('filters')}</summary>
        <form onSubmit={submit}>
        <div className="filters-grid">
          <Field id={`${idPrefix}-organization`} label={t('organization')}>
            <select id={`${idPrefix}-organization`} value={draft.organizationId} onChange={(e) => setDraft({ ...draft, organizationId: e.target.value })}>
              <option value="">{t('allOrganizations')}</option>
              {[...seen].map(([id, name]) => (
                <option key={id} value={id}>
                  {name ? `${name} (${id})` : id}
                </option>
              ))}
            </select>
          </Field>
          {kindChoices.length > 1 && (
            <CodeSelect id={`${idPrefix}-kind`} label={t('kind')} set="kind" codes={kindChoices} any={t('allKinds')} value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })} />
          )}
          <Field id={`${idPrefix}-from`} label={t('periodFrom')}>
            <input id={`${idPrefix}-from`} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </Field>
          <Field id={`${idPrefix}-to`} label={t('periodTo')}>
            <input id={`${idPrefix}-to`} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('apply')}
          </button>
          <button type="button" className="button button-secondary" onClick={reset}>
            {t('clear')}
          </button>
        </div>
        </form>
      </details>

      <h2 id={`${idPrefix}-heading`} className="visually-hidden">
        {t('when')}
      </h2>
      {result.error && <Failure error={result.error} />}
      {!page && result.loading && <Loading />}
      {page && (
        <>
          <p className="summary" aria-live="polite">
            {page.totalCount} {t('lines')} · {t('page')} {pageNumber}
          </p>
          {page.edges.length === 0 ? <p className="notice">{t('noLines')}</p> : <HistoryTable lines={page.edges.map((e) => e.node)} />}
          <Pager cursors={cursors} onChange={setCursors} pageInfo={page.pageInfo} />
        </>
      )}
    </section>
  );
}

export function HistoryTable({ lines }: { lines: HistoryLineFragment[] }) {
  const { t, code, lang } = useWords();
  return (
    <div className="table-wrap">
      <table className="lines">
        <caption className="visually-hidden">{t('historyTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('when')}</th>
            <th scope="col">{t('kind')}</th>
            <th scope="col">{t('who')}</th>
            <th scope="col">{t('counterparty')}</th>
            <th scope="col">{t('items')}</th>
            <th scope="col">{t('purpose')}</th>
            <th scope="col">{t('outcome')}</th>
            <th scope="col">{t('proof')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} data-event-id={line.id} data-kind={line.kind}>
              <td data-label={t('when')}>
                <time dateTime={line.occurredAt}>{dateTime(line.occurredAt, lang)}</time>
              </td>
              <td data-label={t('kind')}>
                <span className={`tag tag-${line.kind.toLowerCase()}`}>{code('kind', line.kind)}</span>
              </td>
              <td data-label={t('who')}>
                <Named party={line.organization} />
                {line.staffCode && (
                  <div className="muted small">
                    {line.kind === 'AUDIT' ? t('auditor') : t('staff')}: {line.staffCode}
                  </div>
                )}
              </td>
              <td data-label={t('counterparty')}>
                <Named party={line.counterparty} />
              </td>
              <td data-label={t('items')}>{line.items.length ? line.items.map((item) => code('item', item)).join('、') : '—'}</td>
              <td data-label={t('purpose')}>
                {line.purpose ?? '—'}
                {line.legalBasis && (
                  <div className="muted small">
                    {t('legalBasis')}: {line.legalBasis}
                  </div>
                )}
              </td>
              <td data-label={t('outcome')}>{code('outcome', line.outcome)}</td>
              <td data-label={t('proof')}>
                <ProofButton eventId={line.id} label={`${t('downloadProof')}: ${dateTime(line.occurredAt, lang)} ${code('kind', line.kind)}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
