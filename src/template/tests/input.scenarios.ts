import { scenario, runCode, assertApi, assertThat } from 'gtm-sandbox/test';
import { SHA256, callsOf, logs, pageFunction, tag } from './setup';

scenario('SHA-256 hashing sends the hex digest of the user id', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', userIdHash: 'sha256' }));
  assertThat(callsOf('sha256')).isEqualTo([['sha256', 'u-1', { outputEncoding: 'hex' }]]);
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', SHA256['u-1'], {}]]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('SHA-256 hashing of an email used as user id hashes the lower-cased email', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, email: 'ann@example.com', useEmailAsUserId: true, userIdHash: 'sha256' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', SHA256['ann@example.com'], { email: 'ann@example.com' }]]);
});

scenario('A user id that already is a SHA-256 hash is sent unchanged', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: SHA256['u-1'], userIdHash: 'sha256' }));
  assertApi('sha256').wasNotCalled();
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', SHA256['u-1'], {}]]);
  assertThat(logs).contains('gtm-identify info: user id already is a sha256 hash; sent as is');
});

scenario('MD5 hashing sends the md5 hex digest of the user id, computed in the template', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', userIdHash: 'md5' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'a6048cbdca02ecd493761171122c6735', {}]]);
});

scenario('A failing SHA-256 fails the tag instead of sending the clear id', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'not-in-the-digest-list', userIdHash: 'sha256' }));
  assertApi('callInWindow').wasNotCalled();
  assertApi('gtmOnFailure').wasCalled();
  assertThat(logs).contains('gtm-identify error: SHA-256 hashing failed');
});

scenario('The traits table wins over the traits object', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({
    sendSegment: true, userId: 'u-1',
    traitsObject: { plan: 'free', country: 'DE' }, traitRows: [{ key: 'plan', value: 'pro', type: 'text' }],
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { plan: 'pro', country: 'DE' }]]);
});

scenario('Reserved traits written in snake_case are sent in camelCase', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', traitRows: [{ key: 'first_name', value: 'Ann', type: 'text' }] }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { firstName: 'Ann' }]]);
});

scenario('A date trait becomes ISO-8601 for analytics.js', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', traitRows: [{ key: 'trialEnds', value: '1705312800', type: 'date' }] }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { trialEnds: '2024-01-15T10:00:00.000Z' }]]);
});

scenario("One tag fans out to several tools, and one tool's failure does not stop the others", () => {
  pageFunction('analytics.identify', undefined);
  pageFunction('gist.identify', undefined);
  pageFunction('mutiny.client.identify', undefined);
  runCode(tag({ sendSegment: true, sendGist: true, sendMutiny: true, userId: 'u-1' }));
  assertThat(callsOf('callInWindow')).isEqualTo([
    ['callInWindow', 'analytics.identify', 'u-1', {}],
    ['callInWindow', 'mutiny.client.identify', 'u-1', {}],
  ]);
  assertApi('gtmOnSuccess').wasCalled();
  assertApi('gtmOnFailure').wasNotCalled();
  assertThat(logs).contains('gtm-identify gist failed: needs an email; not sent');
});

scenario('Gist and Antsomi skip an anonymous visitor with a debug message while the others are sent', () => {
  pageFunction('analytics.identify', undefined);
  pageFunction('gist.identify', undefined);
  pageFunction('web_event.track', undefined);
  runCode(tag({ sendSegment: true, sendGist: true, sendAntsomi: true, traitRows: [{ key: 'brand', value: 'Audi', type: 'text' }] }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', { brand: 'Audi' }]]);
  assertApi('gtmOnSuccess').wasCalled();
  assertThat(logs).contains('gtm-identify gist skipped: anonymous visitor: needs an email; not sent');
  assertThat(logs).contains('gtm-identify antsomi skipped: anonymous visitor: needs an email for the customer id; not sent');
});
