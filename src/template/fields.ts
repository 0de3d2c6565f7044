// ___TEMPLATE_PARAMETERS___: what a marketer fills in. The names are the keys of `data` in
// code.ts (DataOf<typeof FIELDS>) and of the tags in template/container.json, so they must stay
// stable. Every vendor option maps one to one onto the Destination options of src/core/model.ts;
// the rules themselves live in core — fields only validate what GTM can check while editing.
import {
  checkbox, column, equals, group, item, label, nonEmpty, nonNegativeNumber, radio, radioItem, regex, select,
  simpleTable, text,
} from '../toolchain/fields';
import type { DataOf } from '../toolchain/fields';

/** A GTM variable reference such as {{DLV - user id}}: validators must let it through. */
const VARIABLE = '\\{\\{[^{}]+\\}\\}';
/** Keys, app ids and license keys: letters, digits, _ and - (core's KEY_CHARS), or a variable. */
const KEY_PATTERN = '^([A-Za-z0-9_-]+|' + VARIABLE + ')$';
/** Antsomi portal and property ids are numbers. */
const DIGITS_PATTERN = '^([0-9]+|' + VARIABLE + ')$';
/** A trait or tag name: no commas (Gist joins tags with commas), no leading/trailing space. */
const NAME_PATTERN = '^[^,\\s]([^,]*[^,\\s])?$';

const identifying = [equals('action', 'identify')];
const keyRule = (what: string) => regex(KEY_PATTERN, { errorMessage: what + ' uses only letters, digits, _ and - (or a {{variable}}).' });
const waitMs = <N extends string>(name: N, checkboxName: string, what: string) =>
  text(name, {
    displayName: what,
    valueUnit: 'ms',
    defaultValue: '5000',
    help: 'How long to wait for the vendor\'s script before giving up (at most 30000 ms). The tag itself never waits: it reports at once.',
    valueValidators: [nonNegativeNumber({ errorMessage: 'Enter a number of milliseconds (0 or more).' })],
    enablingConditions: [equals(checkboxName, true)],
  });

const actionFields = group('actionGroup', { displayName: 'What to do' }, [
  select('action', {
    displayName: 'Action',
    items: [item('identify', 'Identify: tell the tools who this visitor is'), item('reset', 'Reset: the visitor logged out')],
    defaultValue: 'identify',
    alwaysInSummary: true,
    help: 'Identify sends the user ID, email, traits and tags below. Reset forgets the identified user in each tool ' +
      '(Segment and Customer.io <code>reset()</code>, Gist chat shutdown, Antsomi <code>sign_out</code>); Mutiny and Connecto have no logout call.',
  }),
  select('event', {
    displayName: 'Why (event kind)',
    items: [item('identify', 'Identify (profile update, page load)'), item('sign_in', 'Sign in'), item('sign_up', 'Sign up')],
    defaultValue: 'identify',
    help: 'Antsomi CDP365 records the sign-in, sign-up or identify step; the other tools receive the same identify call for all three.',
    enablingConditions: identifying,
  }),
]);

const segmentFields = checkbox('sendSegment', {
  checkboxText: 'Segment (analytics.js)',
  defaultValue: false,
  help: 'Calls <code>analytics.identify(userId, traits)</code>, or <code>analytics.identify(traits)</code> for anonymous visitors.',
  subParams: [
    checkbox('segmentLoadScript', {
      checkboxText: 'Load analytics.js if the page does not have it',
      defaultValue: false,
      help: 'Leave off when your site already runs the Segment snippet. Calls made before analytics.js is ready are queued, never lost.',
      enablingConditions: [equals('sendSegment', true)],
    }),
    text('segmentWriteKey', {
      displayName: 'Segment write key',
      valueHint: 'e.g. a1B2c3D4e5',
      help: 'Found in Segment under Connections → Sources → your JavaScript source → Settings → API Keys.',
      valueValidators: [nonEmpty({ enablingConditions: [equals('segmentLoadScript', true)] }), keyRule('The write key')],
      enablingConditions: [equals('segmentLoadScript', true)],
    }),
  ],
});

