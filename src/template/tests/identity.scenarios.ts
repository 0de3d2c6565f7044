import { scenario, runCode, assertApi, assertThat } from 'gtm-sandbox/test';
import { callsOf, logs, pageFunction, tag } from './setup';

scenario('A user id that is neither text nor a number fails the tag and says why', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: { id: 1 } }));
  assertApi('gtmOnFailure').wasCalled();
  assertThat(logs).contains('gtm-identify error: user id must be text or a number, not object');
});

scenario('An email trait that is not text is dropped with a message', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', traitsObject: { email: 42, plan: 'pro' } }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { plan: 'pro' }]]);
  assertThat(logs).contains('gtm-identify warning: email must be text, not 42; dropped');
});

scenario('With "use email as user id" on, a given user id still wins, and preview mode says so', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, useEmailAsUserId: true, userId: 'u-1', email: 'ann@example.com' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { email: 'ann@example.com' }]]);
  assertThat(logs).contains('gtm-identify warning: "use email as user id": a user id is given and used');
});

scenario('An unknown hash method sends the user id unhashed and says so', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', userIdHash: 'sha1' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', {}]]);
  assertThat(logs).contains('gtm-identify warning: hash method "sha1" is not none, sha256 or md5; none is used');
});

scenario('A data layer path can reach into a list, and a mapping row without a key is skipped with a message', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', keyMapping: [{ from: '', to: 'brand' }] }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', {}]]);
  assertThat(logs).contains('gtm-identify warning: key mapping row 1 has no source key; ignored');
});
