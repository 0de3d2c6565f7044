// Gist, Connecto and Antsomi take flat properties only: a nested trait or a company detail is
// one key, spelt the same way (snake_case) by all three.
import { describe, expect, it } from 'vitest';
import { VENDOR as ANTSOMI } from '../../src/core/vendors/antsomi';
import { VENDOR as CONNECTO } from '../../src/core/vendors/connecto';
import { VENDOR as GIST } from '../../src/core/vendors/gist';
import { FakePlatform } from './fake-platform';
import { antsomiSdk, connectoSdk, gistSdk, sender } from './helpers';

const INPUT = {
  userId: 'u-1', email: 'ann@example.com',
  traits: { homeAddress: { zipCode: '0150' } }, company: { name: 'Acme', employeeCount: 12 },
};

/** The flat properties each vendor received for INPUT. */
function received(): Record<string, Record<string, unknown>> {
  const platform = new FakePlatform();
  const gist = gistSdk(platform.win);
  const connecto = connectoSdk(platform.win);
  const antsomi = antsomiSdk(platform.win);
  for (const vendor of [GIST, CONNECTO, ANTSOMI]) sender(vendor.identify)(platform, INPUT);
  const payload = antsomi[0][3] as { dims: { customers: Record<string, unknown> } };
  return { gist: gist[0][2] as Record<string, unknown>, connecto: connecto[0][1] as Record<string, unknown>, antsomi: payload.dims.customers };
}

describe('flattened keys', () => {
  it('gist, connecto and antsomi spell a nested trait and the company details the same snake_case way', () => {
    for (const [vendor, props] of Object.entries(received())) {
      const keys = Object.keys(props).filter((key) => key.indexOf('_') > 0);
      expect(keys.sort(), vendor).toEqual(expect.arrayContaining(['company_employee_count', 'company_name', 'home_address_zip_code']));
      expect(keys.filter((key) => /[A-Z]/.test(key)), vendor).toEqual([]);
    }
  });
});
