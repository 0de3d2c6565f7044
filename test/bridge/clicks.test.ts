// @vitest-environment happy-dom
// watchClicks on its own: tagged elements and selector rules become click messages.
import { afterEach, describe, expect, it } from 'vitest';
import { watchClicks, type ClickHooks, type ClickMessage, type ClickOptions, type ClickRule } from '../../src/bridge/clicks';
import { watch } from './harness';

/** Click tagging on `html` with the config's click options; `lines` gets what it logs (debug lines, errors). */
function start(html: string, options: ClickOptions = {}, hooks: Partial<ClickHooks> = {}) {
  document.body.innerHTML = html;
  const pushed: ClickMessage[] = [];
  const lines: string[] = [];
  const watcher = watchClicks(document, options, {
    push: (message) => pushed.push(message),
    log: (line) => lines.push(line),
    refuses: () => false,
    refusedKeys: [],
    ...hooks,
  });
  stops.push(watcher.stop);
  const click = (selector: string) => (document.querySelector(selector) as HTMLElement).click();
  return { pushed, lines, watcher, click };
}

const stops: Array<() => void> = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
  document.body.innerHTML = '';
});

const dealerButton =
  '<button id="dealer" data-identify-event="get_dealer_details" data-identify-brand="Audi" data-identify-model="Q5">' +
  '<span id="label">Get <b id="bold">dealer</b> details</span></button>';

describe('click tagging with attributes', () => {
  it('a click on a tagged element pushes its event and data as strings', () => {
    const { pushed, click } = start(dealerButton);
    click('#dealer');
    expect(pushed).toEqual([{ event: 'get_dealer_details', brand: 'Audi', model: 'Q5' }]);
  });

  it('a click on a child of a tagged element counts for the tagged element', () => {
    const { pushed, click } = start(dealerButton);
    click('#bold');
    expect(pushed).toEqual([{ event: 'get_dealer_details', brand: 'Audi', model: 'Q5' }]);
  });

  it('kebab-case attribute names become snake_case keys', () => {
    const { pushed, click } = start('<a id="a" data-identify-event="x" data-identify-car-model="Q5" data-identify-dealer-zip-code="80331">go</a>');
    click('#a');
    expect(pushed).toEqual([{ event: 'x', car_model: 'Q5', dealer_zip_code: '80331' }]);
  });

  it('elements added after start are tagged too', () => {
    const { pushed } = start('');
    document.body.insertAdjacentHTML('beforeend', dealerButton);
    (document.querySelector('#label') as HTMLElement).click();
    expect(pushed).toHaveLength(1);
  });

  it('with nested tagged elements the innermost wins', () => {
    const { pushed, click } = start(
      '<div data-identify-event="outer" data-identify-brand="VW"><button id="inner" data-identify-event="inner" data-identify-model="Golf">' +
        '<i id="icon"></i></button><p id="outside">text</p></div>',
    );
    click('#icon');
    click('#outside');
    expect(pushed).toEqual([
      { event: 'inner', model: 'Golf' },
      { event: 'outer', brand: 'VW' },
    ]);
  });

  it('an empty event attribute does not tag the element', () => {
    const { pushed, click } = start('<button id="b" data-identify-event="">x</button>');
    click('#b');
    expect(pushed).toEqual([]);
  });

  it('untagged clicks push nothing', () => {
    const { pushed, click } = start('<button id="plain">x</button>');
    click('#plain');
    expect(pushed).toEqual([]);
  });

  it('a custom attribute prefix is honoured', () => {
    const { pushed, click } = start('<button id="b" data-track-event="cta" data-track-brand="Audi" data-identify-event="ignored">x</button>', {
      attributePrefix: 'data-track-',
    });
    click('#b');
    expect(pushed).toEqual([{ event: 'cta', brand: 'Audi' }]);
  });

  it('sees clicks whose bubbling a page handler stops', () => {
    const { pushed, click } = start(dealerButton);
    document.querySelector('#dealer')!.addEventListener('click', (e) => e.stopPropagation());
    click('#bold');
    expect(pushed).toHaveLength(1);
  });
});

