// Mutiny's options in the Destinations section (src/core/vendors/mutiny.ts reads them as its
// Destination options; src/template/destinations.ts names which). Adding a vendor: docs/adding-a-vendor.md.
import { checkbox } from '../../toolchain/fields';

export const SEND_FIELD = checkbox('sendMutiny', {
  checkboxText: 'Mutiny',
  defaultValue: false,
  help: 'Sends the user ID, traits and company to Mutiny (<code>mutiny.client.identify</code>). Mutiny\'s own snippet must ' +
    'already be on the page: it is different for every customer, so this tag cannot load it, and skips Mutiny without it.',
});

/** Fields holding an account key or id: the ready-made container gives each a Constant (src/container/keys.ts). */
export const KEY_FIELDS = [] as const;
