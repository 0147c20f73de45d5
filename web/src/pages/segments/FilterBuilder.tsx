import { ActionIcon, Button, Group, MultiSelect, Paper, SegmentedControl, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSquarePlus, IconTrash } from '@tabler/icons-react';
import type { z } from 'zod';
import { COMPANY_PROFILE_FIELDS, COMPANY_PROFILE_LABELS, OPERATORS_BY_FIELD_TYPE } from '../../../../src/contracts/segments';
import type { CrmFieldType } from '../../../../src/contracts/segments';
import type { FilterCondition, FilterGroup, FilterNode, filterFieldsView } from '../../../../src/contracts/segments';

type FilterFields = z.infer<typeof filterFieldsView>;
type Operation = Extract<FilterCondition, { kind: 'company_profile' }>['operation'];
type Operator = Operation['op'];
type CrmSourceOption = { value: string; label: string; provider: 'salesforce' | 'dynamics'; kind: 'in_crm_report' | 'in_crm_list'; sourceName: string };

const ALL_OPERATORS: readonly Operator[] = ['equals', 'in', 'contains', 'range', 'is_empty'];

/** The type of a synced CRM field as the server saw its values (text when unknown). */
function crmFieldType(fields: FilterFields | undefined, system: string, field: string): CrmFieldType {
  return fields?.crm.find((entry) => entry.system === system)?.typedFields.find((typed) => typed.name === field)?.type ?? 'text';
}

const FIELD_TYPE_WORDS: Readonly<Record<CrmFieldType, string>> = { text: 'text', number: 'number', date: 'date', boolean: 'yes/no' };

const OPERATOR_LABELS: Readonly<Record<Operator, string>> = {
  equals: 'equals',
  in: 'is any of',
  contains: 'contains',
  range: 'is between',
  is_empty: 'is empty',
};

/** An empty AND group: the starting point of a filter. */
export function emptyGroup(combinator: 'and' | 'or' = 'and'): FilterGroup {
  return { kind: 'group', combinator, children: [] };
}

function newCondition(fields: FilterFields | undefined): FilterCondition {
  const first = fields?.companyProfile[0]?.field ?? 'industry';
  return { kind: 'company_profile', field: first, operation: { op: 'in', values: [] } };
}

function defaultOperation(op: Operator): Operation {
  switch (op) {
    case 'equals':
    case 'contains':
      return { op, value: '' };
    case 'in':
      return { op, values: [] };
    case 'range':
      return { op: 'range' };
    case 'is_empty':
      return { op: 'is_empty', isEmpty: true };
  }
}

/**
 * Edits a filter tree: conditions over the company profile, synced CRM fields and CRM lists/reports, in nested AND/OR
 * groups. Controlled: `value` is the root group and every change returns a new tree.
 */
export function FilterBuilder({ value, onChange, fields, crmSources }: { value: FilterGroup; onChange: (next: FilterGroup) => void; fields: FilterFields | undefined; crmSources: readonly CrmSourceOption[] }) {
  return <GroupEditor group={value} onChange={onChange} fields={fields} crmSources={crmSources} depth={0} path="Filter" />;
}

