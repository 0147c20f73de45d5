import { Alert, Button, Group } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { errorMessage, isApiError } from '../api/client';

/** How a failed read looks on a page; a 403 reads as a permission message rather than a failure. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const isForbidden = isApiError(error, 'forbidden');
  return (
    <Alert color={isForbidden ? 'gray' : 'red'} variant="light" icon={<IconAlertCircle size={18} />} title={isForbidden ? 'Not available to your role' : 'Could not load this'} role="alert">
      <Group justify="space-between" gap="sm">
        <span>{errorMessage(error)}</span>
        {onRetry !== undefined && !isForbidden && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}
