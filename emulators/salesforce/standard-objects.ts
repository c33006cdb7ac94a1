import type { ComponentContent } from './metadata-store.js';

/**
 * Standard objects every org has from its creation, with some of their standard fields (Object
 * Reference for the Salesforce Platform: Account, Contact, Lead, Opportunity, Case, …). They are
 * listed by listMetadata(CustomObject) and retrieved by name like custom objects, and a custom
 * field can be added to them; they cannot be deleted.
 */
const STANDARD_OBJECTS: Record<string, string[]> = {
  Account: ['Name', 'AccountNumber', 'Type', 'Industry', 'Phone', 'Website', 'AnnualRevenue', 'NumberOfEmployees', 'OwnerId', 'ParentId', 'BillingAddress', 'ShippingAddress', 'Description'],
  Contact: ['Name', 'FirstName', 'LastName', 'AccountId', 'Email', 'Phone', 'Title', 'MailingAddress', 'OwnerId', 'Birthdate'],
  Lead: ['Name', 'Company', 'Email', 'Status', 'LeadSource', 'Phone', 'OwnerId', 'Industry'],
  Opportunity: ['Name', 'AccountId', 'Amount', 'CloseDate', 'StageName', 'Probability', 'Type', 'OwnerId', 'LeadSource'],
  Case: ['CaseNumber', 'AccountId', 'ContactId', 'Status', 'Priority', 'Origin', 'Subject', 'Description', 'OwnerId'],
  Campaign: ['Name', 'Type', 'Status', 'StartDate', 'EndDate', 'OwnerId'],
  CampaignMember: ['CampaignId', 'ContactId', 'LeadId', 'Status'],
  Task: ['Subject', 'ActivityDate', 'Status', 'Priority', 'WhoId', 'WhatId', 'OwnerId'],
  Event: ['Subject', 'ActivityDateTime', 'DurationInMinutes', 'WhoId', 'WhatId', 'OwnerId'],
  User: ['Username', 'Email', 'FirstName', 'LastName', 'ProfileId', 'IsActive'],
  Product2: ['Name', 'ProductCode', 'Family', 'IsActive', 'Description'],
  Pricebook2: ['Name', 'IsActive', 'IsStandard', 'Description'],
  Asset: ['Name', 'AccountId', 'ContactId', 'Product2Id', 'Status', 'SerialNumber'],
  Contract: ['AccountId', 'StartDate', 'ContractTerm', 'Status', 'OwnerId'],
  Order: ['AccountId', 'EffectiveDate', 'Status', 'OrderNumber', 'OwnerId'],
};

/** The standard object names, for the SOQL and describe answers. */
export const STANDARD_OBJECT_NAMES: readonly string[] = Object.keys(STANDARD_OBJECTS);

/** Components of the standard objects: each object and its standard fields (decomposed as a retrieve would). */
export function standardObjectComponents(): ComponentContent[] {
  const components: ComponentContent[] = [];
  for (const [object, fields] of Object.entries(STANDARD_OBJECTS)) {
    const fileName = `objects/${object}.object`;
    const own = [
      { name: 'enableFeeds', raw: '<enableFeeds>false</enableFeeds>' },
      { name: 'sharingModel', raw: `<sharingModel>${object === 'Contact' || object === 'CampaignMember' ? 'ControlledByParent' : 'ReadWrite'}</sharingModel>` },
    ];
    components.push({ type: 'CustomObject', fullName: object, elements: own, fileName });
    for (const field of fields) {
      components.push({
        type: 'CustomField',
        fullName: `${object}.${field}`,
        elements: [{ name: 'fields', raw: `<fields>\n        <fullName>${field}</fullName>\n        <trackHistory>false</trackHistory>\n    </fields>` }],
        fileName,
      });
    }
  }
  return components;
}

