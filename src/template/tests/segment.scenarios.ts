import { scenario, runCode, assertApi, assertThat } from 'gtm-sandbox/test';
import { calls, callsOf, logs, page, pageFunction, scripts, tag } from './setup';

scenario('Segment identify calls analytics.identify with the user id and typed traits', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({
    sendSegment: true, userId: 'u-1', email: 'ann@example.com',
    traitRows: [{ key: 'plan', value: 'pro', type: 'text' }, { key: 'age', value: '42', type: 'number' }, { key: 'beta', value: 'true', type: 'boolean' }],
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([
    ['callInWindow', 'analytics.identify', 'u-1', { plan: 'pro', age: 42, beta: true, email: 'ann@example.com' }],
  ]);
  assertApi('gtmOnSuccess').wasCalled();
  assertApi('gtmOnFailure').wasNotCalled();
});

scenario('Segment identifies a visitor without a user ID with traits only, never with a null id (Segment adds them to its stored user until a Reset)', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, traitRows: [{ key: 'plan', value: 'free', type: 'text' }] }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', { plan: 'free' }]]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Segment reset calls analytics.reset', () => {
  pageFunction('analytics.reset', undefined);
  runCode(tag({ sendSegment: true, action: 'reset' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.reset']]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Segment queues the identify in the analytics array when analytics.js is not on the page yet', () => {
  runCode(tag({ sendSegment: true, userId: 'u-1' }));
  assertThat(page.analytics).isEqualTo([['identify', 'u-1', {}]]);
  assertApi('injectScript').wasNotCalled();
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Segment loads analytics.js from its CDN with the write key when asked', () => {
  runCode(tag({ sendSegment: true, segmentLoadScript: true, segmentWriteKey: 'wk_123', userId: 'u-1' }));
  assertThat(page['analytics._writeKey']).isEqualTo('wk_123');
  assertThat(page.analytics).isEqualTo([['identify', 'u-1', {}]]);
  assertThat(callsOf('injectScript')).isEqualTo([['injectScript', 'https://cdn.segment.com/analytics.js/v1/wk_123/analytics.min.js']]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Segment fails the tag when analytics.js fails to load, and says so', () => {
  scripts['https://cdn.segment.com/analytics.js/v1/wk_123/analytics.min.js'] = 'fail';
  runCode(tag({ sendSegment: true, segmentLoadScript: true, segmentWriteKey: 'wk_123', userId: 'u-1' }));
  assertApi('gtmOnFailure').wasCalled();
  assertApi('gtmOnSuccess').wasNotCalled();
  assertThat(logs).contains("gtm-identify segment failed: queued, but Segment's script failed to load " +
    '(https://cdn.segment.com/analytics.js/v1/wk_123/analytics.min.js)');
});

scenario('Segment sends the company with employee_count and key/value tags as traits', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({
    sendSegment: true, userId: 'u-1', company: 'Acme', companyRows: [{ key: 'employeeCount', value: '250' }],
    tagsText: 'vip, brand=Audi',
  }));
  assertThat(calls).isEqualTo([
    ['callInWindow', 'analytics.identify', 'u-1', { company: { name: 'Acme', employee_count: 250 }, brand: 'Audi', tags: ['vip'] }],
    ['page', 'analytics.identify', 'u-1', { company: { name: 'Acme', employee_count: 250 }, brand: 'Audi', tags: ['vip'] }],
  ]);
});

scenario('Segment does not load analytics.js with a write key it cannot use, and says why', () => {
  runCode(tag({ sendSegment: true, segmentLoadScript: true, segmentWriteKey: 'bad key!', userId: 'u-1' }));
  assertApi('injectScript').wasNotCalled();
  assertApi('gtmOnFailure').wasCalled();
  assertThat(logs).contains('gtm-identify segment failed: cannot load analytics.js: Segment write key "bad key!" has characters not allowed');
});
