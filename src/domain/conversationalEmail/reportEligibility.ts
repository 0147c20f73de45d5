/**
 * Which Salesforce reports a campaign may watch (conversational-email-salesforce.txt, "Salesforce report
 * requirements"): tabular, summary or matrix; report types Leads, Contacts & Accounts, Campaigns with Leads,
 * Campaigns with Contacts, and the custom report types "Leads & Opportunities" / "Contacts & Opportunities",
 * which are recognised by their base objects in the report describe, not by their names.
 */
export const SUPPORTED_REPORT_FORMATS = ['TABULAR', 'SUMMARY', 'MATRIX'] as const;

/** Standard report types (reportType.type) and the people object their rows are. */
const STANDARD_TYPES: Readonly<Record<string, 'lead' | 'contact'>> = {
  LeadList: 'lead',
  ContactList: 'contact',
  CampaignLead: 'lead',
  CampaignContact: 'contact',
};

export const SUPPORTED_REPORT_TYPE_LABELS = [
  'Leads',
  'Contacts & Accounts',
  'Campaigns with Leads',
  'Campaigns with Contacts',
  'Leads & Opportunities (Custom Report Type)',
  'Contacts & Opportunities (Custom Report Type)',
];

export interface ReportFacts {
  readonly format: string;
  readonly reportType: string;
  readonly reportTypeLabel: string;
  /** API names of the objects the report type joins, from the describe (custom types), e.g. ['Lead', 'Opportunity']. */
  readonly baseObjects: readonly string[];
  /** Labels of the id-typed detail columns ("Lead ID", "Contact ID"). */
  readonly idColumnLabels: readonly string[];
}

export type ReportEligibility = { isEligible: true; personObject: 'lead' | 'contact' } | { isEligible: false; reason: string };

function isCustomType(reportType: string): boolean {
  return reportType.endsWith('__c');
}

export function checkReportEligibility(facts: ReportFacts): ReportEligibility {
  if (!(SUPPORTED_REPORT_FORMATS as readonly string[]).includes(facts.format)) {
    return { isEligible: false, reason: `The report is a ${facts.format.toLowerCase().replace('_', '-')} report; the Salesforce report should be in a tabular, summary, or matrix type.` };
  }
  let personObject: 'lead' | 'contact' | undefined = STANDARD_TYPES[facts.reportType];
  if (!personObject && isCustomType(facts.reportType)) {
    const objects = new Set(facts.baseObjects.map((name) => name.toLowerCase()));
    if (objects.has('opportunity') && objects.size === 2 && objects.has('lead')) personObject = 'lead';
    else if (objects.has('opportunity') && objects.size === 2 && objects.has('contact')) personObject = 'contact';
  }
  if (!personObject) {
    return { isEligible: false, reason: `The report type "${facts.reportTypeLabel}" is not supported. Supported report types: ${SUPPORTED_REPORT_TYPE_LABELS.join(', ')}.` };
  }
  const wantedLabel = personObject === 'lead' ? 'lead id' : 'contact id';
  if (!facts.idColumnLabels.some((label) => label.toLowerCase() === wantedLabel)) {
    return { isEligible: false, reason: `The report has no ${personObject === 'lead' ? 'Lead ID' : 'Contact ID'} column; add it so openabm can tell which ${personObject}s to enroll.` };
  }
  return { isEligible: true, personObject };
}
