import { Button, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';

export interface Step {
  subject: string;
  body: string;
  delayDays: number;
}

/** A list of e-mails (the main sequence or one follow-up sequence): subject, body with merge tags, days after the previous one. */
export function StepsEditor({ label, steps, onChange, isFirstDelayShown = false }: { label: string; steps: Step[]; onChange: (steps: Step[]) => void; isFirstDelayShown?: boolean }) {
  const setStep = (index: number, change: Partial<Step>) => onChange(steps.map((step, at) => (at === index ? { ...step, ...change } : step)));
  return (
    <>
      {steps.map((step, index) => (
        <Stack key={index} gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} aria-label={`${label} e-mail ${index + 1}`}>
          <Text fw={600} fz="sm">{label}: e-mail {index + 1}</Text>
          {(index > 0 || isFirstDelayShown) && <NumberInput label={index === 0 ? 'Days after the previous sequence ended' : 'Days after the previous e-mail'} min={0} max={60} value={step.delayDays} onChange={(value) => setStep(index, { delayDays: Number(value) || 0 })} />}
          <TextInput label="Subject" required value={step.subject} onChange={(event) => setStep(index, { subject: event.currentTarget.value })} />
          <Textarea label="Body" description="Merge tags: {{FirstName}}, {{Company|fallback}}, {{Title}}, {{Account.Name}}" required autosize minRows={3} value={step.body} onChange={(event) => setStep(index, { body: event.currentTarget.value })} />
          {index > 0 && <Button variant="subtle" color="red" size="xs" onClick={() => onChange(steps.filter((_step, at) => at !== index))}>Remove e-mail {index + 1}</Button>}
        </Stack>
      ))}
      {steps.length < 10 && <Button variant="light" onClick={() => onChange([...steps, { subject: 'Following up', body: 'Hi {{FirstName}}, just following up on my last note.', delayDays: 3 }])}>Add e-mail to {label.toLowerCase()}</Button>}
    </>
  );
}
