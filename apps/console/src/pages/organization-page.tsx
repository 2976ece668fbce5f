import { FindingsView } from '../components/findings-view';
import { PageTitle } from '../components/common';
import { ReportView } from '../components/report-view';
import { useWords } from '../i18n';

/** An organization's desk: its own activity and counterparties (its report), and its own findings. */
export function OrganizationActivityPage({ organizationId }: { organizationId: string }) {
  const { t } = useWords();
  return (
    <>
      <PageTitle title={t('activityTitle')} lead={t('activityLead')} />
      <ReportView organizationId={organizationId} immediately />
    </>
  );
}

export function OrganizationFindingsPage() {
  const { t } = useWords();
  return (
    <>
      <PageTitle title={t('findingsTitle')} lead={t('findingsLead')} />
      <FindingsView eventLinks={false} />
    </>
  );
}
