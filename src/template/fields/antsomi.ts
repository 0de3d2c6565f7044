// Antsomi CDP365's options in the Destinations section (src/core/vendors/antsomi.ts reads them as its
// Destination options; src/template/destinations.ts names which). Adding a vendor: docs/adding-a-vendor.md.
import { checkbox, equals, group, item, regex, select, text } from '../../toolchain/fields';
import { DIGITS_PATTERN, loadScript, required } from './shared';

export const SEND_FIELD = checkbox('sendAntsomi', {
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

/** Fields holding an account key or id: the ready-made container gives each a Constant (src/container/keys.ts). */
export const KEY_FIELDS = ['antsomiPortalId', 'antsomiPropertyId'] as const;
