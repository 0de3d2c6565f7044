// Marketers' click tagging end to end: data-identify-* attributes or a selector rule → a push
// onto the data layer (GTM sees it too) → the get_dealer_details rule → identify with brand=Audi.
import { describe, expect, it } from 'vitest';
import type { BridgeConfig } from '../../src/bridge/index';
import { segmentPage } from './harness';

const RULES = { rules: [{ event: 'get_dealer_details', tags: ['brand'] }] };
const BUTTON = '<button id="dealer" data-identify-event="get_dealer_details" data-identify-brand="Audi">' +
  '<span>Get <b id="inner">dealer</b> details</span></button>';

function clickPage(html: string, config: Partial<BridgeConfig> = {}) {
  const page = segmentPage({ ...RULES, ...config });
  page.win.document.body.innerHTML = html;
  const click = (selector: string) => page.win.document.querySelector(selector).click();
  return { ...page, click };
}

describe('click tagging', () => {
  it('a click on a tagged button pushes its event and data, and identifies with the tag brand=Audi', async () => {
    const { win, calls, bridge, click } = clickPage(BUTTON);
    click('#dealer');
    expect([...win.dataLayer]).toEqual([{ event: 'get_dealer_details', brand: 'Audi' }]);
    await bridge.flush();
    expect(calls).toEqual([['identify', { brand: 'Audi' }]]);
  });

  it('a click on a child of the button counts for the button', async () => {
    const { calls, bridge, click } = clickPage(BUTTON);
    click('#inner');
    await bridge.flush();
    expect(calls).toEqual([['identify', { brand: 'Audi' }]]);
  });

  it('buttons added after the bridge started are tagged too', async () => {
    const { win, calls, bridge, click } = clickPage('<main></main>');
    win.document.querySelector('main').innerHTML = BUTTON.replace('Audi', 'Skoda');
    click('#inner');
    await bridge.flush();
    expect(calls).toEqual([['identify', { brand: 'Skoda' }]]);
  });

  it('a selector rule from the config tags elements the marketer cannot give attributes', async () => {
    const { win, calls, bridge, click } = clickPage('<a class="dealer-details" data-identify-model="Q5">Dealer</a>', {
      clicks: [{ selector: '.dealer-details', event: 'get_dealer_details', brand: 'Audi' }],
    });
    click('a');
    expect([...win.dataLayer]).toEqual([{ event: 'get_dealer_details', brand: 'Audi', model: 'Q5' }]);
    await bridge.flush();
    expect(calls).toEqual([['identify', { brand: 'Audi' }]]);
  });

  it('stop() removes the click listener', async () => {
    const { win, calls, bridge, click } = clickPage(BUTTON);
    bridge.stop();
    click('#dealer');
    expect([...win.dataLayer]).toEqual([]);
    expect(await bridge.flush()).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('clicks: false turns click tagging off', () => {
    const { win, click } = clickPage(BUTTON, { clicks: false });
    click('#dealer');
    expect([...win.dataLayer]).toEqual([]);
  });

  it('a custom attribute prefix is used for tagged elements', async () => {
    const { calls, bridge, click } = clickPage('<button data-track-event="get_dealer_details" data-track-brand="Audi">x</button>', {
      attributePrefix: 'data-track-',
    });
    click('button');
    await bridge.flush();
    expect(calls).toEqual([['identify', { brand: 'Audi' }]]);
  });
});

describe('a tagged click no rule claims', () => {
  const UNCLAIMED = '<button id="dealer" data-identify-event="get_dealer_details" data-identify-brand="Audi" data-identify-car-model="Q5">x</button>';

  it('identifies the visitor with the element’s other data-identify-* values as tags, and still reaches the data layer', async () => {
    const { win, calls, bridge, click } = clickPage(UNCLAIMED, { rules: [] });
    click('#dealer');
    expect([...win.dataLayer]).toEqual([{ event: 'get_dealer_details', brand: 'Audi', car_model: 'Q5' }]);
    await bridge.flush();
    expect(calls).toEqual([['identify', { brand: 'Audi', car_model: 'Q5' }]]);
  });

  it('identifies the user who signed in on the page, and nobody once that user logged out', async () => {
    const { calls, bridge, click, push } = clickPage(UNCLAIMED, { rules: [] });
    push({ event: 'user_sign_in', user_id: 'u1', email: 'ann@example.com' });
    click('#dealer');
    push({ event: 'user_logout' });
    click('#dealer');
    await bridge.flush();
    expect(calls).toEqual([
      ['identify', 'u1', { email: 'ann@example.com' }],
      ['identify', 'u1', { email: 'ann@example.com', brand: 'Audi', car_model: 'Q5' }],
      ['reset'],
      ['identify', { brand: 'Audi', car_model: 'Q5' }],
    ]);
  });

  it('is not identified when clicks: false', async () => {
    const { win, calls, bridge, click } = clickPage(UNCLAIMED, { rules: [], clicks: false });
    click('#dealer');
    await bridge.flush();
    expect([...win.dataLayer]).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('counts only inside clickContainer, and only for the events clickEvents lists', async () => {
    const html = '<main><button id="in" data-identify-event="promo" data-identify-brand="Audi">in</button>' +
      '<button id="other" data-identify-event="newsletter">other</button></main><footer>' + UNCLAIMED + '</footer>';
    const { win, calls, bridge, click } = clickPage(html, { rules: [], clickContainer: 'main', clickEvents: ['promo', 'get_dealer_details'] });
    click('#dealer');
    click('#other');
    click('#in');
    await bridge.flush();
    expect([...win.dataLayer]).toEqual([{ event: 'promo', brand: 'Audi' }]);
    expect(calls).toEqual([['identify', { brand: 'Audi' }]]);
  });
});

describe('untrusted HTML cannot choose who the visitor is', () => {
  // CMS or user content with an invisible link over the whole page
  const OVERLAY = '<a id="overlay" style="position:fixed;inset:0;opacity:0" data-identify-event="user_sign_in" ' +
    'data-identify-user_id="attacker-42" data-identify-email="attacker@evil.test">.</a>';

  it('an overlay tagged user_sign_in with a user id and an email pushes nothing and identifies nobody', async () => {
    const { win, calls, bridge, click, push, logs } = clickPage(OVERLAY, { debug: true });
    push({ event: 'user_sign_in', user_id: 'u1' });
    click('#overlay');
    await bridge.flush();
    expect([...win.dataLayer]).toEqual([{ event: 'user_sign_in', user_id: 'u1' }]);
    expect(calls).toEqual([['identify', 'u1', {}]]);
    expect(logs).toContain('[identify-bridge] click: data-identify-event="user_sign_in" ignored (not an event page HTML may push)');
  });

  it('the identity events and events a rule reads an id or email for, or resets on, are refused from attributes', async () => {
    const events = ['user_sign_in', 'user_sign_up', 'user_identify', 'user_logout', 'account_ready', 'profile_seen', 'bye'];
    const html = events.map((event) => `<a id="${event}" data-identify-event="${event}" data-identify-user_id="attacker-42">x</a>`).join('');
    const { win, calls, bridge, click, push } = clickPage(html, {
      defaultRules: false,
      rules: [{ event: 'account_ready', userId: 'uid' }, { event: /^profile_/, email: 'contact.email' }, { event: 'bye', action: 'reset' }],
    });
    push({ event: 'account_ready', uid: 'u1' });
    for (const event of events) click('#' + event);
    await bridge.flush();
    expect([...win.dataLayer]).toEqual([{ event: 'account_ready', uid: 'u1' }]);
    expect(calls).toEqual([['identify', 'u1', {}]]);
  });

  it('attributes cannot write the keys a model rule reads the user id from, dotted or not', async () => {
    const { calls, bridge, click, push } = clickPage(
      '<a id="a" data-identify-event="promo" data-identify-user.id="attacker-42" data-identify-user="attacker-42" data-identify-brand="Audi">x</a>',
      { rules: [{ event: 'page_identify', source: 'model', userId: 'user.id', tags: ['brand'] }, { event: 'promo', tags: ['brand'] }] },
    );
    push({ user: { id: 'u1' } });
    click('#a');
    push({ event: 'page_identify' });
    await bridge.flush();
    expect(calls).toEqual([['identify', { brand: 'Audi' }], ['identify', 'u1', { brand: 'Audi' }]]);
  });
});
