import { seededGuid, type Random } from './messySpellings';
import type { ViewDefinition } from './state';

/**
 * The demo org's views: every case the account-list rules mention (crm-sync-segments.txt "Sync from CRM Account
 * Lists") and the reference's checklist (§ Emulator checklist): usable system views, personal views (own, shared,
 * someone else's), a filter on a field the integration user cannot read, one over 25,000 accounts, views of other
 * tables and non-main query types.
 */
export const DEMO_VIEW_NAMES = {
  activeAccounts: 'Active Accounts',
  myActiveAccounts: 'My Active Accounts',
  technologyNorthAmerica: 'Technology Accounts - North America',
  tierOneAccounts: 'Tier 1 Accounts (Revenue Tier)',
  allAccounts: 'All Accounts (including inactive)',
  quickFind: 'Quick Find Active Accounts',
  lookup: 'Account Lookup View',
  advancedFind: 'Account Advanced Find View',
  activeContacts: 'Active Contacts',
  openLeads: 'Open Leads',
  myTargetAccounts: 'My Target Accounts Q3',
  sharedEmeaExpansion: 'EMEA Expansion (shared by Alex)',
  privateOtherUser: "Priya's private pipeline",
  myGermanContacts: 'My Contacts in Germany',
} as const;

const ACCOUNT_COLUMNS = ['name', 'websiteurl', 'address1_country', 'address1_city', 'ownerid', 'accountid'];

function accountFetch(filter: string, columns = ACCOUNT_COLUMNS): string {
  const attributes = columns.map((name) => `<attribute name="${name}" />`).join('');
  return `<fetch version="1.0" output-format="xml-platform" mapping="logical" distinct="false"><entity name="account">${attributes}<order attribute="name" descending="false" />${filter}</entity></fetch>`;
}

function layout(primaryId: string, columns: readonly string[]): string {
  const cells = columns.filter((name) => name !== primaryId).map((name) => `<cell name="${name}" width="150" />`).join('');
  return `<grid name="resultset" object="1" jump="name" select="1" icon="1" preview="1"><row name="result" id="${primaryId}">${cells}</row></grid>`;
}

interface ViewSeed {
  readonly name: string;
  readonly kind: ViewDefinition['kind'];
  readonly returnedtypecode: string;
  readonly fetchxml: string;
  readonly querytype?: number;
  readonly isdefault?: boolean;
  readonly iscustomizable?: boolean;
  readonly description?: string;
  readonly ownerId?: string;
  readonly sharedWithUserIds?: readonly string[];
}

