import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Breadcrumbs, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

/** The "Segment Creation FAQs" the CRM messages refer to: openabm's own help page, served by the app. */
export const SEGMENT_CREATION_HELP_PATH = '/segments/help';

const REPORT_TYPES = [
  'Accounts',
  'Account History',
  'Account with Account Teams',
  'Accounts with Assets',
  'Accounts with Contact Roles',
  'Accounts with Partners',
  'Contacts',
  'Contact History',
  'Contacts with Assets',
  'Leads',
  'Leads History',
  'Leads with Converted Lead Information',
];

const PROBLEMS: ReadonlyArray<{ id: string; problem: string; what: string; fix: string }> = [
  {
    id: 'report-permissions',
    problem: 'Unable to sync Report to openabm due to insufficient permissions',
    what: 'The integration user lacks one of the report permissions below. Salesforce does not say which one, as it depends on your org.',
    fix: 'Give the integration user every permission listed under "Salesforce permissions for reports", then try again.',
  },
  {
    id: 'custom-report',
    problem: 'The selected Report could not be synced because it is a Custom Report',
    what: 'The report is built on a custom report type.',
    fix: 'Rebuild it on one of the standard report types listed under "Supported report types".',
  },
  {
    id: 'unsupported-report',
    problem: 'The selected Report does not match one of the supported report types',
    what: 'Only reports based on Accounts, Leads or Contacts can back a segment.',
    fix: 'Pick one of the standard report types listed below.',
  },
  {
    id: 'too-many-records',
    problem: 'The selected Report contains more than 2,000 records',
    what: 'Reports are read through the Salesforce Reports API, which returns at most 2,000 rows. A filter the integration user cannot see may also hide rows you see.',
    fix: "Narrow the report, and check the integration user's access and the report's filters.",
  },
  {
    id: 'missing-id',
    problem: 'The selected Report does not contain a column for Account, Contact or Lead ID',
    what: 'openabm needs the standard ID column to find the accounts of the report rows; a custom column with a similar name does not count.',
    fix: 'Add the standard Account ID, Contact ID or Lead ID column.',
  },
  {
    id: 'list-rules',
    problem: 'The list must be public / must contain fewer than 25,000 accounts / must represent an Account List View',
    what: 'A list view breaks one of the list rules below.',
    fix: 'Share the list view with all users, narrow it under 25,000 accounts, or use an Account list view rather than a report.',
  },
  {
    id: 'api-limit',
    problem: 'Daily CRM API Limits have been reached',
    what: "The CRM's daily API allowance (or the allowance set in openabm) is spent.",
    fix: 'The work resumes when the allowance resets; an administrator can raise the allowance in Settings › Integrations.',
  },
  {
    id: 'log-in',
    problem: 'Unable to log into the CRM instance',
    what: "The integration user's credentials expired or were revoked.",
    fix: 'An administrator reconnects the CRM in Settings › Integrations.',
  },
];

export function SegmentCreationHelpPage() {
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/segments">
          Segments
        </Anchor>
        <Text fz="sm">Segment Creation FAQs</Text>
      </Breadcrumbs>
      <PageHeader title="Segment Creation FAQs" description="What a CRM list, view or report needs to back a segment, and what the error messages mean." />
      <Stack gap="lg" maw={900}>
        <Section id="before" title="Before a CRM source can back a segment">
          <List spacing={4} fz="sm">
            <List.Item>An administrator has connected the CRM with valid credentials (Settings › Integrations).</List.Item>
            <List.Item>openabm has completed one full sync of the CRM&apos;s accounts, contacts and leads (it starts when the CRM is connected).</List.Item>
          </List>
        </Section>
        <Section id="lists" title="Account lists (Salesforce list views, Dynamics 365 views)">
          <List spacing={4} fz="sm">
            <List.Item>It is an Account list view (not a report).</List.Item>
            <List.Item>It is public, so the integration user can read its accounts.</List.Item>
            <List.Item>It holds fewer than 25,000 accounts.</List.Item>
            <List.Item>The integration user can see every field its filters use.</List.Item>
          </List>
        </Section>
        <Section id="reports" title="Reports (Salesforce)">
          <List spacing={4} fz="sm">
            <List.Item>2,000 records or fewer.</List.Item>
            <List.Item>Built on Accounts, Leads or Contacts, with the standard Account ID, Lead ID or Contact ID column.</List.Item>
            <List.Item>Saved in a public folder.</List.Item>
            <List.Item>Prefer &quot;All Accounts / All Leads / All Contacts&quot; to the &quot;My …&quot; filters, then filter by Account Owner.</List.Item>
          </List>
          <Text fz="sm" mt="sm">
            Lead and contact reports become the accounts those leads and contacts belong to.
          </Text>
        </Section>
        <Section id="permissions" title="Salesforce permissions for reports">
          <List spacing={4} fz="sm">
            <List.Item>View Reports in Public Folders</List.Item>
            <List.Item>Create and Customize Reports</List.Item>
            <List.Item>Read/Write access to the Report object</List.Item>
          </List>
        </Section>
        <Section id="report-types" title="Supported report types">
          <Text fz="sm" mb="xs">
            Only these standard Salesforce report types, available to all Salesforce users; custom report types cannot be synced:
          </Text>
          <List spacing={2} fz="sm" listStyleType="disc">
            {REPORT_TYPES.map((type) => (
              <List.Item key={type}>{type}</List.Item>
            ))}
          </List>
        </Section>
        <Section id="messages" title="Error messages">
          <Table aria-label="Error messages" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Message</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th>What to do</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {PROBLEMS.map((entry) => (
                <Table.Tr key={entry.id} id={entry.id}>
                  <Table.Td fw={600} fz="sm">
                    {entry.problem}
                  </Table.Td>
                  <Table.Td fz="sm">{entry.what}</Table.Td>
                  <Table.Td fz="sm">{entry.fix}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
        <Section id="unmatched" title="Unmatched accounts">
          <Text fz="sm">
            Each record is matched to the company database by name, domain and country. A record stays unmatched when its domain is on the exclusion list, it lacks a name,
            domain or country, the CRM account was created after the last sync, or no company fits. An editor of the segment can match such a row by hand on the
            segment&apos;s confirmation page, and undo or change that fix later.
          </Text>
        </Section>
      </Stack>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby={`help-${id}`} id={id}>
      <Title order={2} fz="h4" mb="sm" id={`help-${id}`}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
