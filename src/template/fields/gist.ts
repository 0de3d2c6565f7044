// Gist's options in the Destinations section (src/core/vendors/gist.ts reads them as its
// Destination options; src/template/destinations.ts names which). Adding a vendor: docs/adding-a-vendor.md.
import { checkbox, equals, text } from '../../toolchain/fields';
import { keyRule, loadScript, required, waitMs } from './shared';

export const SEND_FIELD = checkbox('sendGist', {
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

/** Fields holding an account key or id: the ready-made container gives each a Constant (src/container/keys.ts). */
export const KEY_FIELDS = ['gistAppId'] as const;
