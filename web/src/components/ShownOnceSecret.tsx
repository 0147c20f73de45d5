import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconAlertTriangle } from '@tabler/icons-react';

/** A password or API key the server returns once: shown with a copy button and a warning that it won't be shown again. */
export function ShownOnceSecret({ label, secret, hint }: { label: string; secret: string; hint: string }) {
  return (
    <Stack gap="xs">
      <Text fz="sm" fw={600}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code block style={{ flex: 1, fontSize: 14, wordBreak: 'break-all' }} data-testid="shown-once-secret">
          {secret}
        </Code>
        <CopyButton value={secret} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
              <ActionIcon variant="light" size="lg" color={copied ? 'teal' : 'indigo'} onClick={copy} aria-label={copied ? 'Copied' : `Copy ${label.toLowerCase()}`}>
                {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />}>
        {hint}
      </Alert>
    </Stack>
  );
}
