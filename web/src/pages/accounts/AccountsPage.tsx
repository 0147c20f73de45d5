import { IconBuilding } from '@tabler/icons-react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';

export function AccountsPage() {
  return (
    <>
      <PageHeader title="Accounts" description="Companies from your segments and CRM, with their firmographics and the segments they appear in." />
      <EmptyPanel icon={IconBuilding} title="No accounts yet" description="Accounts appear here once a segment holds them or a CRM is connected." />
    </>
  );
}
