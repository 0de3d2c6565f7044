// ___TEMPLATE_PARAMETERS___: what a marketer fills in. The names are the keys of `data` in
// code.ts (DataOf<typeof FIELDS>) and of the tags in template/container.json, so they must stay
// stable. Every vendor option maps one to one onto the Destination options of src/core/model.ts;
// the rules themselves live in core — fields only validate what GTM can check while editing.
// Each vendor's fields are in fields/<vendor>.ts (as core's are in src/core/vendors/<vendor>.ts).
import {
  checkbox, column, equals, group, item, label, nonEmpty, radio, radioItem, regex, select,
  simpleTable, text,
} from '../../toolchain/fields';
import type { DataOf } from '../../toolchain/fields';
import { VENDOR_FIELDS } from './vendors';

/** A trait or tag name: no commas (Gist joins tags with commas), no leading/trailing space. */
const NAME_PATTERN = '^[^,\\s]([^,]*[^,\\s])?$';

const identifying = [equals('action', 'identify')];

const actionFields = group('actionGroup', { displayName: 'What to do' }, [
  select('action', {
    displayName: 'Action',
    items: [item('identify', 'Identify: tell the tools who this visitor is'), item('reset', 'Reset: the visitor logged out')],
    defaultValue: 'identify',
    alwaysInSummary: true,
    help: 'Identify sends the user ID, email, traits and tags below to every ticked tool. Reset makes each tool forget the ' +
      'logged-in visitor: fire it on logout. Without it, Segment and Customer.io keep the last user who signed in on this browser ' +
      'and add later traits, even from a visitor with no user ID, to that user. Segment and Customer.io reset, Gist closes its chat, ' +
      'Antsomi records a sign-out; Mutiny and Connecto have no logout, so for them Reset does nothing.',
  }),
  select('event', {
    displayName: 'Event type',
    items: [item('identify', 'Identify (page load, profile update)'), item('sign_in', 'Sign in'), item('sign_up', 'Sign up')],
    defaultValue: 'identify',
    help: 'What just happened. Only Antsomi CDP365 records the difference; the other tools receive the same identify for all three.',
    enablingConditions: identifying,
  }),
]);

const destinationFields = group('destinationsGroup', {
  displayName: 'Send to',
  help: 'Tick every tool that should receive the call. A problem with one tool is reported in Preview mode and never stops the others. ' +
    'Keys and IDs below may be typed in or come from a variable, e.g. a Constant.',
}, [
  VENDOR_FIELDS.segment.SEND_FIELD, VENDOR_FIELDS.customerio.SEND_FIELD, VENDOR_FIELDS.gist.SEND_FIELD,
  VENDOR_FIELDS.mutiny.SEND_FIELD, VENDOR_FIELDS.connecto.SEND_FIELD, VENDOR_FIELDS.antsomi.SEND_FIELD,
]);

const userFields = group('userGroup', { displayName: 'Who', enablingConditions: identifying }, [
  text('userId', {
    displayName: 'User ID',
    valueHint: 'e.g. {{DLV - userId}}',
    alwaysInSummary: true,
    help: 'Your stable ID for the person, usually a variable such as a data layer variable holding your database ID (not a name). ' +
      'Leave empty for visitors who are not logged in: each tool then identifies them its own anonymous way. Segment and ' +
      'Customer.io instead keep the last user who signed in on this browser until a Reset tag fires, so fire one on logout.',
  }),
  text('email', {
    displayName: 'Email',
    valueHint: 'e.g. {{DLV - email}}',
    help: 'Sent to every ticked tool. Gist needs it, and Antsomi builds its customer ID from it by default. ' +
      'An address that is not valid is left out (Preview mode says so).',
  }),
  checkbox('useEmailAsUserId', {
    checkboxText: 'Use the email as the user ID when the User ID is empty',
    defaultValue: false,
    help: 'The lower-cased email becomes the user ID. Customer.io recommends this; Segment advises against it (an email can change).',
  }),
  select('userIdHash', {
    displayName: 'Hash the user ID',
    items: [item('none', 'No: send it as it is'), item('sha256', 'SHA-256'), item('md5', 'MD5')],
    defaultValue: 'none',
    help: 'Sends a hash of the user ID instead of the ID itself, e.g. when the ID is an email or must not leave your site readable. ' +
      'An email is lower-cased first; an ID that already is such a hash is sent as it is. Antsomi\'s customer ID has its own setting.',
  }),
]);

