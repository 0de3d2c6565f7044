import { scenario, runCode, assertApi, assertThat } from 'gtm-sandbox/test';
import { callsOf, logs, pageFunction, stored, tag } from './setup';

scenario('Skip if unchanged does not send the same identify twice', () => {
  pageFunction('analytics.identify', undefined);
  const data = tag({ sendSegment: true, userId: 'u-1', traitRows: [{ key: 'plan', value: 'pro', type: 'text' }], dedupe: true });
  runCode(data);
  runCode(data);
  assertThat(callsOf('callInWindow')).hasLength(1);
  assertThat(logs).contains('gtm-identify segment skipped: unchanged since the last identify; not sent again');
});

scenario('Skip if unchanged sends again when a trait changed', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', traitRows: [{ key: 'plan', value: 'pro', type: 'text' }], dedupe: true }));
  runCode(tag({ sendSegment: true, userId: 'u-1', traitRows: [{ key: 'plan', value: 'team', type: 'text' }], dedupe: true }));
  assertThat(callsOf('callInWindow')).hasLength(2);
});

scenario('Skip if unchanged keeps only a fingerprint in localStorage, and a reset clears it', () => {
  pageFunction('analytics.identify', undefined);
  pageFunction('analytics.reset', undefined);
  const data = tag({ sendSegment: true, userId: 'u-1', dedupe: true });
  runCode(data);
  assertThat(stored.gtm_identify_last).isString();
  assertThat(stored.gtm_identify_last).doesNotContain('u-1');
  runCode(tag({ sendSegment: true, action: 'reset' }));
  runCode(data);
  assertThat(callsOf('callInWindow')).isEqualTo([
    ['callInWindow', 'analytics.identify', 'u-1', {}],
    ['callInWindow', 'analytics.reset'],
    ['callInWindow', 'analytics.identify', 'u-1', {}],
  ]);
});

scenario('Without skip if unchanged every identify is sent', () => {
  pageFunction('analytics.identify', undefined);
  const data = tag({ sendSegment: true, userId: 'u-1' });
  runCode(data);
  runCode(data);
  assertThat(callsOf('callInWindow')).hasLength(2);
  assertApi('gtmOnSuccess').wasCalled();
});
