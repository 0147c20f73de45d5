import { Link } from 'react-router-dom';
import { Anchor, Group, Progress, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { HomeSummary } from '../../../../src/contracts/home';
import { useCan } from '../../auth/session';
import { HomeSection } from './HomeSection';

interface Step {
  readonly label: string;
  readonly description: string;
  readonly isDone: boolean;
  readonly link: string;
  readonly linkLabel: string;
  /** Whether the user's role may take the step (a view-only user sees the steps without links). */
  readonly canTake: boolean;
}

/** The three steps from a new organisation to an activated segment; hidden once all three are done. */
export function OnboardingChecklist({ checklist }: { checklist: HomeSummary['checklist'] }) {
  const canConnect = useCan('integrations.manage');
  const canCreate = useCan('segment.create');
  const canActivate = useCan('sync.create');
  const steps: Step[] = [
    {
      label: 'Connect a CRM',
      description: 'Salesforce or Microsoft Dynamics 365 (or a marketing automation platform), so segments can use its lists and reports.',
      isDone: checklist.hasCrmConnection,
      link: '/settings/integrations',
      linkLabel: 'Open Integrations',
      canTake: canConnect,
    },
    { label: 'Build a segment', description: 'From a CRM list or report, an uploaded account list, or company filters.', isDone: checklist.hasSegment, link: '/segments/new', linkLabel: 'Create a segment', canTake: canCreate },
    {
      label: 'Activate it',
      description: 'Sync a segment to an ad account (LinkedIn, Google Ads, Meta) or publish it to your CRM and other tools.',
      isDone: checklist.hasActivation,
      link: '/advertising/segment-syncs',
      linkLabel: 'Open Segment Syncs',
      canTake: canActivate,
    },
  ];
  const doneCount = steps.filter((step) => step.isDone).length;
  return (
    <HomeSection title="Get started" testId="home-checklist">
      <Text fz="sm" c="dimmed" mb="xs">
        {doneCount} of {steps.length} steps done
      </Text>
      <Progress value={(doneCount / steps.length) * 100} mb="md" aria-label={`${doneCount} of ${steps.length} set-up steps done`} />
      <Stack gap="md" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {steps.map((step, index) => (
          <Group key={step.label} component="li" gap="md" wrap="nowrap" align="flex-start" data-testid={`checklist-step-${index + 1}`} data-done={step.isDone}>
            <ThemeIcon radius="xl" size={28} variant={step.isDone ? 'filled' : 'light'} color={step.isDone ? 'green.8' : 'gray'} aria-hidden>
              {step.isDone ? <IconCheck size={16} /> : <Text fz="sm" fw={700}>{index + 1}</Text>}
            </ThemeIcon>
            <Stack gap={2}>
              <Text fw={600} td={step.isDone ? 'line-through' : undefined}>
                {step.label}
                <VisuallyHidden>{step.isDone ? ' (done)' : ' (to do)'}</VisuallyHidden>
              </Text>
              <Text fz="sm" c="dimmed">
                {step.description}
              </Text>
              {!step.isDone && step.canTake && (
                <Anchor component={Link} to={step.link} fz="sm">
                  {step.linkLabel}
                </Anchor>
              )}
            </Stack>
          </Group>
        ))}
      </Stack>
    </HomeSection>
  );
}