const typeItems = [item('text', 'Text'), item('number', 'Number'), item('boolean', 'True / false'), item('date', 'Date')] as const;

const traitFields = group('traitsGroup', { displayName: 'Traits and tags', enablingConditions: identifying }, [
  simpleTable('traitRows', {
    displayName: 'Traits',
    newRowButtonText: 'Add trait',
    help: 'Facts about the person, one per row, e.g. Name <code>plan</code>, Value <code>{{DLV - plan}}</code>, Type Text. ' +
      'Date values are sent as ISO-8601 (Gist: Unix seconds). Standard names such as <code>firstName</code>, <code>lastName</code> ' +
      'and <code>createdAt</code> may also be written <code>first_name</code> etc. A row wins over the same trait in the traits object below.',
    columns: [
      column('key', 'Name', { isUnique: true, valueHint: 'plan', valueValidators: [nonEmpty({ errorMessage: 'Give the trait a name.' }), regex(NAME_PATTERN, { errorMessage: 'A trait name has no commas and no spaces at either end.' })] }),
      column('value', 'Value', { valueHint: '{{DLV - plan}}' }),
      column('type', 'Type', { select: typeItems, defaultValue: 'text' }),
    ],
  }),
  text('traitsObject', {
    displayName: 'Traits object (variable)',
    valueHint: 'e.g. {{DLV - traits}}',
    help: 'Optional: a variable that returns a whole object of traits, e.g. a data layer variable for <code>user.traits</code> ' +
      'holding <code>{plan: "pro", firstName: "Ann"}</code>. Anything that is not such an object is ignored (Preview mode says so).',
  }),
  text('tagsText', {
    displayName: 'Tags',
    valueHint: 'e.g. vip, brand={{DLV - oemname}}',
    help: 'Labels such as <code>vip</code> and name=value tags such as <code>brand=Audi</code>, separated by commas. ' +
      'Every tool receives a name=value tag as a trait of that name, and labels as its list of tags (for Gist, the contact\'s tags).',
  }),
  simpleTable('tagRows', {
    displayName: 'More tags',
    newRowButtonText: 'Add tag',
    help: 'The same as Tags, one per row (handy when a value may contain a comma). Leave the value empty for a label such as <code>vip</code>.',
    columns: [
      column('name', 'Tag', { isUnique: true, valueHint: 'brand', valueValidators: [nonEmpty({ errorMessage: 'Give the tag a name.' }), regex(NAME_PATTERN, { errorMessage: 'A tag name has no commas and no spaces at either end.' })] }),
      column('value', 'Value (optional)', { valueHint: '{{DLV - oemname}}' }),
    ],
  }),
  text('company', {
    displayName: 'Company',
    valueHint: 'e.g. {{DLV - company}}',
    help: 'For B2B: the company the person belongs to, as a name (<code>Acme Inc</code>) or a variable returning an object ' +
      'such as <code>{id, name, plan}</code>. Each tool receives it in the form it expects.',
  }),
  simpleTable('companyRows', {
    displayName: 'Company details',
    newRowButtonText: 'Add company detail',
    help: 'Optional details added to the company, e.g. Plan = <code>{{DLV - plan}}</code>. A row wins over the same detail from the Company field.',
    columns: [
      column('key', 'Detail', {
        select: [item('id', 'ID'), item('name', 'Name'), item('domain', 'Domain'), item('industry', 'Industry'), item('employeeCount', 'Employees'), item('plan', 'Plan')],
        defaultValue: 'name',
        isUnique: true,
      }),
      column('value', 'Value'),
    ],
  }),
]);

