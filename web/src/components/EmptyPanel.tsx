import type { ComponentType, ReactNode } from 'react';
import { EmptyState, Paper } from '@mantine/core';

/** A bordered panel saying there is nothing here yet, and what will appear. */
export function EmptyPanel({
  icon: Icon,
  title,
  description,
  actions,
}: {
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  title: string;
  description: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Paper withBorder radius="lg" p={48} bg="white">
      <EmptyState icon={<Icon size={28} stroke={1.5} />} variant="light" size="md">
        <EmptyState.Title order={2}>{title}</EmptyState.Title>
        <EmptyState.Description>{description}</EmptyState.Description>
        {actions !== undefined && <EmptyState.Actions>{actions}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
