// @vitest-environment happy-dom
// The container's click triggers and brand variable, evaluated by the container preview the way
// GTM evaluates them on a gtm.click whose Click Element is the innermost element clicked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONTAINER_PATH } from '../../src/container/build';
import { TRIGGERS } from '../../src/container/spec';
import type { ContainerExport, Trigger } from '../../src/toolchain/container-export';
import { triggerFires } from '../../src/toolchain/container-export/preview/conditions';
import { resolver } from '../../src/toolchain/container-export/preview/variables';

const container = JSON.parse(readFileSync(join(__dirname, '../..', CONTAINER_PATH), 'utf8')) as ContainerExport;
const triggerNamed = (name: string): Trigger =>
  container.containerVersion.trigger.find((t) => t.name === name) ?? expect.unreachable(`no trigger ${name}`);
const tagged = triggerNamed(TRIGGERS.tagged.name);
const dealerText = triggerNamed(TRIGGERS.dealerText.name);

function clickOn(element: Element) {
  const message = { event: 'gtm.click', 'gtm.element': element };
  const resolve = resolver(container, { message, dataLayer: [message] });
  return {
    fires: (trigger: Trigger) => triggerFires(trigger, 'gtm.click', resolve),
    brand: resolve('{{CJS - data-identify-brand}}'),
  };
}

const byId = (id: string) => document.getElementById(id) ?? expect.unreachable(`no #${id}`);

describe('the container on clicks', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <button id="tagged" data-identify-event="get_dealer_details" data-identify-brand="Audi"><span id="icon">★</span> Get Dealer Details</button>
      <button id="plain">Get Dealer Details</button>
      <button id="other">Book a test drive</button>`;
  });

  it('fires the tagged-click tag on a tagged button and gives its brand', () => {
    const click = clickOn(byId('tagged'));
    expect(click.fires(tagged)).toBe(true);
    expect(click.brand).toBe('Audi');
  });

  it('fires the tagged-click tag on an icon inside a tagged button, with the button\'s brand', () => {
    const click = clickOn(byId('icon'));
    expect(click.fires(tagged)).toBe(true);
    expect(click.fires(dealerText)).toBe(false);
    expect(click.brand).toBe('Audi');
  });

  it('leaves untagged "Get Dealer Details" buttons to the button-text trigger, with no brand from attributes', () => {
    const click = clickOn(byId('plain'));
    expect(click.fires(tagged)).toBe(false);
    expect(click.fires(dealerText)).toBe(true);
    expect(click.brand).toBeUndefined();
  });

  it('fires neither click trigger on other elements', () => {
    const click = clickOn(byId('other'));
    expect([click.fires(tagged), click.fires(dealerText)]).toEqual([false, false]);
  });
});
