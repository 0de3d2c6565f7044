// ___TEMPLATE_PARAMETERS___: what a marketer fills in. The names are the keys of `data` in
// code.ts (DataOf<typeof FIELDS>) and of the tags in template/container.json, so they must stay
// stable. Every vendor option maps one to one onto the Destination options of src/core/model.ts;
// the rules themselves live in core — fields only validate what GTM can check while editing.
import {
  checkbox, column, equals, group, item, label, nonEmpty, radio, radioItem, regex, select,
  simpleTable, text,
} from '../toolchain/fields';
import type { DataOf, Field } from '../toolchain/fields';

/** A GTM variable reference such as {{DLV - user id}}: validators must let it through. */
const VARIABLE = '\\{\\{[^{}]+\\}\\}';
/** Keys, app ids and license keys: letters, digits, _ and - (core's KEY_CHARS), or a variable. */
const KEY_PATTERN = '^([A-Za-z0-9_-]+|' + VARIABLE + ')$';
/** Antsomi portal and property ids, and waits in ms: whole numbers, or a variable. */
const DIGITS_PATTERN = '^([0-9]+|' + VARIABLE + ')$';
/** A trait or tag name: no commas (Gist joins tags with commas), no leading/trailing space. */
const NAME_PATTERN = '^[^,\\s]([^,]*[^,\\s])?$';

const identifying = [equals('action', 'identify')];
const keyRule = (what: string) =>
  regex(KEY_PATTERN, { errorMessage: what + ' has only letters, digits, _ and - (no spaces), or is a {{variable}}.' });
const required = (what: string, untick: string, loadCheckbox: string) =>
  nonEmpty({ errorMessage: 'Enter the ' + what + ', or untick "' + untick + '".', enablingConditions: [equals(loadCheckbox, true)] });
/** A wait in ms: digits or a {{variable}} (NON_NEGATIVE_NUMBER would refuse a variable). */
const waitMs = <N extends string>(name: N, checkboxName: string, what: string, help: string) =>
  text(name, {
    displayName: what,
    valueUnit: 'ms',
    defaultValue: '5000',
    help: help + ' At most 30000 ms; empty means 5000. The other tools are sent to at once.',
    valueValidators: [regex(DIGITS_PATTERN, { errorMessage: 'Enter a whole number of milliseconds, e.g. 5000 (or a {{variable}}).' })],
    enablingConditions: [equals(checkboxName, true)],
  });
/**
 * "Load the vendor's script" checkbox with the fields that loading needs nested under it: GTM ORs
 * enabling conditions, so nesting is what shows a key only while both the vendor and Load are ticked.
 */
const loadScript = <N extends string, const S extends readonly Field[]>(name: N, vendorCheckbox: string, checkboxText: string, help: string, subParams: S) =>
  checkbox(name, { checkboxText, defaultValue: false, help, enablingConditions: [equals(vendorCheckbox, true)], subParams });

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

const segmentFields = checkbox('sendSegment', {
  checkboxText: 'Segment',
  defaultValue: false,
  help: 'Sends the user ID and traits to Segment (<code>analytics.identify</code>). Without a user ID only traits are sent: ' +
    'Segment adds them to the last user who signed in on this browser, or to its anonymous ID after a Reset (fire one on logout).',
  subParams: [
    loadScript('segmentLoadScript', 'sendSegment', 'Load Segment (analytics.js) if the page does not have it',
      'Leave unticked when your site already runs the Segment snippet. Calls made before Segment has loaded wait in its queue; none is lost.', [
        text('segmentWriteKey', {
          displayName: 'Segment write key',
          valueHint: 'e.g. a1B2c3D4e5F6g7H8',
          help: 'In Segment: Connections → Sources → your JavaScript (website) source → Settings → API Keys.',
          valueValidators: [required('write key', 'Load Segment', 'segmentLoadScript'), keyRule('A write key')],
          enablingConditions: [equals('segmentLoadScript', true)],
        }),
      ]),
  ],
});