const mappingFields = group('dataLayerGroup', {
  displayName: 'From the triggering data layer event',
  style: 'ZIPPY_CLOSED',
  enablingConditions: identifying,
}, [
  simpleTable('keyMapping', {
    displayName: 'Data layer keys',
    newRowButtonText: 'Add key',
    help: 'Reads values straight from the data layer event that fired this tag, with no variable to create: e.g. key ' +
      '<code>oemname</code> used as Tag named <code>brand</code>, or key <code>user.id</code> used as User ID. A dot reaches ' +
      'inside an object. Leave Name empty to use the key itself. Anything filled in above wins; a key that is not there adds nothing. ' +
      'As with data layer variables, a key pushed earlier on the same page is found too.',
    columns: [
      column('from', 'Data layer key', { valueHint: 'oemname', valueValidators: [nonEmpty({ errorMessage: 'Enter the data layer key to read, e.g. oemname.' })] }),
      column('as', 'Use as', {
        select: [item('trait', 'Trait'), item('tag', 'Tag'), item('userId', 'User ID'), item('email', 'Email')],
        defaultValue: 'trait',
      }),
      column('to', 'Name (for a trait or tag)', { valueHint: 'brand' }),
      column('type', 'Type', { select: typeItems, defaultValue: 'text' }),
    ],
  }),
]);

const consentFields = group('consentGroup', { displayName: 'Consent', style: 'ZIPPY_CLOSED' }, [
  checkbox('consentRequired', {
    checkboxText: 'Send only with consent',
    defaultValue: false,
    help: 'Checks the visitor\'s Google consent mode state before anything is sent, for Reset too. Leave unticked when your ' +
      'consent tool already blocks this tag\'s trigger.',
  }),
  select('consentType', {
    displayName: 'Required consent',
    items: [
      item('analytics_storage', 'analytics_storage (analytics)'), item('ad_storage', 'ad_storage (advertising)'),
      item('ad_user_data', 'ad_user_data (user data for ads)'), item('ad_personalization', 'ad_personalization (personalised ads)'),
      item('functionality_storage', 'functionality_storage (site features)'),
      item('personalization_storage', 'personalization_storage (personalisation)'), item('security_storage', 'security_storage (security)'),
    ],
    defaultValue: 'analytics_storage',
    help: 'The consent mode type your consent banner grants for these tools; usually analytics_storage.',
    enablingConditions: [equals('consentRequired', true)],
  }),
  radio('consentWhenDenied', {
    displayName: 'When consent is denied',
    items: [
      radioItem('drop', 'Drop the call', { help: 'Nothing is sent for this event (Preview mode says so).' }),
      radioItem('wait', 'Wait, and send once consent is granted', { help: 'Sent once, as soon as the visitor grants consent on this page; never sent if the visitor leaves first.' }),
    ],
    defaultValue: 'drop',
    enablingConditions: [equals('consentRequired', true)],
  }),
]);

const advancedFields = group('advancedGroup', { displayName: 'Advanced', style: 'ZIPPY_CLOSED' }, [
  checkbox('dedupe', {
    checkboxText: 'Skip if unchanged',
    defaultValue: false,
    help: 'Useful when the tag fires on every page: an identify whose user, traits and tags equal the last one sent to that ' +
      'tool is skipped, also on later page loads. Only a fingerprint is kept in the browser\'s localStorage, never the values. A Reset clears it.',
  }),
  label('debugHelp', 'Messages about dropped traits, missing emails or blocked tools appear in the browser console in GTM Preview mode only.'),
]);

export const FIELDS = [
  actionFields, destinationFields, userFields, traitFields, mappingFields, consentFields, advancedFields,
] as const;

/** What the template code receives as `data`. */
export type TemplateData = DataOf<typeof FIELDS>;
