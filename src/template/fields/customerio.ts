// Customer.io's options in the Destinations section (src/core/vendors/customerio.ts reads them as its
// Destination options; src/template/destinations.ts names which). Adding a vendor: docs/adding-a-vendor.md.
import { checkbox, equals, group, item, nonEmpty, select, text } from '../../toolchain/fields';
import { keyRule, loadScript } from './shared';

export const SEND_FIELD = checkbox('sendCustomerio', {
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

/** Fields holding an account key or id: the ready-made container gives each a Constant (src/container/keys.ts). */
export const KEY_FIELDS = ['customerioWriteKey'] as const;
