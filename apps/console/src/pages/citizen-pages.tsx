import { ExposureView } from '../components/exposure-view';
import { HistoryView } from '../components/history-view';
import { PageTitle } from '../components/common';
import { useWords } from '../i18n';

/** 私の情報提供等記録: every provision, access, tie, cut and audit that touched me. */
export function MyHistoryPage() {
  const { t } = useWords();
  return (
    <>
      <PageTitle title={t('historyTitle')} lead={t('historyLead')} />
      <HistoryView source={{ kind: 'me' }} />
    </>
  );
}

/** Which auditors looked at my records, and why (AUDIT lines). */
export function MyAuditsPage() {
  const { t } = useWords();
  return (
    <>
      <PageTitle title={t('audits')} lead={t('auditsLead')} />
      <HistoryView source={{ kind: 'me' }} kinds={['AUDIT']} idPrefix="audits" />
    </>
  );
}

export function MyExposurePage({ subjectId }: { subjectId: string }) {
  const { t } = useWords();
  return (
    <>
      <PageTitle title={t('exposureTitle')} lead={t('exposureLead')} />
      <ExposureView subjectId={subjectId} self />
    </>
  );
}