describe('untrusted HTML', () => {
  it('attributes never set a user id, an email, a dotted path or a prototype key, and debug says which were dropped', () => {
    const { pushed, click, lines } = start(
      '<a id="a" data-identify-event="promo" data-identify-user_id="attacker-42" data-identify-userid="a" data-identify-email="x@evil.test" ' +
        'data-identify-user.id="a" data-identify-__proto__="p" data-identify-constructor="c" data-identify-uid="u" data-identify-brand="Audi">x</a>',
      {}, { refusedKeys: ['uid'] },
    );
    click('#a');
    expect(pushed).toEqual([{ event: 'promo', brand: 'Audi' }]);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe('click: data-identify-user_id ignored (page HTML sets no identity, path or prototype key)');
  });

  it('an attribute-tagged element pushes no event that refuses names, and debug says so', () => {
    const { pushed, click, lines } = start('<a id="a" data-identify-event="user_sign_in" data-identify-brand="Audi">x</a>', {}, {
      refuses: (event) => event === 'user_sign_in',
    });
    click('#a');
    expect(pushed).toEqual([]);
    expect(lines).toEqual(['click: data-identify-event="user_sign_in" ignored (not an event page HTML may push)']);
  });

  it('with an allow-list, attributes push only the listed events, and never a refused one', () => {
    const { pushed, click } = start('<a id="a" data-identify-event="promo">a</a><a id="b" data-identify-event="get_dealer_details">b</a>' +
      '<a id="c" data-identify-event="user_logout">c</a>', { clickEvents: ['get_dealer_details', 'user_logout'] }, { refuses: (event) => event === 'user_logout' });
    click('#a');
    click('#b');
    click('#c');
    expect(pushed).toEqual([{ event: 'get_dealer_details' }]);
  });

  it('with a container, only tagged elements inside it count', () => {
    const { pushed, click } = start('<main id="main"><a id="in" data-identify-event="inside">in</a></main>' +
      '<aside><a id="out" data-identify-event="outside">out</a></aside>', { clickContainer: '#main' });
    click('#out');
    click('#in');
    expect(pushed).toEqual([{ event: 'inside' }]);
  });

  it("selector rules from the config keep their events, while the element's attributes are filtered the same way", () => {
    const { pushed, click } = start('<a id="a" class="out" data-identify-email="x@evil.test" data-identify-brand="Audi">x</a>', {
      clicks: [{ selector: '.out', event: 'user_logout' }],
    }, { refuses: () => true });
    click('#a');
    expect(pushed).toEqual([{ event: 'user_logout', brand: 'Audi' }]);
  });
});

describe('click tagging with selector rules', () => {
  const rules: ClickRule[] = [
    { selector: '.dealer-cta', event: 'get_dealer_details', source: 'config', brand: 'Unknown' },
    { selector: '.nav a', event: 'nav_click' },
  ];

  it('a click on an element matching a rule pushes the rule’s event, its data and the element’s attributes', () => {
    const { pushed, click } = start('<a id="cta" class="dealer-cta" data-identify-brand="Audi"><img id="img"></a>', { clicks: rules });
    click('#img');
    expect(pushed).toEqual([{ event: 'get_dealer_details', source: 'config', brand: 'Audi' }]);
  });

  it('rules apply to elements added after start', () => {
    const { pushed } = start('<nav class="nav"></nav>', { clicks: rules });
    document.querySelector('.nav')!.insertAdjacentHTML('beforeend', '<a id="late">late</a>');
    (document.querySelector('#late') as HTMLElement).click();
    expect(pushed).toEqual([{ event: 'nav_click' }]);
  });

  it('the innermost element wins between attribute tagging and rules', () => {
    const { pushed, click } = start(
      '<div class="dealer-cta" id="card"><button id="tagged" data-identify-event="sign_up">x</button><span id="text">y</span></div>',
      { clicks: rules },
    );
    click('#tagged');
    click('#text');
    expect(pushed.map((m) => m.event)).toEqual(['sign_up', 'get_dealer_details']);
  });

  it('on one element the event attribute wins over rules, and earlier rules over later ones', () => {
    const { pushed, click } = start('<nav class="nav"><a id="both" class="dealer-cta">x</a><a id="tagged" class="dealer-cta" data-identify-event="own">y</a></nav>', {
      clicks: [rules[1], rules[0]],
    });
    click('#both');
    click('#tagged');
    expect(pushed.map((m) => m.event)).toEqual(['nav_click', 'own']);
  });

  it('a push that throws is logged, not thrown at the page', () => {
    const { lines, click } = start(dealerButton, {}, {
      push: () => {
        throw new Error('push failed');
      },
    });
    expect(() => click('#dealer')).not.toThrow();
    expect(lines).toEqual(['Error: push failed']);
  });
});

describe('stop()', () => {
  it('removes the listener', () => {
    const { pushed, watcher, click } = start(dealerButton);
    watcher.stop();
    click('#dealer');
    expect(pushed).toEqual([]);
  });
});

describe('with the dataLayer', () => {
  it('click messages pushed onto the dataLayer reach a watcher like any other push', () => {
    const host: Record<string, unknown> = {};
    const seen: unknown[] = [];
    const { watcher: dataLayerWatcher } = watch(undefined, { onMessage: (message) => seen.push(message) }, host);
    start(dealerButton, {}, { push: (message) => (host.dataLayer as unknown[]).push(message) });
    (document.querySelector('#bold') as HTMLElement).click();
    expect(seen).toEqual([{ event: 'get_dealer_details', brand: 'Audi', model: 'Q5' }]);
    expect(dataLayerWatcher.get('brand')).toBe('Audi');
  });
});
