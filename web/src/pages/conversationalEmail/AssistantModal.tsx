import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { createCeAssistant, listCeAssistants } from '../../../../src/contracts/conversationalEmail';
import { errorMessage } from '../../api/client';
import { useApiMutation } from '../../api/hooks';

export function AssistantModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const mutation = useApiMutation(createCeAssistant, { invalidates: [listCeAssistants] });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [signature, setSignature] = useState('');
  const [cap, setCap] = useState<number | string>(50);
  const [rep, setRep] = useState('');
  const [timeZone, setTimeZone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone);
  return (
    <Modal opened={isOpen} onClose={onClose} title="New e-mail assistant" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate(
            { body: { name, email, signature, dailySendCap: typeof cap === 'number' ? cap : 50, handoffRepEmail: rep.trim() === '' ? null : rep, timeZone } },
            { onSuccess: () => { setName(''); setEmail(''); setSignature(''); setRep(''); onClose(); } },
          );
        }}
      >
        <Stack gap="md">
          <TextInput label="Name" required value={name} onChange={(event) => setName(event.currentTarget.value)} data-autofocus />
          <TextInput label="Sender address" type="email" required value={email} onChange={(event) => setEmail(event.currentTarget.value)} />
          <Textarea label="Signature" autosize minRows={2} value={signature} onChange={(event) => setSignature(event.currentTarget.value)} />
          <NumberInput label="Daily sending cap" description="Spread evenly over each campaign's business hours." min={1} max={2000} required value={cap} onChange={setCap} />
          <TextInput label="Time zone" description="The daily cap counts e-mails sent in the assistant's own day." required value={timeZone} onChange={(event) => setTimeZone(event.currentTarget.value)} />
          <TextInput label="Sales rep cc'd on hand-off when the lead has no owner" type="email" value={rep} onChange={(event) => setRep(event.currentTarget.value)} />
          {mutation.isError && <Alert color="red" variant="light" role="alert">{errorMessage(mutation.error)}</Alert>}
          <Group justify="flex-end"><Button variant="default" onClick={onClose}>Cancel</Button><Button type="submit" loading={mutation.isPending}>Create assistant</Button></Group>
        </Stack>
      </form>
    </Modal>
  );
}
