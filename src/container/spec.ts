// What template/container.json holds: the Identify template plus tags, triggers and variables
// for the common cases. Tag parameters are typed by the template's own FIELDS, so a renamed
// field breaks compilation here (and test/container checks the written keys against the .tpl).
import {
  condition, integerParam, booleanParam, ref, tagParameters, templateParam,
  type ContainerSpec, type TagSpec, type TagValues, type TriggerSpec, type VariableSpec,
} from '../toolchain/container-export';
import { ATTRIBUTE_PREFIX } from '../bridge/clicks';
import { DEFAULT_RULES, type Rule } from '../core/rules';
import { FIELDS } from '../template/fields';
import { VENDOR_KEYS, type KeyValues } from './keys';

type Values = TagValues<typeof FIELDS>;

/** The attributes the bridge's click tagging reads (src/bridge/clicks.ts), and the tag they feed. */
const TAGGED_SELECTOR = '[' + ATTRIBUTE_PREFIX + 'event]';
const BRAND_ATTRIBUTE = ATTRIBUTE_PREFIX + 'brand';
const DEALER_BUTTON_TEXT = 'Get Dealer Details';

const DLV = {
  userId: 'DLV - userId',
  email: 'DLV - email',
  traits: 'DLV - traits',
  oemname: 'DLV - oemname',
} as const;
const BRAND_FROM_ATTRIBUTE = 'CJS - data-identify-brand';

/**
 * GTM's Click Element is the innermost element clicked (an icon inside the button), and an
 * auto-event variable reads only that element; like the bridge (src/bridge/clicks.ts), the brand
 * comes from the closest tagged element instead. ES5, as Custom JavaScript variables require.
 */
const BRAND_FROM_CLOSEST = [
  'function() {',
  `  var element = ${ref('Click Element')};`,
  `  var tagged = element && element.closest ? element.closest('${TAGGED_SELECTOR}') : null;`,
  `  return tagged ? tagged.getAttribute('${BRAND_ATTRIBUTE}') || undefined : undefined;`,
  '}',
].join('\n');

const dataLayerVariable = (name: string, key: string, notes: string): VariableSpec => ({
  name,
  type: 'v',
  parameter: [integerParam('dataLayerVersion', 2), booleanParam('setDefaultValue', false), templateParam('name', key)],
  notes,
});

function variables(keys: KeyValues): VariableSpec[] {
  return [
    dataLayerVariable(DLV.userId, 'userId', 'The signed-in user\'s id, pushed by the site with its user_* events.'),
    dataLayerVariable(DLV.email, 'email', 'The user\'s email, pushed with the user_* events.'),
    dataLayerVariable(DLV.traits, 'traits', 'An object of traits (plan, firstName …), pushed with the user_* events.'),
    dataLayerVariable(DLV.oemname, 'oemname', 'The car brand of the page (e.g. dataLayer.push({oemname: "Audi"}) on a car page).'),
    {
      name: BRAND_FROM_ATTRIBUTE,
      type: 'jsm',
      parameter: [templateParam('javascript', BRAND_FROM_CLOSEST)],
      notes: `The ${BRAND_ATTRIBUTE} attribute of the clicked element or of its closest ${TAGGED_SELECTOR} ancestor.`,
    },
    ...(Object.keys(VENDOR_KEYS) as (keyof KeyValues)[]).map((field): VariableSpec => ({
      name: VENDOR_KEYS[field].constant,
      type: 'c',
      parameter: [templateParam('value', keys[field])],
      notes: `Replace the placeholder with your key (or build with a .env holding ${VENDOR_KEYS[field].env}).`,
    })),
  ];
}

const customEvent = (event: string): TriggerSpec => ({
  name: `CE - ${event}`,
  type: 'CUSTOM_EVENT',
  customEventFilter: [condition('EQUALS', '{{_event}}', event)],
});

/** One tag per default rule of the bridge (src/core/rules.ts), so both fire on the same events. */
const RULE_TAG_NAMES = { sign_in: 'Identify - sign in', sign_up: 'Identify - sign up', identify: 'Identify - profile update' } as const;

