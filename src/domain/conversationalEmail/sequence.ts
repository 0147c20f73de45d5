import { z } from 'zod';
import type { BusinessHours } from './schedule';

/** A campaign's e-mails: the main sequence and optional follow-up sequences, each a list of steps. */
export const sequenceStepSchema = z.object({
  subject: z.string().trim().min(1, 'Each e-mail needs a subject.').max(255),
  body: z.string().trim().min(1, 'Each e-mail needs a body.').max(20_000),
  /** Days to wait after the previous e-mail (the first step: after enrollment). */
  delayDays: z.number().int().min(0).max(60),
});
export type SequenceStep = z.infer<typeof sequenceStepSchema>;

export const followUpSequenceSchema = z.object({
  name: z.string().trim().min(1).max(100),
  steps: z.array(sequenceStepSchema).min(1).max(10),
});
export type FollowUpSequence = z.infer<typeof followUpSequenceSchema>;

export const businessHoursSchema = z.object({
  timeZone: z.string().min(1).max(64),
  startHour: z.number().int().min(0).max(23),
  endHour: z.number().int().min(1).max(24),
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
});

export function parseSteps(value: unknown): SequenceStep[] {
  return z.array(sequenceStepSchema).parse(value);
}

export function parseBusinessHours(value: unknown): BusinessHours {
  return businessHoursSchema.parse(value);
}

/** Every template of a campaign, for the merge-tag check at enrollment. */
export function campaignTemplates(mainSequence: readonly SequenceStep[]): string[] {
  return mainSequence.flatMap((step) => [step.subject, step.body]);
}
