import { scenario, runCode, assertApi, assertThat } from 'gtm-sandbox/test';
import { callsOf, consentState, grant, logs, pageFunction, tag } from './setup';

scenario('Without the required consent and set to drop, nothing is sent and preview mode says so', () => {
  pageFunction('analytics.identify', undefined);
  consentState.analytics_storage = false;
  runCode(tag({ sendSegment: true, userId: 'u-1', consentRequired: true }));
  assertApi('callInWindow').wasNotCalled();
  assertApi('isConsentGranted').wasCalledWith('analytics_storage');
  assertApi('gtmOnSuccess').wasCalled();
  assertThat(logs).contains('gtm-identify info: consent analytics_storage denied; nothing sent');
});

scenario('Set to wait, the identify is sent once consent is granted, and never twice', () => {
  pageFunction('analytics.identify', undefined);
  consentState.ad_storage = false;
  runCode(tag({ sendSegment: true, userId: 'u-1', consentRequired: true, consentType: 'ad_storage', consentWhenDenied: 'wait' }));
  assertApi('callInWindow').wasNotCalled();
  assertApi('gtmOnSuccess').wasCalled();
  grant('ad_storage');
  grant('ad_storage');
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', {}]]);
});

scenario('With the required consent granted the identify is sent at once', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', consentRequired: true }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', {}]]);
  assertApi('addConsentListener').wasNotCalled();
});

scenario('Without a consent requirement consent is not checked', () => {
  pageFunction('analytics.identify', undefined);
  consentState.analytics_storage = false;
  runCode(tag({ sendSegment: true, userId: 'u-1' }));
  assertApi('isConsentGranted').wasNotCalled();
  assertThat(callsOf('callInWindow')).hasLength(1);
});
