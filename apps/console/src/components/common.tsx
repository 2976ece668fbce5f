import type { ErrorLike } from '@apollo/client';
import type { ReactNode } from 'react';
import { useWords, type CodeSet } from '../i18n';

/** An organization or dataset by its name where the API gives one, its code beside it; the code alone otherwise. */
export function Named({ party }: { party: { id: string; name?: string | null } | null | undefined }) {
  if (!party) return <>—</>;
  if (!party.name) return <span className="code">{party.id}</span>;
  return (
    <>
      {party.name} <span className="code muted">{party.id}</span>
    </>
  );
}

export function Loading() {
  const { t } = useWords();
  return (
    <p role="status" className="loading">
      {t('loading')}
    </p>
  );
}

export function Failure({ error }: { error: ErrorLike }) {
  const { t } = useWords();
  return (
    <div role="alert" className="notice notice-error">
      <p>
        <strong>{t('error')}:</strong> {error.message}
      </p>
    </div>
  );
}

export function PageTitle({ title, lead }: { title: string; lead?: ReactNode }) {
  return (
    <div className="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {lead && <p className="lead">{lead}</p>}
    </div>
  );
}

/** A labelled field of a form, with an optional hint tied to it. */
export function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
    </div>
  );
}

/** A labelled choice among codes, each shown in the page's language; `any` adds a first choice meaning "all". */
export function CodeSelect({ id, label, set, codes, value, onChange, any }: { id: string; label: string; set: CodeSet; codes: readonly string[]; value: string; onChange(value: string): void; any?: string }) {
  const { code } = useWords();
  return (
    <Field id={id} label={label}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {any !== undefined && <option value="">{any}</option>}
        {codes.map((c) => (
          <option key={c} value={c}>
            {code(set, c)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * Previous and next page of a Relay connection, which pages forward only: `cursors` holds the `after` of each
 * page opened so far, the last being this page's.
 */
export function Pager({ cursors, onChange, pageInfo }: { cursors: (string | null)[]; onChange(cursors: (string | null)[]): void; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }) {
  const { t } = useWords();
  if (cursors.length === 1 && !pageInfo.hasNextPage) return null;
  return (
    <nav className="pager" aria-label={t('page')}>
      <button type="button" className="button button-secondary" disabled={cursors.length === 1} onClick={() => onChange(cursors.slice(0, -1))}>
        ← {t('previous')}
      </button>
      <button type="button" className="button button-secondary" disabled={!pageInfo.hasNextPage} onClick={() => onChange([...cursors, pageInfo.endCursor ?? null])}>
        {t('next')} →
      </button>
    </nav>
  );
}
