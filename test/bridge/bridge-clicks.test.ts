// Marketers' click tagging end to end: data-identify-* attributes or a selector rule → a push
// onto the data layer (GTM sees it too) → the get_dealer_details rule → identify with brand=Audi.
import { describe, expect, it } from 'vitest';
import { segmentPage } from './harness';

const RULES = { rules: [{ event: 'get_dealer_details', tags: ['brand'] }] };
const BUTTON = '<button id="dealer" data-identify-event="get_dealer_details" data-identify-brand="Audi">' +
  '<span>Get <b id="inner">dealer</b> details</span></button>';

function clickPage(html: string, config = {}) {
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
