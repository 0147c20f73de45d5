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

export function parseFollowUps(value: unknown): FollowUpSequence[] {
  return z.array(followUpSequenceSchema).parse(value ?? []);
}

/** Every template of a campaign, for the merge-tag check at enrollment (follow-ups included: they may be sent too). */
export function campaignTemplates(mainSequence: readonly SequenceStep[], followUps: readonly FollowUpSequence[] = []): string[] {
  return [...mainSequence, ...followUps.flatMap((sequence) => sequence.steps)].flatMap((step) => [step.subject, step.body]);
}

/** The steps a conversation is working through: the main sequence (followUpIndex null) or one follow-up sequence. */
export function stepsInPlay(mainSequence: readonly SequenceStep[], followUps: readonly FollowUpSequence[], followUpIndex: number | null): readonly SequenceStep[] {
  return followUpIndex === null ? mainSequence : (followUps[followUpIndex]?.steps ?? []);
}

export type AfterSequence = { readonly kind: 'follow_up'; readonly followUpIndex: number } | { readonly kind: 'conclude' };

/**
 * What a conversation does once its sequence's last e-mail went out and the wait for an answer passed. Follow-up
 * sequences run in the order they are listed, each only when the contact has not answered (an out-of-office
 * auto-reply is not an answer); any answer ends them, and after the last one the conversation concludes
 * (Unresponsive / Stopped Responding).
 */
export function afterSequenceEnds(input: { readonly followUpIndex: number | null; readonly followUpCount: number; readonly hasAnswered: boolean }): AfterSequence {
  if (input.hasAnswered) return { kind: 'conclude' };
  const next = input.followUpIndex === null ? 0 : input.followUpIndex + 1;
  return next < input.followUpCount ? { kind: 'follow_up', followUpIndex: next } : { kind: 'conclude' };
}