const customerioFields = checkbox('sendCustomerio', {
  checkboxText: 'Customer.io (Data Pipelines)',
  defaultValue: false,
  help: 'Sends the user ID and traits to Customer.io\'s website snippet (<code>cioanalytics.identify</code>), the same way as Segment.',
  subParams: [
    select('customerioGlobal', {
      displayName: 'Snippet on the page',
      items: [item('cioanalytics', 'Current snippet (cioanalytics)'), item('analytics', 'Older snippet (analytics)')],
      defaultValue: 'cioanalytics',
      help: 'Look at your Customer.io snippet: if it mentions <code>cioanalytics</code>, keep Current; older snippets use <code>analytics</code>.',
      enablingConditions: [equals('sendCustomerio', true)],
    }),
    loadScript('customerioLoadScript', 'sendCustomerio', 'Load Customer.io if the page does not have it',
      'Leave unticked when your site already runs the Customer.io snippet. A Customer.io loaded by this tag lives in ' +
      '<code>analytics</code>: on pages that run Segment it is not loaded (Preview mode says so); add Customer.io\'s current snippet there instead.', [
        select('customerioRegion', {
          displayName: 'Data center',
          items: [item('us', 'US (cdp.customer.io)'), item('eu', 'EU (cdp-eu.customer.io)')],
          defaultValue: 'us',
          help: 'The region your Customer.io workspace was created in.',
          enablingConditions: [equals('customerioLoadScript', true)],
        }),
      ]),
    // A group: ticking Customer.io AND (Load or the older snippet); GTM ORs a field's own conditions.
    group('groupCustomerioKey', { enablingConditions: [equals('sendCustomerio', true)] }, [
      text('customerioWriteKey', {
        displayName: 'Customer.io write key',
        valueHint: 'e.g. a1B2c3D4e5F6g7H8',
        help: 'In Customer.io: Data Pipelines → Sources → your JavaScript source → Settings → API Key. Needed to load Customer.io, and ' +
          'with the older snippet: <code>analytics</code> may be Segment\'s, so the tag sends there only when its write key is this one.',
        valueValidators: [
          nonEmpty({ errorMessage: 'Enter the write key, or untick "Load Customer.io" and use the current snippet.', enablingConditions: [equals('customerioLoadScript', true), equals('customerioGlobal', 'analytics')] }),
          keyRule('A write key'),
        ],
        enablingConditions: [equals('customerioLoadScript', true), equals('customerioGlobal', 'analytics')],
      }),
    ]),
  ],
});

const gistFields = checkbox('sendGist', {
  checkboxText: 'Gist',
  defaultValue: false,
  help: 'Sends the user ID, email, traits and tags to Gist (getgist.com) as a contact. Gist needs an email; with no user ID the ' +
    'visitor is sent as a lead (an empty user ID, as Gist documents). ' +
    'trait names are sent in snake_case (<code>firstName</code> → <code>first_name</code>) and dates as Unix seconds.',
  subParams: [
    loadScript('gistLoadScript', 'sendGist', 'Load Gist if the page does not have it',
      'Leave unticked when your site already runs the Gist snippet.', [
        text('gistAppId', {
          displayName: 'Gist workspace (app) ID',
          valueHint: 'e.g. ab12cd34',
          help: 'In Gist: Settings → Installation; the ID inside <code>gist.setAppId("…")</code> of your snippet.',
          valueValidators: [required('workspace ID', 'Load Gist', 'gistLoadScript'), keyRule('A workspace ID')],
          enablingConditions: [equals('gistLoadScript', true)],
        }),
      ]),
    checkbox('gistOverwriteTags', {
      checkboxText: 'Labels replace all of the contact\'s Gist tags',
      defaultValue: false,
      help: 'Unticked, labels are added to the tags the contact already has. Ticked (Gist\'s own default), they replace all of them, ' +
        'also tags set by Gist\'s automations or other tools.',
      enablingConditions: [equals('sendGist', true)],
    }),
    waitMs('gistWaitMs', 'sendGist', 'On Reset, wait for Gist up to',
      'Gist can only close its chat once its widget has loaded: how long a Reset waits for it.'),
  ],
});

const mutinyFields = checkbox('sendMutiny', {
  checkboxText: 'Mutiny',
  defaultValue: false,
  help: 'Sends the user ID, traits and company to Mutiny (<code>mutiny.client.identify</code>). Mutiny\'s own snippet must ' +
    'already be on the page: it is different for every customer, so this tag cannot load it, and skips Mutiny without it.',
});

const connectoFields = checkbox('sendConnecto', {
  checkboxText: 'Connecto',
  defaultValue: false,
  help: 'Sends the user ID and traits to Connecto (<code>_connecto.identify</code>), every value as text. Visitors who are not ' +
    'logged in are sent under Connecto\'s own visitor ID.',
  subParams: [
    loadScript('connectoLoadScript', 'sendConnecto', 'Load Connecto if the page does not have it',
      'Leave unticked when your site already runs the Connecto snippet.', [
        text('connectoLicenseKey', {
          displayName: 'Connecto license key',
          valueHint: 'e.g. a1b2c3d4e5f6g7h8',
          help: 'The 16-character key in your Connecto snippet (<code>_TConnecto.licenseKey</code>).',
          valueValidators: [required('license key', 'Load Connecto', 'connectoLoadScript'), keyRule('A license key')],
          enablingConditions: [equals('connectoLoadScript', true)],
        }),
      ]),
    waitMs('connectoWaitMs', 'sendConnecto', 'Wait for Connecto up to',
      'Connecto cannot queue calls made before it has loaded, so the tag waits for it; when it has not appeared in time, nothing is sent to Connecto (Preview mode says so).'),
  ],
});