const customerioFields = checkbox('sendCustomerio', {
  checkboxText: 'Customer.io Data Pipelines',
  defaultValue: false,
  help: 'Same call as Segment, on Customer.io\'s own <code>cioanalytics</code> object (or <code>analytics</code> for older snippets).',
  subParams: [
    select('customerioGlobal', {
      displayName: 'Customer.io object on the page',
      items: [item('cioanalytics', 'cioanalytics (current snippet)'), item('analytics', 'analytics (older snippets)')],
      defaultValue: 'cioanalytics',
      help: 'Look at your Customer.io snippet: current ones start with <code>window.cioanalytics</code>.',
      enablingConditions: [equals('sendCustomerio', true)],
    }),
    checkbox('customerioLoadScript', {
      checkboxText: 'Load Customer.io\'s script if the page does not have it',
      defaultValue: false,
      help: 'A script loaded by this tag lives on <code>analytics</code>: do not use this on a page that also runs Segment.',
      enablingConditions: [equals('sendCustomerio', true)],
    }),
    text('customerioWriteKey', {
      displayName: 'Customer.io write key',
      help: 'In Customer.io: Data Pipelines → Sources → your JavaScript source → Settings.',
      valueValidators: [nonEmpty({ enablingConditions: [equals('customerioLoadScript', true)] }), keyRule('The write key')],
      enablingConditions: [equals('customerioLoadScript', true)],
    }),
    select('customerioRegion', {
      displayName: 'Data center',
      items: [item('us', 'US (cdp.customer.io)'), item('eu', 'EU (cdp-eu.customer.io)')],
      defaultValue: 'us',
      enablingConditions: [equals('customerioLoadScript', true)],
    }),
  ],
});

const gistFields = checkbox('sendGist', {
  checkboxText: 'Gist (getgist.com)',
  defaultValue: false,
  help: 'Calls <code>gist.identify(userId, properties)</code>. Gist needs both a user ID and an email; property names are made ' +
    'snake_case and dates become Unix seconds in keys ending in <code>_at</code>.',
  subParams: [
    checkbox('gistLoadScript', {
      checkboxText: 'Load Gist if the page does not have it',
      defaultValue: false,
      enablingConditions: [equals('sendGist', true)],
    }),
    text('gistAppId', {
      displayName: 'Gist workspace (app) ID',
      help: 'In Gist: Settings → Installation; the id in <code>gist.setAppId("…")</code>.',
      valueValidators: [nonEmpty({ enablingConditions: [equals('gistLoadScript', true)] }), keyRule('The app ID')],
      enablingConditions: [equals('gistLoadScript', true)],
    }),
    checkbox('gistOverwriteTags', {
      checkboxText: 'Tags replace the contact\'s existing Gist tags',
      defaultValue: true,
      help: 'Untick to add the tags to those the contact already has (Gist\'s <code>overwrite_tags: false</code>).',
      enablingConditions: [equals('sendGist', true)],
    }),
    waitMs('gistWaitMs', 'sendGist', 'Wait for Gist on reset'),
  ],
});

const mutinyFields = checkbox('sendMutiny', {
  checkboxText: 'Mutiny',
  defaultValue: false,
  help: 'Calls <code>mutiny.client.identify(userId or null, traits)</code> with the company as Mutiny\'s account. Mutiny\'s ' +
    'snippet must already be on the page (its script is per customer, so this tag does not load it); without it the tag skips Mutiny.',
});

const connectoFields = checkbox('sendConnecto', {
  checkboxText: 'Connecto',
  defaultValue: false,
  help: 'Calls <code>_connecto.identify(id, tags)</code> with every trait as text. Anonymous visitors use Connecto\'s own id. ' +
    'Connecto has no queue, so the tag waits a bounded time for it.',
  subParams: [
    checkbox('connectoLoadScript', {
      checkboxText: 'Load Connecto if the page does not have it',
      defaultValue: false,
      enablingConditions: [equals('sendConnecto', true)],
    }),
    text('connectoLicenseKey', {
      displayName: 'Connecto license key',
      valueValidators: [nonEmpty({ enablingConditions: [equals('connectoLoadScript', true)] }), keyRule('The license key')],
      enablingConditions: [equals('connectoLoadScript', true)],
    }),
    waitMs('connectoWaitMs', 'sendConnecto', 'Wait for Connecto'),
  ],
});

