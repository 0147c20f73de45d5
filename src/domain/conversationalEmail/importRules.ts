/**
 * Auto-import rules for a report row (related-notes §7, "Salesforce import/enrollment problems"): Unsynced (missing
 * first name or email), Import Error (first name only digits, invalid email, duplicate lead, lead already exists),
 * Enrollment Error (ongoing conversation, was in the current campaign, missing value for a merge tag without
 * fallback), and the rule that people marked Do Not Contact are never enrolled.
 */
export type ImportOutcome = 'enrolled' | 'unsynced' | 'import_error' | 'enrollment_error';

export const IMPORT_OUTCOME_LABELS: Readonly<Record<ImportOutcome, string>> = {
  enrolled: 'Enrolled',
  unsynced: 'Unsynced',
  import_error: 'Import Error',
  enrollment_error: 'Enrollment Error',
};

export const IMPORT_REASONS = {
  missingFirstName: 'Missing first name',
  missingEmail: 'Missing email',
  firstNameDigits: 'First name contains only digits',
  invalidEmail: 'Invalid email',
  duplicateLead: 'Duplicate lead: another record in the report has the same email',
  leadExists: 'Lead already exists: another record with this email was imported before',
  ongoingConversation: 'Lead has an ongoing conversation in another campaign',
  wasInCampaign: 'Lead was in current campaign',
  doNotContact: 'Lead is marked Do Not Contact',
  missingMergeTag: (tags: readonly string[]) => `Missing value for merge tag without fallback: ${tags.join(', ')}`,
} as const;

export interface ImportFacts {
  readonly firstName: string | null;
  readonly email: string | null;
  /** Another row of this report run carries the same e-mail under another record id. */
  readonly isDuplicateInReport: boolean;
  /** A person with this e-mail was imported before under another record id. */
  readonly isExistingUnderOtherId: boolean;
  readonly hasOngoingConversationElsewhere: boolean;
  readonly wasInThisCampaign: boolean;
  readonly isDoNotContact: boolean;
  readonly missingMergeTags: readonly string[];
}

const EMAIL_SHAPE = /^[^\s@"<>(),;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export function isValidEmail(email: string): boolean {
  return EMAIL_SHAPE.test(email.trim());
}

export function decideImport(facts: ImportFacts): { outcome: ImportOutcome; reason: string | null } {
  const firstName = facts.firstName?.trim() ?? '';
  const email = facts.email?.trim() ?? '';
  if (firstName === '') return { outcome: 'unsynced', reason: IMPORT_REASONS.missingFirstName };
  if (email === '') return { outcome: 'unsynced', reason: IMPORT_REASONS.missingEmail };
  if (/^\d+$/.test(firstName)) return { outcome: 'import_error', reason: IMPORT_REASONS.firstNameDigits };
  if (!isValidEmail(email)) return { outcome: 'import_error', reason: IMPORT_REASONS.invalidEmail };
  if (facts.isDuplicateInReport) return { outcome: 'import_error', reason: IMPORT_REASONS.duplicateLead };
  if (facts.isExistingUnderOtherId) return { outcome: 'import_error', reason: IMPORT_REASONS.leadExists };
  if (facts.wasInThisCampaign) return { outcome: 'enrollment_error', reason: IMPORT_REASONS.wasInCampaign };
  if (facts.hasOngoingConversationElsewhere) return { outcome: 'enrollment_error', reason: IMPORT_REASONS.ongoingConversation };
  if (facts.isDoNotContact) return { outcome: 'enrollment_error', reason: IMPORT_REASONS.doNotContact };
  if (facts.missingMergeTags.length > 0) return { outcome: 'enrollment_error', reason: IMPORT_REASONS.missingMergeTag(facts.missingMergeTags) };
  return { outcome: 'enrolled', reason: null };
}
