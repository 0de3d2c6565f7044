// A bad config: one clear console warning listing every problem, nothing started, no throw.
import { describe, expect, it } from 'vitest';
import type { BridgeConfig } from '../../src/bridge/index';
import { newPage, startOn } from './harness';

function tryConfig(config: unknown) {
  const { win, warnings } = newPage();
  const handle = startOn(win, config as BridgeConfig);
  return { win, warnings, handle };
}

describe('a bad config', () => {
  it.each([
    ['no config at all', undefined, 'the config must be an object'],
    ['a string', 'segment', 'the config must be an object'],
    ['no destinations', {}, 'destinations must be a non-empty list'],
    ['an unknown vendor', { destinations: [{ vendor: 'mixpanel' }] }, 'destination 1: vendor "mixpanel" is not one of segment, customerio, gist, mutiny, connecto, antsomi'],
    ['a vendor listed twice', { destinations: [{ vendor: 'gist' }, { vendor: 'gist' }] }, 'destination 2: gist is listed twice'],
    ['a misspelt option', { destination: [{ vendor: 'segment' }] }, 'unknown option "destination"'],
    ['a data layer name that is not a global name', { destinations: [{ vendor: 'segment' }], dataLayerName: 'a.b' }, 'dataLayerName must be a global variable name'],
    ['a rule without an event', { destinations: [{ vendor: 'segment' }], rules: [{ userId: 'id' }] }, 'rule 1: event must be an event name or a regular expression'],
    ['a rule with an unknown action', { destinations: [{ vendor: 'segment' }], rules: [{ event: 'x', action: 'logout' }] }, 'rule 1: action must be "identify" or "reset"'],
    ['a rule with an unknown key', { destinations: [{ vendor: 'segment' }], rules: [{ event: 'x', trait: {} }] }, 'rule 1: unknown key "trait"'],
    ['a rule path that is not text', { destinations: [{ vendor: 'segment' }], rules: [{ event: 'x', traits: { brand: 3 } }] }, 'rule 1: trait "brand" must be a dotted path'],
    ['a rule with an unknown source', { destinations: [{ vendor: 'segment' }], rules: [{ event: 'x', source: 'page' }] }, 'rule 1: source must be "message" or "model"'],
    ['an invalid click selector', { destinations: [{ vendor: 'segment' }], clicks: [{ selector: '[[', event: 'x' }] }, 'click 1: "[[" is not a valid CSS selector'],
    ['a click rule without an event', { destinations: [{ vendor: 'segment' }], clicks: [{ selector: 'a' }] }, 'click 1 needs a selector and an event'],
    ['a flag that is not a boolean', { destinations: [{ vendor: 'segment' }], debug: 'yes' }, 'debug must be true or false'],
    ['an unknown hash method', { destinations: [{ vendor: 'segment' }], userIdHash: 'sha1' }, 'userIdHash must be "none", "sha256" or "md5"'],
    ['a consent setting of the wrong kind', { destinations: [{ vendor: 'segment' }], consent: { whenDenied: 'later' } }, 'consent.whenDenied must be "drop" or "wait"'],
    ['a consent type that is not text', { destinations: [{ vendor: 'segment' }], consent: { type: 7 } }, 'consent.type must be a consent type such as "analytics_storage"'],
    ['an own __proto__ key', JSON.parse('{"destinations": [{"vendor": "segment"}], "__proto__": {"debug": true}}'), 'unknown option "__proto__"'],
    ['a rule that is not an object', { destinations: [{ vendor: 'segment' }], rules: ['user_sign_in'] }, 'rule 1 must be an object'],
    ['a rule with an unknown identifyEvent', { destinations: [{ vendor: 'segment' }], rules: [{ event: 'x', identifyEvent: 'login' }] }, 'rule 1: identifyEvent must be "identify", "sign_in" or "sign_up"'],
    ['a trait with an unknown type', { destinations: [{ vendor: 'segment' }], rules: [{ event: 'x', traits: { seats: { path: 'car.seats', type: 'integer' } } }] }, 'rule 1: trait "seats" type must be "text", "number", "boolean" or "date"'],
    ['tags that are neither a list nor an object', { destinations: [{ vendor: 'segment' }], rules: [{ event: 'x', tags: 'brand' }] }, 'rule 1: tags must be a list of names or an object of name → path'],
    ['a tag name that reaches a prototype', { destinations: [{ vendor: 'segment' }], rules: [{ event: 'x', tags: ['__proto__'] }] }, 'rule 1: "__proto__" is not a usable tag name'],
    ['clicks that are not a list', { destinations: [{ vendor: 'segment' }], clicks: '.cta' }, 'clicks must be a list of {selector, event} or false'],
    ['a click rule with an empty selector', { destinations: [{ vendor: 'segment' }], clicks: [{ selector: '', event: 'x' }] }, 'click 1 needs a selector and an event'],
    ['a click rule that is not an object', { destinations: [{ vendor: 'segment' }], clicks: [null] }, 'click 1 needs a selector and an event'],
    ['click data that is not text', { destinations: [{ vendor: 'segment' }], clicks: [{ selector: 'a', event: 'x', seats: 5 }] }, 'click 1: "seats" must be a string'],
    ['click events that are not a list of names', { destinations: [{ vendor: 'segment' }], clickEvents: 'promo' }, 'clickEvents must be a list of event names'],
    ['a click container that is not a selector', { destinations: [{ vendor: 'segment' }], clickContainer: '[[' }, 'clickContainer must be a CSS selector such as "#main"'],
    ['an attribute prefix that cannot start an attribute name', { destinations: [{ vendor: 'segment' }], attributePrefix: 'data-"x-' }, 'attributePrefix must be text such as "data-identify-"'],
  ])('%s logs one warning, starts nothing and does not throw', (_name, config, problem) => {
    const { win, warnings } = tryConfig(config);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\[identify-bridge\] not started/);
    expect(warnings[0]).toContain(problem);
    expect(win.dataLayer).toBeUndefined();
  });

  it('lists every problem in the one warning', () => {
    const { warnings } = tryConfig({ destinations: [{ vendor: 'nope' }], rules: 'all', colour: 'red' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('unknown option "colour"');
    expect(warnings[0]).toContain('destination 1: vendor "nope"');
    expect(warnings[0]).toContain('rules must be a list');
  });

  it('leaves an existing data layer and its push untouched, and its handle does nothing', async () => {
    const { win } = newPage();
    win.dataLayer = [{ event: 'user_sign_in', user_id: 'u1' }];
    const handle = startOn(win, { destinations: [] });
    expect(Object.prototype.hasOwnProperty.call(win.dataLayer, 'push')).toBe(false);
    handle.stop();
    expect(await handle.flush()).toEqual([]);
  });

  it('a config whose getters throw is a warning, not an exception', () => {
    const config = { get destinations(): never[] { throw new Error('boom'); } };
    const { warnings } = tryConfig(config);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('boom');
  });
});

describe('a good config', () => {
  it('starts without any warning, whatever vendor options it carries', () => {
    const { warnings, win } = tryConfig({
      destinations: [{ vendor: 'segment', writeKey: 'k1' }, { vendor: 'antsomi', vocabulary: 'devguide' }],
      rules: [{ event: /^lead/, traits: { brand: 'oemname' }, tags: ['brand'] }],
      clicks: [{ selector: '.dealer-details', event: 'get_dealer_details', brand: 'Audi' }],
      consent: true, dedupe: true, debug: false, listenToPast: false,
    });
    expect(warnings).toEqual([]);
    expect(Object.prototype.hasOwnProperty.call(win.dataLayer, 'push')).toBe(true);
  });
});
