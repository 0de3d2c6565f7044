// Connecto's options in the Destinations section (src/core/vendors/connecto.ts reads them as its
// Destination options; src/template/destinations.ts names which). Adding a vendor: docs/adding-a-vendor.md.
import { checkbox, equals, text } from '../../toolchain/fields';
import { keyRule, loadScript, required, waitMs } from './shared';

export const SEND_FIELD = checkbox('sendConnecto', {
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

/** Fields holding an account key or id: the ready-made container gives each a Constant (src/container/keys.ts). */
export const KEY_FIELDS = ['connectoLicenseKey'] as const;
