import { Grid } from '@mantine/core';
import { PageHeader } from '../../../components/PageHeader';
import { ExcludedDomainsSection } from './ExcludedDomainsSection';
import { PrivateCompaniesSection } from './PrivateCompaniesSection';

/** Settings → Companies: the organisation's private companies and its exclusion list, side by side. */
export function CompaniesPage() {
  return (
    <div>
      <PageHeader
        title="Companies"
        description="Your accounts are matched against the master company database of this openabm instance. Add the companies it lacks as private companies: they are matched for your organization only. Domains on the exclusion list never identify a company."
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <PrivateCompaniesSection />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <ExcludedDomainsSection />
        </Grid.Col>
      </Grid>
    </div>
  );
}
