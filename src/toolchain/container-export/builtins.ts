// GTM's built-in variables: the name each type has in `{{…}}` references and in exports.
import type { BuiltInVariableType } from './model';

export const BUILT_IN_NAMES: Record<BuiltInVariableType, string> = {
  PAGE_URL: 'Page URL',
  PAGE_HOSTNAME: 'Page Hostname',
  PAGE_PATH: 'Page Path',
  REFERRER: 'Referrer',
  EVENT: 'Event',
  CLICK_ELEMENT: 'Click Element',
  CLICK_CLASSES: 'Click Classes',
  CLICK_ID: 'Click ID',
  CLICK_TARGET: 'Click Target',
  CLICK_URL: 'Click URL',
  CLICK_TEXT: 'Click Text',
};

/** `{{_event}}` is GTM's internal event-name reference in custom event filters; no variable backs it. */
export const INTERNAL_REFERENCES: readonly string[] = ['_event'];