function ruleTag(rule: Rule): TagSpec {
  const trigger = customEvent(rule.event ?? '');
  if (rule.action === 'reset') {
    return { name: 'Identify - reset on logout', triggers: [trigger.name], parameter: tagParameters(FIELDS, { action: 'reset', ...destinations() }) };
  }
  const event = rule.identifyEvent ?? 'identify';
  return { name: RULE_TAG_NAMES[event], triggers: [trigger.name], parameter: tagParameters(FIELDS, { action: 'identify', ...who, event, ...destinations() }) };
}

export const TRIGGERS = {
  dealerText: {
    name: `Click - ${DEALER_BUTTON_TEXT} (button text)`,
    type: 'CLICK',
    filter: [
      condition('EQUALS', ref('Click Text'), DEALER_BUTTON_TEXT),
      // elements tagged with data attributes have their own trigger; one click, one identify
      condition('CSS_SELECTOR', ref('Click Element'), `${TAGGED_SELECTOR}, ${TAGGED_SELECTOR} *`, true),
    ],
    notes: 'Clicks on any element whose text is exactly "Get Dealer Details" and that carries no data-identify-event attribute.',
  },
  tagged: {
    name: `Click - ${TAGGED_SELECTOR} element`,
    type: 'CLICK',
    // Click Element is the innermost element clicked: match inside tagged elements too
    filter: [condition('CSS_SELECTOR', ref('Click Element'), `${TAGGED_SELECTOR}, ${TAGGED_SELECTOR} *`)],
    notes: 'Clicks on (or inside) elements tagged in HTML, e.g. <button data-identify-event="get_dealer_details" data-identify-brand="Audi">.',
  },
} as const satisfies Record<string, TriggerSpec>;

/** Every vendor on, scripts loaded with the key constants (Customer.io's snippet is the page's, see below). */
function destinations(): Values {
  const key = (field: keyof KeyValues) => ref(VENDOR_KEYS[field].constant);
  return {
    sendSegment: true, segmentLoadScript: true, segmentWriteKey: key('segmentWriteKey'),
    // Customer.io loaded by the tag would share `analytics` with Segment: use the page's snippet;
    // the key is ready for sites that tick "Load" and do not run Segment.
    sendCustomerio: true, customerioGlobal: 'cioanalytics', customerioLoadScript: false, customerioWriteKey: key('customerioWriteKey'),
    sendGist: true, gistLoadScript: true, gistAppId: key('gistAppId'),
    sendMutiny: true,
    sendConnecto: true, connectoLoadScript: true, connectoLicenseKey: key('connectoLicenseKey'),
    sendAntsomi: true, antsomiLoadScript: true, antsomiPortalId: key('antsomiPortalId'), antsomiPropertyId: key('antsomiPropertyId'),
    consentRequired: true, consentType: 'analytics_storage', consentWhenDenied: 'wait',
  };
}

const who: Values = { userId: ref(DLV.userId), email: ref(DLV.email), traitsObject: ref(DLV.traits) };

function tags(): TagSpec[] {
  const identify = (name: string, trigger: TriggerSpec, values: Values): TagSpec => ({
    name,
    triggers: [trigger.name],
    parameter: tagParameters(FIELDS, { action: 'identify', ...who, ...values, ...destinations() }),
  });
  return [
    ...DEFAULT_RULES.map(ruleTag),
    identify(`Identify - ${DEALER_BUTTON_TEXT} click (brand from data layer)`, TRIGGERS.dealerText, {
      event: 'identify', tagRows: [{ name: 'brand', value: ref(DLV.oemname) }],
    }),
    identify('Identify - tagged click (brand from data attribute)', TRIGGERS.tagged, {
      event: 'identify', tagRows: [{ name: 'brand', value: ref(BRAND_FROM_ATTRIBUTE) }],
    }),
  ];
}

/** Fixed ids and time: the container is a build output and must not change between runs. */
export function containerSpec(templateText: string, keys: KeyValues): ContainerSpec {
  return {
    name: 'gtm-identify',
    publicId: 'GTM-XXXXXXX',
    accountId: '0',
    containerId: '0',
    exportTime: '2025-01-01 00:00:00',
    folder: 'gtm-identify',
    template: { name: 'Identify', templateData: templateText },
    builtIns: ['EVENT', 'CLICK_ELEMENT', 'CLICK_TEXT'],
    variables: variables(keys),
    triggers: [...DEFAULT_RULES.map((rule) => customEvent(rule.event ?? '')), ...Object.values(TRIGGERS)],
    tags: tags(),
  };
}