const antsomiFields = checkbox('sendAntsomi', {
  checkboxText: 'Antsomi CDP365',
  defaultValue: false,
  help: 'Sends <code>web_event.track(\'user\', \'sign_in\' | \'sign_up\' | \'identify\', …)</code> with the customer\'s attributes. ' +
    'Antsomi needs a customer ID (by default the md5 of the lower-cased email).',
  subParams: [
    checkbox('antsomiLoadScript', {
      checkboxText: 'Load Antsomi\'s insight.js if the page does not have it',
      defaultValue: false,
      enablingConditions: [equals('sendAntsomi', true)],
    }),
    text('antsomiPortalId', {
      displayName: 'Portal ID',
      valueValidators: [
        nonEmpty({ enablingConditions: [equals('antsomiLoadScript', true)] }),
        regex(DIGITS_PATTERN, { errorMessage: 'The portal ID is a number.' }),
      ],
      enablingConditions: [equals('antsomiLoadScript', true)],
    }),
    text('antsomiPropertyId', {
      displayName: 'Property ID',
      valueValidators: [
        nonEmpty({ enablingConditions: [equals('antsomiLoadScript', true)] }),
        regex(DIGITS_PATTERN, { errorMessage: 'The property ID is a number.' }),
      ],
      enablingConditions: [equals('antsomiLoadScript', true)],
    }),
    select('antsomiCustomerIdFrom', {
      displayName: 'Customer ID from',
      items: [item('email', 'Email'), item('phone', 'Phone trait'), item('userId', 'User ID')],
      defaultValue: 'email',
      help: 'A customer ID can never change in Antsomi, so pick the source once and keep it.',
      enablingConditions: [equals('sendAntsomi', true)],
    }),
    select('antsomiCustomerIdHash', {
      displayName: 'Customer ID hashing',
      items: [item('md5', 'md5 (Antsomi\'s default)'), item('none', 'None: send as is')],
      defaultValue: 'md5',
      enablingConditions: [equals('sendAntsomi', true)],
    }),
    select('antsomiVocabulary', {
      displayName: 'Event format',
      items: [item('template', 'Antsomi GTM template'), item('devguide', 'Antsomi developer guide')],
      defaultValue: 'template',
      help: 'Which of Antsomi\'s two documented payloads your CDP365 portal expects; ask Antsomi when unsure.',
      enablingConditions: [equals('sendAntsomi', true)],
    }),
  ],
});

const destinationFields = group('destinationsGroup', {
  displayName: 'Send to',
  help: 'Tick every tool that should receive the call. One tool\'s problem is reported and never stops the others.',
}, [segmentFields, customerioFields, gistFields, mutinyFields, connectoFields, antsomiFields]);

const userFields = group('userGroup', { displayName: 'Who', enablingConditions: identifying }, [
  text('userId', {
    displayName: 'User ID',
    valueHint: '{{DLV - user id}}',
    alwaysInSummary: true,
    help: 'Your stable id for the person (a database id, not a name). Leave empty for visitors who are not logged in: ' +
      'each tool then identifies them its own anonymous way.',
  }),
  text('email', { displayName: 'Email', valueHint: '{{DLV - email}}', help: 'Used by Gist, Mutiny and Antsomi; an invalid address is dropped.' }),
  checkbox('useEmailAsUserId', {
    checkboxText: 'Use the email as the user ID when the User ID is empty',
    defaultValue: false,
    help: 'The lower-cased email becomes the id (Customer.io recommends this; Segment advises against it).',
  }),
  select('userIdHash', {
    displayName: 'Hash the user ID',
    items: [item('none', 'No'), item('sha256', 'SHA-256'), item('md5', 'md5')],
    defaultValue: 'none',
    help: 'Sends a hash instead of the id itself. An id that already is such a hash is sent unchanged; an email is lower-cased first.',
  }),
]);

const typeItems = [item('text', 'Text'), item('number', 'Number'), item('boolean', 'True / false'), item('date', 'Date')] as const;

