import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { COMPANY_PROFILE_LABELS } from '../../../../src/contracts/segments';
import type { FilterCondition, FilterNode } from '../../../../src/contracts/segments';

function describeOperation(operation: Extract<FilterCondition, { kind: 'company_profile' }>['operation']): string {
  switch (operation.op) {
    case 'equals':
      return `equals “${operation.value}”`;
    case 'contains':
      return `contains “${operation.value}”`;
    case 'in':
      return `is any of ${operation.values.map((value) => `“${value}”`).join(', ')}`;
    case 'range':
      return `is between ${operation.min ?? '…'} and ${operation.max ?? '…'}`;
    case 'is_empty':
      return operation.isEmpty ? 'is empty' : 'is not empty';
  }
}

/** One condition in words: "Industry is any of “Software”". */
export function describeCondition(condition: FilterCondition): string {
  switch (condition.kind) {
    case 'company_profile':
      return `${COMPANY_PROFILE_LABELS[condition.field]} ${describeOperation(condition.operation)}`;
    case 'crm_field':
      return `${condition.system === 'salesforce' ? 'Salesforce' : 'Dynamics 365'} account ${condition.field} ${describeOperation(condition.operation)}`;
    case 'in_crm_report':
      return `Accounts in Salesforce Report “${condition.sourceName ?? condition.sourceId}”`;
    case 'in_crm_list':
      return condition.provider === 'dynamics'
        ? `Accounts in Dynamics 365 View “${condition.sourceName ?? condition.sourceId}”`
        : `Accounts in Salesforce Account List “${condition.sourceName ?? condition.sourceId}”`;
    case 'in_uploaded_list':
      return `Accounts in Uploaded Account List “${condition.fileName ?? condition.uploadId}”`;
  }
}

/** A read-only filter tree, groups nested and labelled ALL / ANY. */
export function FilterSummary({ node }: { node: FilterNode }) {
  if (node.kind !== 'group') return <Text fz="sm">{describeCondition(node)}</Text>;
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Group gap={6}>
          <Badge size="sm" variant="light">
            {node.combinator === 'and' ? 'ALL of' : 'ANY of'}
          </Badge>
        </Group>
        {node.children.length === 0 ? (
          <Text fz="sm" c="dimmed">
            No conditions
          </Text>
        ) : (
          node.children.map((child, index) => <FilterSummary key={index} node={child} />)
        )}
      </Stack>
    </Paper>
  );
}
