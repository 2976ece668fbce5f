import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { InclusionProof } from '../graphql/operations';
import { download } from '../format';
import { useWords } from '../i18n';

/**
 * Downloads an event's inclusion proof (himotoki-journal-proof/v1) as the API gives it, to check offline with
 * `himotoki verify --proof`. Asked for only when pressed: a proof read by an auditor is itself recorded.
 */
export function ProofButton({ eventId, label }: { eventId: string; label?: string }) {
  const client = useApolloClient();
  const { t } = useWords();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const { data, error } = await client.query({ query: InclusionProof, variables: { eventId }, fetchPolicy: 'network-only' });
      if (error || !data) throw error ?? new Error('no proof');
      download(`proof-${eventId}.json`, 'application/json', JSON.stringify(data.inclusionProof.document, null, 2) + '\n');
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button button-small" onClick={onClick} disabled={busy} aria-label={label ?? `${t('downloadProof')} (${eventId})`} title={t('proofHint')}>
        {t('proof')} ↓
      </button>
      {problem && (
        <span role="alert" className="error-text">
          {problem}
        </span>
      )}
    </>
  );
}