const traitFields = group('traitsGroup', { displayName: 'Traits and tags', enablingConditions: identifying }, [
  simpleTable('traitRows', {
    displayName: 'Traits',
    newRowButtonText: 'Add trait',
    help: 'One row per trait, e.g. <code>plan = {{DLV - plan}}</code> as Text. Dates become ISO-8601 (Unix seconds for Gist). ' +
      'Reserved names may be camelCase or snake_case (first_name = firstName). Rows win over the traits object below.',
    columns: [
      column('key', 'Name', { isUnique: true, valueHint: 'plan', valueValidators: [nonEmpty(), regex(NAME_PATTERN, { errorMessage: 'A name has no commas or surrounding spaces.' })] }),
      column('value', 'Value', { valueHint: '{{DLV - plan}}' }),
      column('type', 'Type', { select: typeItems, defaultValue: 'text' }),
    ],
  }),
  text('traitsObject', {
    displayName: 'Traits object (variable)',
    valueHint: '{{DLV - user traits}}',
    help: 'A variable that returns an object of traits, e.g. a data layer variable for <code>user.traits</code>.',
  }),
  text('tagsText', {
    displayName: 'Tags',
    valueHint: 'vip, brand={{DLV - oemname}}',
    help: 'Comma-separated labels (<code>vip</code>) and key/value tags (<code>brand=Audi</code>).',
  }),
  simpleTable('tagRows', {
    displayName: 'More tags',
    newRowButtonText: 'Add tag',
    help: 'One tag per row; leave the value empty for a label.',
    columns: [
      column('name', 'Tag', { isUnique: true, valueHint: 'brand', valueValidators: [nonEmpty(), regex(NAME_PATTERN, { errorMessage: 'A tag name has no commas or surrounding spaces.' })] }),
      column('value', 'Value (optional)', { valueHint: '{{DLV - oemname}}' }),
    ],
  }),
  text('company', {
    displayName: 'Company',
    valueHint: '{{DLV - company}}',
    help: 'The account (B2B): a company name, or a variable returning an object such as <code>{id, name, plan}</code>.',
  }),
  simpleTable('companyRows', {
    displayName: 'Company details',
    newRowButtonText: 'Add company detail',
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
    help: 'Read values straight from the event that fired the tag, without creating variables: e.g. <code>oemname</code> → Tag ' +
      '<code>brand</code>, or <code>user.id</code> → User ID. Dotted paths reach inside objects. Fields filled in above win.',
    columns: [
      column('from', 'Data layer key', { valueHint: 'oemname', valueValidators: [nonEmpty()] }),
      column('as', 'Use as', {
        select: [item('trait', 'Trait'), item('tag', 'Tag'), item('userId', 'User ID'), item('email', 'Email')],
        defaultValue: 'trait',
      }),
      column('to', 'Name (traits and tags)', { valueHint: 'brand' }),
      column('type', 'Type', { select: typeItems, defaultValue: 'text' }),
    ],
  }),
]);

const consentFields = group('consentGroup', { displayName: 'Consent', style: 'ZIPPY_CLOSED' }, [
  checkbox('consentRequired', {
    checkboxText: 'Send only with consent',
    defaultValue: false,
    help: 'Checks Google consent mode before anything is sent (also for Reset).',
  }),
  select('consentType', {
    displayName: 'Required consent',
    items: [
      item('analytics_storage', 'analytics_storage'), item('ad_storage', 'ad_storage'), item('ad_user_data', 'ad_user_data'),
      item('ad_personalization', 'ad_personalization'), item('functionality_storage', 'functionality_storage'),
      item('personalization_storage', 'personalization_storage'), item('security_storage', 'security_storage'),
    ],
    defaultValue: 'analytics_storage',
    enablingConditions: [equals('consentRequired', true)],
  }),
  radio('consentWhenDenied', {
    displayName: 'When consent is denied',
    items: [
      radioItem('drop', 'Drop the call', { help: 'Nothing is sent for this event (Preview mode says so).' }),
      radioItem('wait', 'Wait, and send once consent is granted', { help: 'Sent once, as soon as the visitor grants consent on this page.' }),
    ],
    defaultValue: 'drop',
    enablingConditions: [equals('consentRequired', true)],
  }),
]);

const advancedFields = group('advancedGroup', { displayName: 'Advanced', style: 'ZIPPY_CLOSED' }, [
  checkbox('dedupe', {
    checkboxText: 'Skip if unchanged',
    defaultValue: false,
    help: 'Skips an identify whose user, traits and tags equal the last one sent to that tool, also on later page loads ' +
      '(a fingerprint is kept in localStorage, never the values). A Reset clears it.',
  }),
  label('debugHelp', 'Messages about dropped traits, missing emails or blocked tools appear in the browser console in GTM Preview mode only.'),
]);

export const FIELDS = [
  actionFields, destinationFields, userFields, traitFields, mappingFields, consentFields, advancedFields,
] as const;

/** What the template code receives as `data`. */
export type TemplateData = DataOf<typeof FIELDS>;
