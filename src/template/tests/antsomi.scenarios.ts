import { scenario, runCode, assertApi, assertThat } from 'gtm-sandbox/test';
import { calls, callsOf, logs, page, pageFunction, tag } from './setup';

scenario('Antsomi sign-in tracks the user with the md5 of the lower-cased email as customer id', () => {
  pageFunction('web_event.track', undefined);
  runCode(tag({ sendAntsomi: true, event: 'sign_in', userId: 'u-1', email: 'Ann@Example.com' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'web_event.track', 'user', 'sign_in', {
    items: [],
    dims: { customers: { type: 'customers', customer_id: '257c57037d384ae37ea27a07e8a01665', email: 'Ann@Example.com' } },
    extra: { identify_id: '257c57037d384ae37ea27a07e8a01665', identify_event: 'sign_in' },
  }]]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario("Antsomi hashes the email as given when told to, as Antsomi's guide computes md5(email)", () => {
  pageFunction('web_event.track', undefined);
  runCode(tag({ sendAntsomi: true, antsomiCustomerIdEmail: 'asGiven', email: 'Ann@Example.com' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'web_event.track', 'user', 'identify', {
    items: [],
    dims: { customers: { type: 'customers', customer_id: '2bd27504149156f0c6c917bf68c8499d', email: 'Ann@Example.com' } },
    extra: { identify_id: '2bd27504149156f0c6c917bf68c8499d', identify_event: 'identify' },
  }]]);
});

scenario("Antsomi builds its own queue, sets the portal and property ids and loads insight.js", () => {
  runCode(tag({
    sendAntsomi: true, antsomiLoadScript: true, antsomiPortalId: '123', antsomiPropertyId: '456', email: 'ann@example.com',
  }));
  assertThat(calls).isEqualTo([
    ['createArgumentsQueue', 'web_event', 'web_event.queue'],
    ['aliasInWindow', 'web_event.track', 'web_event'],
    ['setInWindow', '_portalId', '123'],
    ['setInWindow', '_propId', '456'],
    ['setInWindow', 'web_event.propId', '456'],
    ['injectScript', 'https://st-a.cdp.asia/insight.js'],
  ]);
  assertThat(page['web_event.queue']).isEqualTo([['user', 'identify', {
    items: [],
    dims: { customers: { type: 'customers', customer_id: '257c57037d384ae37ea27a07e8a01665', email: 'ann@example.com' } },
    extra: { identify_id: '257c57037d384ae37ea27a07e8a01665', identify_event: 'identify' },
  }]]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Antsomi is not sent without an email for the customer id, and the tag fails', () => {
  pageFunction('web_event.track', undefined);
  runCode(tag({ sendAntsomi: true, userId: 'u-1' }));
  assertApi('callInWindow').wasNotCalled();
  assertApi('gtmOnFailure').wasCalled();
  assertThat(logs).contains('gtm-identify antsomi failed: no customer id: needs an email for the customer id; not sent');
});

scenario('Antsomi drops attribute codes outside a-z, 0-9 and _ and says so', () => {
  pageFunction('web_event.track', undefined);
  runCode(tag({ sendAntsomi: true, email: 'ann@example.com', traitRows: [{ key: 'plan tier', value: 'gold', type: 'text' }, { key: 'loyaltyLevel', value: '3', type: 'number' }] }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'web_event.track', 'user', 'identify', {
    items: [],
    dims: { customers: { type: 'customers', customer_id: '257c57037d384ae37ea27a07e8a01665', loyalty_level: 3, email: 'ann@example.com' } },
    extra: { identify_id: '257c57037d384ae37ea27a07e8a01665', identify_event: 'identify' },
  }]]);
  assertThat(logs).contains('gtm-identify antsomi warning: attribute "plan tier" dropped: only a-z, 0-9, _ allowed');
});

scenario('Antsomi reset sends sign_out and resets the anonymous id', () => {
  pageFunction('web_event.track', undefined);
  pageFunction('web_event.resetAnonymousUId', undefined);
  runCode(tag({ sendAntsomi: true, action: 'reset' }));
  assertThat(callsOf('callInWindow')).isEqualTo([
    ['callInWindow', 'web_event.track', 'user', 'sign_out'],
    ['callInWindow', 'web_event.resetAnonymousUId'],
  ]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario("Antsomi's developer-guide format sends user_sign_up with Antsomi's lead time", () => {
  pageFunction('web_event.track', undefined);
  pageFunction('_cdpEventFunction._cdpGetLeadTime', '2024-05-01 10:00:00');
  runCode(tag({ sendAntsomi: true, antsomiVocabulary: 'devguide', event: 'sign_up', email: 'ann@example.com' }));
  assertThat(callsOf('callInWindow')).isEqualTo([
    ['callInWindow', '_cdpEventFunction._cdpGetLeadTime'],
    ['callInWindow', 'web_event.track', 'user', 'sign_up', {
      dims: { customers: { customer_id: '257c57037d384ae37ea27a07e8a01665', email: 'ann@example.com' } },
      extra: {
        identify_id: '257c57037d384ae37ea27a07e8a01665', identify_time: '2024-05-01 10:00:00',
        identify_event: 'user_sign_up', identify_type: 'exact',
      },
    }],
  ]);
});
