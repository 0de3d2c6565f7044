// Segment's options in the Destinations section (src/core/vendors/segment.ts reads them as its
// Destination options; src/template/destinations.ts names which). Adding a vendor: docs/adding-a-vendor.md.
import { checkbox, equals, text } from '../../toolchain/fields';
import { keyRule, loadScript, required } from './shared';

export const SEND_FIELD = checkbox('sendSegment', {
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

/** Fields holding an account key or id: the ready-made container gives each a Constant (src/container/keys.ts). */
export const KEY_FIELDS = ['segmentWriteKey'] as const;