function GroupEditor({
  group,
  onChange,
  onRemove,
  fields,
  crmSources,
  depth,
  path,
}: {
  group: FilterGroup;
  onChange: (next: FilterGroup) => void;
  onRemove?: () => void;
  fields: FilterFields | undefined;
  crmSources: readonly CrmSourceOption[];
  depth: number;
  path: string;
}) {
  const setChild = (index: number, child: FilterNode | null) => {
    const children = group.children.flatMap((existing, at) => (at === index ? (child === null ? [] : [child]) : [existing]));
    onChange({ ...group, children });
  };
  return (
    <Paper withBorder radius="md" p="sm" bg={depth % 2 === 0 ? 'gray.0' : 'white'} role="group" aria-label={path}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Text fz="sm" fw={600}>
              Match
            </Text>
            <SegmentedControl
              size="xs"
              aria-label={`${path}: combine with`}
              data={[
                { value: 'and', label: 'ALL (AND)' },
                { value: 'or', label: 'ANY (OR)' },
              ]}
              value={group.combinator}
              onChange={(combinator) => onChange({ ...group, combinator: combinator as 'and' | 'or' })}
            />
            <Text fz="sm" c="dimmed">
              of these conditions
            </Text>
          </Group>
          {onRemove !== undefined && (
            <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={`Remove ${path}`}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
        {group.children.length === 0 && (
          <Text fz="sm" c="dimmed">
            No conditions yet{depth === 0 ? ': every company matches.' : '.'}
          </Text>
        )}
        {group.children.map((child, index) =>
          child.kind === 'group' ? (
            <GroupEditor
              key={index}
              group={child}
              onChange={(next) => setChild(index, next)}
              onRemove={() => setChild(index, null)}
              fields={fields}
              crmSources={crmSources}
              depth={depth + 1}
              path={`${path} group ${index + 1}`}
            />
          ) : (
            <ConditionEditor key={index} condition={child} onChange={(next) => setChild(index, next)} onRemove={() => setChild(index, null)} fields={fields} crmSources={crmSources} label={`${path} condition ${index + 1}`} />
          ),
        )}
        <Group gap="xs">
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onChange({ ...group, children: [...group.children, newCondition(fields)] })}>
            Add condition
          </Button>
          {depth < 4 && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconSquarePlus size={14} />}
              onClick={() => onChange({ ...group, children: [...group.children, { ...emptyGroup(group.combinator === 'and' ? 'or' : 'and'), children: [newCondition(fields)] }] })}
            >
              Add group
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** "Field" choices: company profile, CRM lists/reports, synced CRM fields. Encoded as kind:detail. */
function fieldOptions(fields: FilterFields | undefined, crmSources: readonly CrmSourceOption[]) {
  return [
    { group: 'Company profile', items: COMPANY_PROFILE_FIELDS.map((field) => ({ value: `profile:${field}`, label: COMPANY_PROFILE_LABELS[field] })) },
    ...(crmSources.length > 0 ? [{ group: 'CRM lists and reports', items: [{ value: 'source:', label: 'Accounts in a CRM list or report' }] }] : []),
    ...(fields?.crm ?? []).map((system) => ({
      group: `${system.system === 'salesforce' ? 'Salesforce' : 'Dynamics 365'} account fields`,
      items: system.typedFields.map((field) => ({ value: `crm:${system.system}:${field.name}`, label: `${field.name} (${FIELD_TYPE_WORDS[field.type]})` })),
    })),
  ];
}

function fieldKeyOf(condition: FilterCondition): string {
  switch (condition.kind) {
    case 'company_profile':
      return `profile:${condition.field}`;
    case 'crm_field':
      return `crm:${condition.system}:${condition.field}`;
    case 'in_crm_report':
    case 'in_crm_list':
      return 'source:';
    case 'in_uploaded_list':
      return 'upload:';
  }
}

function ConditionEditor({
  condition,
  onChange,
  onRemove,
  fields,
  crmSources,
  label,
}: {
  condition: FilterCondition;
  onChange: (next: FilterCondition) => void;
  onRemove: () => void;
  fields: FilterFields | undefined;
  crmSources: readonly CrmSourceOption[];
  label: string;
}) {
  const changeField = (key: string | null) => {
    if (key === null || key === fieldKeyOf(condition)) return;
    const [kind, first, second] = key.split(':');
    if (kind === 'profile') onChange({ kind: 'company_profile', field: first as (typeof COMPANY_PROFILE_FIELDS)[number], operation: { op: 'in', values: [] } });
    else if (kind === 'crm' && second !== undefined) {
      const op = OPERATORS_BY_FIELD_TYPE[crmFieldType(fields, first ?? '', second)][0] ?? 'equals';
      onChange({ kind: 'crm_field', system: first as 'salesforce' | 'dynamics', object: 'account', field: second, operation: defaultOperation(op) });
    }
    else if (kind === 'source') {
      const source = crmSources[0];
      if (source !== undefined) onChange({ kind: source.kind, provider: source.provider, sourceId: source.value.split(':')[2] ?? '', sourceName: source.sourceName });
    }
  };

  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" role="group" aria-label={label}>
      <Select aria-label={`${label}: field`} size="xs" w={230} searchable data={fieldOptions(fields, crmSources)} value={fieldKeyOf(condition)} onChange={changeField} allowDeselect={false} />
      {condition.kind === 'company_profile' || condition.kind === 'crm_field' ? (
        <OperationEditor
          operation={condition.operation}
          operators={condition.kind === 'crm_field' ? OPERATORS_BY_FIELD_TYPE[crmFieldType(fields, condition.system, condition.field)] : ALL_OPERATORS}
          fieldType={condition.kind === 'crm_field' ? crmFieldType(fields, condition.system, condition.field) : 'text'}
          knownValues={condition.kind === 'company_profile' ? (fields?.companyProfile.find((entry) => entry.field === condition.field)?.options ?? []) : []}
          onChange={(operation) => onChange({ ...condition, operation })}
          label={label}
        />
      ) : condition.kind === 'in_crm_report' || condition.kind === 'in_crm_list' ? (
        <Select
          aria-label={`${label}: list or report`}
          size="xs"
          style={{ flex: 1 }}
          searchable
          data={crmSources.map((source) => ({ value: source.value, label: source.label }))}
          value={`${condition.kind}:${condition.provider}:${condition.sourceId}`}
          onChange={(value) => {
            const source = crmSources.find((option) => option.value === value);
            if (source !== undefined) onChange({ kind: source.kind, provider: source.provider, sourceId: source.value.split(':')[2] ?? '', sourceName: source.sourceName });
          }}
          allowDeselect={false}
        />
      ) : condition.kind === 'in_uploaded_list' ? (
        <Text fz="sm" style={{ flex: 1 }}>
          Uploaded Account List {condition.fileName ?? condition.uploadId}
        </Text>
      ) : null}
      <ActionIcon variant="subtle" color="red" mt={2} onClick={onRemove} aria-label={`Remove ${label}`}>
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

function OperationEditor({
  operation,
  operators: allowed,
  fieldType,
  knownValues,
  onChange,
  label,
}: {
  operation: Operation;
  operators: readonly Operator[];
  fieldType: CrmFieldType;
  knownValues: ReadonlyArray<{ value: string; label: string }>;
  onChange: (next: Operation) => void;
  label: string;
}) {
  const operators = [...new Set([...allowed, operation.op])].map((op) => ({ value: op, label: OPERATOR_LABELS[op] }));
  const knownSet = new Set(knownValues.map((known) => known.value));
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" style={{ flex: 1 }}>
      <Select
        aria-label={`${label}: operator`}
        size="xs"
        w={130}
        data={operators}
        value={operation.op}
        onChange={(op) => op !== null && op !== operation.op && onChange(defaultOperation(op as Operator))}
        allowDeselect={false}
      />
      {operation.op === 'in' &&
        (knownValues.length > 0 ? (
          <MultiSelect
            aria-label={`${label}: values`}
            size="xs"
            style={{ flex: 1 }}
            searchable
            placeholder="Pick values"
            data={[...knownValues, ...operation.values.filter((value) => !knownSet.has(value)).map((value) => ({ value, label: value }))]}
            value={operation.values}
            onChange={(values) => onChange({ op: 'in', values })}
          />
        ) : (
          <TagsInput aria-label={`${label}: values`} size="xs" style={{ flex: 1 }} placeholder="Type a value, press Enter" value={operation.values} onChange={(values) => onChange({ op: 'in', values })} />
        ))}
      {operation.op === 'equals' && fieldType === 'boolean' && (
        <Select
          aria-label={`${label}: value`}
          size="xs"
          w={120}
          data={[
            { value: 'true', label: 'yes' },
            { value: 'false', label: 'no' },
          ]}
          value={operation.value === '' ? null : operation.value}
          onChange={(value) => value !== null && onChange({ op: 'equals', value })}
          allowDeselect={false}
        />
      )}
      {((operation.op === 'equals' && fieldType !== 'boolean') || operation.op === 'contains') && (
        <TextInput aria-label={`${label}: value`} size="xs" style={{ flex: 1 }} value={operation.value} onChange={(event) => onChange({ op: operation.op, value: event.currentTarget.value })} />
      )}
      {operation.op === 'range' && (
        <>
          <TextInput
            aria-label={`${label}: from`}
            size="xs"
            placeholder={fieldType === 'date' ? 'From (YYYY-MM-DD)' : fieldType === 'number' ? 'From' : 'From (number or date)'}
            style={{ flex: 1 }}
            value={operation.min === undefined ? '' : String(operation.min)}
            onChange={(event) => onChange(withBound(operation, 'min', event.currentTarget.value))}
          />
          <TextInput
            aria-label={`${label}: to`}
            size="xs"
            placeholder="To"
            style={{ flex: 1 }}
            value={operation.max === undefined ? '' : String(operation.max)}
            onChange={(event) => onChange(withBound(operation, 'max', event.currentTarget.value))}
          />
        </>
      )}
      {operation.op === 'is_empty' && (
        <SegmentedControl
          size="xs"
          aria-label={`${label}: emptiness`}
          data={[
            { value: 'empty', label: 'is empty' },
            { value: 'filled', label: 'is not empty' },
          ]}
          value={operation.isEmpty ? 'empty' : 'filled'}
          onChange={(choice) => onChange({ op: 'is_empty', isEmpty: choice === 'empty' })}
        />
      )}
    </Group>
  );
}

/** A range bound typed as text: a number when it reads as one, else kept as text (an ISO date). */
function withBound(operation: Extract<Operation, { op: 'range' }>, bound: 'min' | 'max', text: string): Operation {
  const { [bound]: _dropped, ...rest } = operation;
  const trimmed = text.trim();
  if (trimmed === '') return rest;
  const asNumber = Number(trimmed);
  return { ...rest, [bound]: Number.isFinite(asNumber) && /^-?[\d.]+$/.test(trimmed) ? asNumber : trimmed };
}
