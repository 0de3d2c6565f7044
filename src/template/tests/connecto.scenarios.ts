import { scenario, runCode, assertApi, assertThat } from 'gtm-sandbox/test';
import { callsOf, logs, page, pageFunction, scripts, tag } from './setup';

scenario('Connecto identify sends every trait as text', () => {
  pageFunction('_connecto.identify', undefined);
  runCode(tag({
    sendConnecto: true, userId: 'u-1', email: 'ann@example.com',
    traitRows: [{ key: 'age', value: '42', type: 'number' }, { key: 'beta', value: 'yes', type: 'boolean' }],
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', '_connecto.identify', 'u-1', { age: '42', beta: 'true', email: 'ann@example.com' }]]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Connecto tags the user with each value: a label vip is sent as vip, a brand tag as its brand', () => {
  pageFunction('_connecto.identify', undefined);
  runCode(tag({ sendConnecto: true, userId: 'u-1', tagsText: 'vip, brand=Audi' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', '_connecto.identify', 'u-1', { brand: 'Audi', vip: 'vip' }]]);
});

scenario('Connecto, Gist and Antsomi spell company details the same snake_case way', () => {
  pageFunction('_connecto.identify', undefined);
  pageFunction('gist.identify', undefined);
  pageFunction('web_event.track', undefined);
  runCode(tag({
    sendConnecto: true, sendGist: true, sendAntsomi: true, antsomiCustomerIdHash: 'none', userId: 'u-1', email: 'ann@example.com',
    companyRows: [{ key: 'employeeCount', value: '12' }],
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([
    ['callInWindow', 'gist.identify', 'u-1', { email: 'ann@example.com', company_employee_count: 12 }],
    ['callInWindow', '_connecto.identify', 'u-1', { email: 'ann@example.com', company_employee_count: '12' }],
    ['callInWindow', 'web_event.track', 'user', 'identify', {
      items: [], dims: { customers: { type: 'customers', customer_id: 'ann@example.com', email: 'ann@example.com', company_employee_count: 12 } },
      extra: { identify_id: 'ann@example.com', identify_event: 'identify' },
    }],
  ]);
});

scenario("Connecto identifies an anonymous visitor with Connecto's own id", () => {
  pageFunction('_connecto.identify', undefined);
  pageFunction('_connecto.getIdentity', 'anon-7');
  runCode(tag({ sendConnecto: true, traitRows: [{ key: 'plan', value: 'free', type: 'text' }] }));
  assertThat(callsOf('callInWindow')).isEqualTo([
    ['callInWindow', '_connecto.getIdentity'],
    ['callInWindow', '_connecto.identify', 'anon-7', { plan: 'free' }],
  ]);
});

scenario('Connecto loads its script with the license key and identifies once Connecto is there', () => {
  scripts['https://server.connecto.io/javascripts/connect.prod.min.js'] = () => pageFunction('_connecto.identify', undefined);
  runCode(tag({ sendConnecto: true, connectoLoadScript: true, connectoLicenseKey: 'LK1', userId: 'u-1' }));
  assertThat(page._TConnecto).isEqualTo({ licenseKey: 'LK1' });
  assertThat(callsOf('injectScript')).isEqualTo([['injectScript', 'https://server.connecto.io/javascripts/connect.prod.min.js']]);
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', '_connecto.identify', 'u-1', {}]]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Connecto gives up after the wait and the tag fails, once', () => {
  runCode(tag({ sendConnecto: true, connectoWaitMs: '1000', userId: 'u-1' }));
  assertApi('callInWindow').wasNotCalled();
  assertApi('gtmOnFailure').wasCalled();
  assertApi('gtmOnSuccess').wasNotCalled();
  assertThat(logs).contains('gtm-identify connecto failed: not on the page within 1000 ms (no pre-load queue); identify dropped');
});

scenario('Connecto waits 5000 ms when the wait field is empty, and takes a number from a variable as it is', () => {
  runCode(tag({ sendConnecto: true, connectoWaitMs: '', userId: 'u-1' }));
  assertThat(logs).contains('gtm-identify connecto failed: not on the page within 5000 ms (no pre-load queue); identify dropped');
  runCode(tag({ sendConnecto: true, connectoWaitMs: 2000, userId: 'u-2' }));
  assertThat(logs).contains('gtm-identify connecto failed: not on the page within 2000 ms (no pre-load queue); identify dropped');
});

scenario("Connecto fails the tag when its script cannot load", () => {
  scripts['https://server.connecto.io/javascripts/connect.prod.min.js'] = 'fail';
  runCode(tag({ sendConnecto: true, connectoLoadScript: true, connectoLicenseKey: 'LK1', userId: 'u-1' }));
  assertApi('gtmOnFailure').wasCalled();
  assertThat(logs).contains("gtm-identify connecto failed: script failed to load (https://server.connecto.io/javascripts/connect.prod.min.js)");
});
