// isConsentGranted, addConsentListener, setDefaultConsentState, updateConsentState.
// Default and update commands are "processed as soon as possible after the current event"
// (API reference), so the new state applies in a later task, not during the call. Writes need
// access_consent write on every consent type named; `region` and `wait_for_update` are
// settings, not consent types [INF].
import type { ApiFactory, ApiContext } from './context';
import { pushCommand } from './data-layer';

const SETTINGS = new Set(['region', 'wait_for_update']);

function consentWriter(command: 'default' | 'update'): ApiFactory {
  return ({ page, permissions }: ApiContext) => (settings: unknown) => {
    const values = (typeof settings === 'object' && settings !== null ? settings : {}) as Record<string, unknown>;
    for (const type of Object.keys(values)) {
      if (!SETTINGS.has(type)) permissions.enforce('access_consent', type, 'write');
    }
    const snapshot = { ...values };
    pushCommand(page, 'consent', command, snapshot);
    page.scheduler.schedule(() => {
      if (command === 'default') page.consent.setDefault(snapshot);
      else page.consent.update(snapshot);
    });
  };
}

export const CONSENT_APIS: Record<string, ApiFactory> = {
  isConsentGranted: ({ page, permissions }) => (consentType: string) => {
    permissions.enforce('access_consent', consentType, 'read');
    return page.consent.isGranted(consentType);
  },
  addConsentListener: ({ page, permissions }) => (consentType: string, listener: unknown) => {
    permissions.enforce('access_consent', consentType, 'read');
    if (typeof listener !== 'function') return;
    page.consent.addListener(consentType, (type, granted) => listener(type, granted));
  },
  setDefaultConsentState: consentWriter('default'),
  updateConsentState: consentWriter('update'),
};
