import { scenario, runCode, assertApi, assertThat } from 'gtm-sandbox/test';
import { callsOf, logs, page, pageFunction, tag } from './setup';

scenario('Customer.io identify calls cioanalytics.identify', () => {
  pageFunction('cioanalytics.identify', undefined);
  runCode(tag({ sendCustomerio: true, userId: 'u-1', email: 'ann@example.com' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'cioanalytics.identify', 'u-1', { email: 'ann@example.com' }]]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Customer.io uses the analytics object of older snippets when its write key is the configured one', () => {
  pageFunction('analytics.identify', undefined);
  page['analytics._writeKey'] = 'cio_key';
  runCode(tag({ sendCustomerio: true, customerioGlobal: 'analytics', customerioWriteKey: 'cio_key', userId: 'u-1' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', {}]]);
});

scenario('Customer.io never sends through Segment on window.analytics: it fails and says why, and Segment still gets its identify', () => {
  pageFunction('analytics.identify', undefined);
  page.analytics = {};
  page['analytics.settings.writeKey'] = 'segment_key';
  runCode(tag({ sendCustomerio: true, customerioGlobal: 'analytics', customerioWriteKey: 'cio_key', sendSegment: true, userId: 'u-1' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', {}]]);
  assertThat(logs).contains("gtm-identify customerio failed: window.analytics has another write key (Segment's?); nothing sent: use Customer.io's cioanalytics snippet");
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Customer.io does not load itself onto a window.analytics that Segment holds', () => {
  page.analytics = [];
  page['analytics._writeKey'] = 'segment_key';
  runCode(tag({ sendCustomerio: true, customerioLoadScript: true, customerioWriteKey: 'cio_key', userId: 'u-1' }));
  assertApi('injectScript').wasNotCalled();
  assertThat(page.analytics).isEqualTo([]);
  assertApi('gtmOnFailure').wasCalled();
});

scenario('Customer.io with the older snippet and no write key sends nothing and asks for the key', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendCustomerio: true, customerioGlobal: 'analytics', userId: 'u-1' }));
  assertApi('callInWindow').wasNotCalled();
  assertThat(logs).contains("gtm-identify customerio failed: enter the write key: window.analytics may be Segment's; nothing sent");
});

scenario('Customer.io loads its EU script and queues the call where that script reads it', () => {
  runCode(tag({ sendCustomerio: true, customerioLoadScript: true, customerioWriteKey: 'cio_key', customerioRegion: 'eu', userId: 'u-1' }));
  assertThat(callsOf('injectScript')).isEqualTo([['injectScript', 'https://cdp-eu.customer.io/v1/analytics-js/snippet/cio_key/analytics.min.js']]);
  assertThat(page.analytics).isEqualTo([['identify', 'u-1', {}]]);
  assertThat(page['analytics._writeKey']).isEqualTo('cio_key');
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Customer.io reset calls cioanalytics.reset', () => {
  pageFunction('cioanalytics.reset', undefined);
  runCode(tag({ sendCustomerio: true, action: 'reset' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'cioanalytics.reset']]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Use email as user id sends the lower-cased email as the Customer.io user id', () => {
  pageFunction('cioanalytics.identify', undefined);
  runCode(tag({ sendCustomerio: true, email: 'Ann@Example.com', useEmailAsUserId: true }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'cioanalytics.identify', 'ann@example.com', { email: 'Ann@Example.com' }]]);
});
