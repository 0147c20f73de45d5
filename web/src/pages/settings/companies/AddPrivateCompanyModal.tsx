import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { addPrivateCompany, listPrivateCompanies } from '../../../../../src/contracts/companies';
import { errorMessage } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';

const EMPTY = { name: '', domain: '', country: '', industry: '' };

export function AddPrivateCompanyModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const mutation = useApiMutation(addPrivateCompany, { invalidates: [listPrivateCompanies] });
  const close = () => {
    setForm(EMPTY);
    mutation.reset();
    onClose();
  };
  const field = (key: keyof typeof EMPTY) => ({ value: form[key], onChange: (event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: event.currentTarget.value }) });
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

  return (
    <Modal opened={isOpen} onClose={close} title="Add private company" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate(
            { body: { name: form.name, domain: optional(form.domain), country: optional(form.country), industry: optional(form.industry) } },
            {
              onSuccess: (result) => {
                notifications.show({ color: 'green', message: `“${result.company.name}” is added to your private companies.` });
                close();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <TextInput label="Company name" required {...field('name')} />
          <TextInput label="Website or domain" placeholder="example.com" {...field('domain')} />
          <TextInput label="Country" placeholder="US or United States" {...field('country')} />
          <TextInput label="Industry" {...field('industry')} />
          {mutation.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(mutation.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Add company
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
