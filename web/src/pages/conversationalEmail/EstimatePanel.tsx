import { Table, Text } from '@mantine/core';
import type { z } from 'zod';
import type { campaignDetails } from '../../../../src/contracts/conversationalEmail';

type Estimate = z.infer<typeof campaignDetails>['estimate'];

/** The specification's worst case beside openabm's batched expectation, and what the campaign has used so far. */
export function EstimatePanel({ estimate }: { estimate: Estimate }) {
  const rows: Array<[string, keyof Estimate['batched']]> = [['Watching the report', 'reportCalls'], ['Importing and enrolling', 'importCalls'], ['E-mail activities (Tasks)', 'activityCalls'], ['Status at completion', 'completionCalls'], ['Total', 'totalCalls']];
  const a = estimate.assumptions;
  return (
    <>
      <Text fz="sm" mt="md" fw={600}>Estimate for {a.days} days, {a.contacts.toLocaleString('en')} contacts, {a.emailsInMainSequence} e-mail{a.emailsInMainSequence === 1 ? '' : 's'} in the main sequence</Text>
      <Table fz="sm" aria-label="API call estimate">
        <Table.Thead><Table.Tr><Table.Th>Calls</Table.Th><Table.Th ta="right">Worst case (spec)</Table.Th><Table.Th ta="right">openabm, batched</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {rows.map(([label, key]) => (
            <Table.Tr key={key}><Table.Td>{label}</Table.Td><Table.Td ta="right">{estimate.specWorstCase[key].toLocaleString('en')}</Table.Td><Table.Td ta="right">{estimate.batched[key].toLocaleString('en')}</Table.Td></Table.Tr>
          ))}
          <Table.Tr><Table.Td>Storage (≈ 1 KB per e-mail)</Table.Td><Table.Td ta="right">{estimate.specWorstCase.storageMb.toFixed(1)} MB</Table.Td><Table.Td ta="right">{estimate.batched.storageMb.toFixed(1)} MB</Table.Td></Table.Tr>
          <Table.Tr><Table.Td fw={600}>Actual so far</Table.Td><Table.Td ta="right" colSpan={2}>{estimate.actual.calls.toLocaleString('en')} calls, {estimate.actual.emailsSent} e-mails, {estimate.actual.storageMb.toFixed(3)} MB</Table.Td></Table.Tr>
        </Table.Tbody>
      </Table>
    </>
  );
}
