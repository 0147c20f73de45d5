import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { errorMessage } from '../api/client';
import { useLogin } from './session';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const loginMutation = useLogin();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    loginMutation.mutate({ email: email.trim(), password });
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Box w="100%" maw={420}>
        <Stack gap={4} align="center" mb="lg">
          <Text fw={800} fz={32} c="indigo.7" style={{ letterSpacing: '-0.03em' }}>
            openabm
          </Text>
          <Text c="dimmed" fz="sm">
            Account-based marketing
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="lg">
          <form onSubmit={submit} noValidate aria-label="Log in">
            <Stack gap="md">
              <Title order={1} fz="h3">
                Log in
              </Title>
              {loginMutation.isError && (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="login-error">
                  {errorMessage(loginMutation.error)}
                </Alert>
              )}
              <TextInput
                label="E-mail"
                type="email"
                autoComplete="username"
                withAsterisk={false}
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                autoFocus
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                withAsterisk={false}
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              <Button type="submit" fullWidth loading={loginMutation.isPending} disabled={email.trim() === '' || password === ''}>
                Log in
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text c="dimmed" fz="xs" ta="center" mt="md">
          Forgot your password? Ask an administrator of your organisation to reset it.
        </Text>
      </Box>
    </Center>
  );
}