const antsomiFields = checkbox('sendAntsomi', {
  checkboxText: 'Antsomi CDP365',
  defaultValue: false,
  help: 'Records a sign-in, sign-up or identify in Antsomi CDP365 with the customer\'s email, phone, name and other traits. ' +
    'Antsomi needs a customer ID: by default an MD5 hash of the lower-cased email, so visitors without an email are not sent to Antsomi.',
  subParams: [
    loadScript('antsomiLoadScript', 'sendAntsomi', 'Load Antsomi (insight.js) if the page does not have it',
      'Leave unticked when your site already runs Antsomi\'s tracking code or its GTM tag.', [
        text('antsomiPortalId', {
          displayName: 'Portal ID',
          valueHint: 'e.g. 33167',
          help: 'A number: <code>_portalId</code> in Antsomi\'s tracking code.',
          valueValidators: [required('portal ID', 'Load Antsomi', 'antsomiLoadScript'), regex(DIGITS_PATTERN, { errorMessage: 'The portal ID is a number, e.g. 33167 (or a {{variable}}).' })],
          enablingConditions: [equals('antsomiLoadScript', true)],
        }),
        text('antsomiPropertyId', {
          displayName: 'Property ID',
          valueHint: 'e.g. 556380312',
          help: 'A number: <code>_propId</code> in Antsomi\'s tracking code.',
          valueValidators: [required('property ID', 'Load Antsomi', 'antsomiLoadScript'), regex(DIGITS_PATTERN, { errorMessage: 'The property ID is a number, e.g. 556380312 (or a {{variable}}).' })],
          enablingConditions: [equals('antsomiLoadScript', true)],
        }),
      ]),
    select('antsomiCustomerIdFrom', {
      displayName: 'Customer ID from',
      items: [item('email', 'Email'), item('phone', 'The trait named phone'), item('userId', 'User ID')],
      defaultValue: 'email',
      help: 'Antsomi never changes a customer\'s ID once set, so pick the source once and keep it for every tag.',
      enablingConditions: [equals('sendAntsomi', true)],
    }),
    // A group: ticking Antsomi AND the customer ID coming from the email.
    group('groupAntsomiEmail', { enablingConditions: [equals('sendAntsomi', true)] }, [
      select('antsomiCustomerIdEmail', {
        displayName: 'Email before hashing',
        items: [item('lowercase', 'Lower-cased'), item('asGiven', 'As given (as Antsomi\'s guide)')],
        defaultValue: 'lowercase',
        help: 'Keep Lower-cased, so that Ann@Example.com and ann@example.com are one customer. Pick As given only when other ' +
          'Antsomi integrations on your site already send md5 of the email as typed: the customer ID must match theirs, and can never change.',
        enablingConditions: [equals('antsomiCustomerIdFrom', 'email')],
      }),
    ]),
    select('antsomiCustomerIdHash', {
      displayName: 'Customer ID hashing',
      items: [item('md5', 'MD5 (Antsomi\'s default)'), item('none', 'None: send the value as it is')],
      defaultValue: 'md5',
      help: 'Keep MD5 unless your other Antsomi sources send customer IDs unhashed. A value that already is an MD5 hash is sent as it is.',
      enablingConditions: [equals('sendAntsomi', true)],
    }),
    select('antsomiVocabulary', {
      displayName: 'Event format',
      items: [item('template', 'As Antsomi\'s GTM template sends it'), item('devguide', 'As Antsomi\'s developer guide describes it')],
      defaultValue: 'template',
      help: 'Antsomi documents two formats for these events. Keep the first unless Antsomi told you your portal expects the developer-guide format.',
      enablingConditions: [equals('sendAntsomi', true)],
    }),
  ],
});

const destinationFields = group('destinationsGroup', {
  displayName: 'Send to',
  help: 'Tick every tool that should receive the call. A problem with one tool is reported in Preview mode and never stops the others. ' +
    'Keys and IDs below may be typed in or come from a variable, e.g. a Constant.',
}, [segmentFields, customerioFields, gistFields, mutinyFields, connectoFields, antsomiFields]);

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
