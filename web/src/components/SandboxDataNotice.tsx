import { Alert, Anchor, Text } from '@mantine/core';
import { IconDownload, IconFlask } from '@tabler/icons-react';
import { useSession } from '../auth/session';

/** The sample list written from the sandbox's companies (src/adapters/demo/sandboxSampleAccounts.ts writes it into web/public). */
export const sandboxSampleCsvUrl = '/sandbox-sample-accounts.csv';

/**
 * In sandbox mode, says that the company database is synthetic (so a real list finds few matches) and offers the
 * sample CSV that matches it. Renders nothing outside sandbox mode.
 */
export function SandboxDataNotice({ context }: { context: 'accounts' | 'confirmation' }) {
  const session = useSession();
  if (!session.isSandbox) return null;
  return (
    <Alert color="orange" variant="light" radius="lg" mb="md" icon={<IconFlask size={18} />} title="Sandbox: the company database is synthetic" data-testid="sandbox-data-notice">
      <Text fz="sm">
        {context === 'confirmation'
          ? 'These records were matched against 50,000 generated companies, not real ones: a list of real companies finds few or no matches here. '
          : 'These are 50,000 generated companies, not real ones: a list of real companies finds few or no matches in the sandbox. '}
        To see matching work, upload the sample list, whose rows are written from these companies (with the typos, web addresses and repeats of a CRM export).{' '}
        <Anchor href={sandboxSampleCsvUrl} download="sandbox-sample-accounts.csv" fz="sm" data-testid="sandbox-sample-csv">
          <IconDownload size={14} style={{ verticalAlign: 'middle' }} /> Download the sample CSV
        </Anchor>
      </Text>
    </Alert>
  );
}
