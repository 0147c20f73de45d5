import { Alert, Box, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useSearchParams } from 'react-router-dom';
import { confirmRecipient } from '../../../src/contracts/notifications';
import { errorMessage } from '../api/client';
import { useApiMutation } from '../api/hooks';

/**
 * The page the confirmation e-mail links to (logged in or not): the address is confirmed when its owner presses the
 * button, not when a mail scanner fetches the link.
 */
export function ConfirmRecipientPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const confirm = useApiMutation(confirmRecipient);
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Box w="100%" maw={480}>
        <Text fw={800} fz={32} c="indigo.7" ta="center" mb="lg" style={{ letterSpacing: '-0.03em' }}>
          openabm
        </Text>
        <Paper withBorder shadow="sm" p="xl" radius="lg" component="main">
          <Stack gap="md">
            <Title order={1} fz="h3">
              Confirm your address
            </Title>
            {confirm.isSuccess ? (
              <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} role="status" data-testid="recipient-confirmed">
                {confirm.data.email} is confirmed: it will receive openabm “{confirm.data.categoryLabel}” notifications. You can close this page.
              </Alert>
            ) : token.length < 20 ? (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                This link is incomplete: open the whole link from the confirmation e-mail (it ends with a long token).
              </Alert>
            ) : (
              <>
                <Text fz="sm">You were added as a recipient of openabm system notifications. Confirm to start receiving them; if you did not expect this, close this page and nothing will be sent to you.</Text>
                {confirm.isError && (
                  <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                    {errorMessage(confirm.error)}
                  </Alert>
                )}
                <Button onClick={() => confirm.mutate({ body: { token } })} loading={confirm.isPending}>
                  Confirm
                </Button>
              </>
            )}
          </Stack>
        </Paper>
      </Box>
    </Center>
  );
}
