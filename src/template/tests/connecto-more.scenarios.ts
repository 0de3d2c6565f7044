import { scenario, runCode, assertApi, assertThat } from 'gtm-sandbox/test';
import { callsOf, logs, page, pageFunction, tag } from './setup';

scenario('Connecto gets a key/value tag over a trait of the same name, and preview mode says so', () => {
  pageFunction('_connecto.identify', undefined);
  runCode(tag({ sendConnecto: true, userId: 'u-1', traitRows: [{ key: 'plan', value: 'pro' }], tagsText: 'plan=gold' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', '_connecto.identify', 'u-1', { plan: 'gold' }]]);
  assertThat(logs).contains('gtm-identify connecto warning: "plan" is given twice; the last is used');
});

scenario('Connecto keeps the license key the page already configured', () => {
  page._TConnecto = { licenseKey: 'page-key' };
  runCode(tag({ sendConnecto: true, connectoLoadScript: true, connectoLicenseKey: 'tag-key', userId: 'u-1' }));
  assertThat(logs).contains('gtm-identify connecto info: page already sets _TConnecto; its license key is used');
});

scenario('Connecto has no logout call, so a reset only says so', () => {
  runCode(tag({ sendConnecto: true, action: 'reset' }));
  assertThat(logs).contains('gtm-identify connecto skipped: Connecto has no reset/logout; nothing to do');
  assertApi('gtmOnSuccess').wasCalled();
});
