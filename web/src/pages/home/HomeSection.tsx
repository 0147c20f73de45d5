import type { ReactNode } from 'react';
import { Paper, Text, Title } from '@mantine/core';

/** A titled panel of the home page; its heading names the region for screen readers. */
export function HomeSection({ title, description, children, testId }: { title: string; description?: string | undefined; children: ReactNode; testId?: string }) {
  const headingId = `home-${title.toLowerCase().replaceAll(/[^a-z]+/g, '-')}`;
  return (
    <Paper withBorder radius="lg" p="lg" bg="white" component="section" aria-labelledby={headingId} data-testid={testId}>
      <Title order={2} fz="h4" id={headingId}>
        {title}
      </Title>
      {description !== undefined && (
        <Text fz="sm" c="dimmed" mb="md">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}
