import { IconPlugConnected } from '@tabler/icons-react';
import { useCan } from '../../auth/session';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';

export function IntegrationsPage() {
  const canManage = useCan('integrations.manage');
  return (
    <>
      <PageHeader title="Integrations" description="CRM and marketing automation platforms connected to openabm." />
      <EmptyPanel
        icon={IconPlugConnected}
        title="No integrations connected"
        description={
          canManage
            ? 'Salesforce, Microsoft Dynamics, HubSpot and Marketo connections will be managed here.'
            : 'An administrator connects CRM and marketing automation platforms here.'
        }
      />
    </>
  );
}