export function demoViews(random: Random, users: { integrationUserId: string; otherUserId: string; thirdUserId: string }): ViewDefinition[] {
  const active = '<filter type="and"><condition attribute="statecode" operator="eq" value="0" /></filter>';
  const seeds: ViewSeed[] = [
    { name: DEMO_VIEW_NAMES.activeAccounts, kind: 'savedquery', returnedtypecode: 'account', fetchxml: accountFetch(active), isdefault: true, iscustomizable: false, description: 'Shows all active accounts.' },
    {
      name: DEMO_VIEW_NAMES.myActiveAccounts, kind: 'savedquery', returnedtypecode: 'account', iscustomizable: false,
      fetchxml: accountFetch('<filter type="and"><condition attribute="statecode" operator="eq" value="0" /><condition attribute="ownerid" operator="eq-userid" /></filter>'),
    },
    {
      name: DEMO_VIEW_NAMES.technologyNorthAmerica, kind: 'savedquery', returnedtypecode: 'account',
      fetchxml: accountFetch('<filter type="and"><condition attribute="statecode" operator="eq" value="0" /><condition attribute="industrycode" operator="eq" value="25" /><condition attribute="address1_country" operator="in"><value>United States</value><value>USA</value><value>U.S.</value><value>US</value><value>Canada</value></condition></filter>'),
    },
    {
      name: DEMO_VIEW_NAMES.tierOneAccounts, kind: 'savedquery', returnedtypecode: 'account', description: 'Filters on the secured Revenue Tier column.',
      fetchxml: accountFetch('<filter type="and"><condition attribute="statecode" operator="eq" value="0" /><condition attribute="new_revenuetier" operator="eq" value="Tier 1" /></filter>'),
    },
    { name: DEMO_VIEW_NAMES.allAccounts, kind: 'savedquery', returnedtypecode: 'account', fetchxml: accountFetch(''), description: 'Every account, including the 2019 trade-show import.' },
    { name: DEMO_VIEW_NAMES.quickFind, kind: 'savedquery', returnedtypecode: 'account', querytype: 4, iscustomizable: false, fetchxml: accountFetch(active) },
    { name: DEMO_VIEW_NAMES.lookup, kind: 'savedquery', returnedtypecode: 'account', querytype: 64, iscustomizable: false, fetchxml: accountFetch(active, ['name', 'accountid']) },
    { name: DEMO_VIEW_NAMES.advancedFind, kind: 'savedquery', returnedtypecode: 'account', querytype: 1, iscustomizable: false, fetchxml: accountFetch('') },
    {
      name: DEMO_VIEW_NAMES.activeContacts, kind: 'savedquery', returnedtypecode: 'contact', isdefault: true,
      fetchxml: '<fetch version="1.0" mapping="logical"><entity name="contact"><attribute name="fullname" /><attribute name="emailaddress1" /><attribute name="contactid" /><order attribute="fullname" descending="false" /><filter type="and"><condition attribute="statecode" operator="eq" value="0" /></filter></entity></fetch>',
    },
    {
      name: DEMO_VIEW_NAMES.openLeads, kind: 'savedquery', returnedtypecode: 'lead',
      fetchxml: '<fetch version="1.0" mapping="logical"><entity name="lead"><attribute name="fullname" /><attribute name="companyname" /><attribute name="leadid" /><filter type="and"><condition attribute="statecode" operator="eq" value="0" /></filter></entity></fetch>',
    },
    {
      name: DEMO_VIEW_NAMES.myTargetAccounts, kind: 'userquery', returnedtypecode: 'account', ownerId: users.integrationUserId,
      fetchxml: accountFetch('<filter type="and"><condition attribute="statecode" operator="eq" value="0" /><condition attribute="industrycode" operator="in"><value>25</value><value>12</value></condition></filter>'),
    },
    {
      name: DEMO_VIEW_NAMES.sharedEmeaExpansion, kind: 'userquery', returnedtypecode: 'account', ownerId: users.otherUserId, sharedWithUserIds: [users.integrationUserId],
      fetchxml: accountFetch('<filter type="and"><condition attribute="statecode" operator="eq" value="0" /><condition attribute="address1_country" operator="in"><value>Germany</value><value>Deutschland</value><value>France</value><value>United Kingdom</value><value>UK</value></condition></filter>'),
    },
    { name: DEMO_VIEW_NAMES.privateOtherUser, kind: 'userquery', returnedtypecode: 'account', ownerId: users.thirdUserId, fetchxml: accountFetch(active) },
    {
      name: DEMO_VIEW_NAMES.myGermanContacts, kind: 'userquery', returnedtypecode: 'contact', ownerId: users.integrationUserId,
      fetchxml: '<fetch version="1.0" mapping="logical"><entity name="contact"><attribute name="fullname" /><attribute name="contactid" /><filter type="and"><condition attribute="address1_country" operator="eq" value="Germany" /></filter></entity></fetch>',
    },
  ];
  return seeds.map((seed) => {
    const primaryId = `${seed.returnedtypecode}id`;
    const columns = [...seed.fetchxml.matchAll(/<attribute name="([^"]+)"/g)].map((match) => match[1] ?? '');
    return {
      id: seededGuid(random),
      kind: seed.kind,
      name: seed.name,
      returnedtypecode: seed.returnedtypecode,
      fetchxml: seed.fetchxml,
      layoutxml: layout(primaryId, columns),
      querytype: seed.querytype ?? 0,
      isdefault: seed.isdefault ?? false,
      iscustomizable: seed.iscustomizable ?? true,
      statecode: 0,
      description: seed.description ?? '',
      ownerId: seed.ownerId,
      sharedWithUserIds: seed.sharedWithUserIds ?? [],
    };
  });
}
