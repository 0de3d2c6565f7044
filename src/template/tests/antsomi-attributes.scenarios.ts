import { scenario, runCode, assertApi, assertThat } from 'gtm-sandbox/test';
import { callsOf, logs, page, pageFunction, tag } from './setup';

scenario('Antsomi can take the customer id from the phone trait or the user id instead of the email', () => {
  pageFunction('web_event.track', undefined);
  runCode(tag({ sendAntsomi: true, antsomiCustomerIdFrom: 'phone', antsomiCustomerIdHash: 'none', traitRows: [{ key: 'phone', value: '+33 6 12' }] }));
  runCode(tag({ sendAntsomi: true, antsomiCustomerIdFrom: 'userId', antsomiCustomerIdHash: 'none', userId: 'u-1' }));
  const ids = callsOf('callInWindow').map((call) => (call[4] as { extra: { identify_id: string } }).extra.identify_id);
  assertThat(ids).isEqualTo(['+33 6 12', 'u-1']);
});

scenario('Antsomi gets dates as "YYYY-MM-DD hh:mm:ss", a birthday as date_of_birth, lists joined with commas and labels as tags', () => {
  pageFunction('web_event.track', undefined);
  runCode(tag({
    sendAntsomi: true, email: 'ann@example.com', tagsText: 'vip, brand=Audi, email=x',
    traitRows: [{ key: 'createdAt', value: '2024-02-29T13:45:10Z', type: 'date' }, { key: 'birthday', value: '1990-07-04', type: 'date' }],
    traitsObject: { interests: ['ski', 'golf'] },
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'web_event.track', 'user', 'identify', {
    items: [],
    dims: { customers: {
      type: 'customers', customer_id: '257c57037d384ae37ea27a07e8a01665', interests: 'ski,golf', created_at: '2024-02-29 13:45:10',
      date_of_birth: '1990-07-04', email: 'ann@example.com', brand: 'Audi', tags: 'vip',
    } },
    extra: { identify_id: '257c57037d384ae37ea27a07e8a01665', identify_event: 'identify' },
  }]]);
  assertThat(logs).contains('gtm-identify antsomi warning: tag email not sent: "email" is already set');
});

scenario('Without its SDK and without loading it, the Antsomi call waits in web_event.queue, and ids that are not numeric are reported', () => {
  runCode(tag({ sendAntsomi: true, email: 'ann@example.com', antsomiPortalId: 'abc', antsomiPropertyId: '456' }));
  assertThat(callsOf('setInWindow')).isEqualTo([]);
  assertThat(page['web_event.queue']).isEqualTo([['user', 'identify', {
    items: [],
    dims: { customers: { type: 'customers', customer_id: '257c57037d384ae37ea27a07e8a01665', email: 'ann@example.com' } },
    extra: { identify_id: '257c57037d384ae37ea27a07e8a01665', identify_event: 'identify' },
  }]]);
  assertThat(logs).contains('gtm-identify antsomi warning: portal id "abc" is not numeric; _portalId and _propId not set');
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Antsomi does not load its script without numeric portal and property ids, and the tag fails', () => {
  runCode(tag({ sendAntsomi: true, antsomiLoadScript: true, email: 'ann@example.com', antsomiPortalId: 'abc', antsomiPropertyId: '456' }));
  assertApi('injectScript').wasNotCalled();
  assertApi('gtmOnFailure').wasCalled();
  assertThat(logs).contains('gtm-identify antsomi failed: cannot load: portal id and property id must be numeric');
});

scenario('When window.web_event is not Antsomi\'s SDK, nothing is sent to Antsomi and the tag fails', () => {
  page.web_event = 'x';
  runCode(tag({ sendAntsomi: true, email: 'ann@example.com' }));
  assertApi('gtmOnFailure').wasCalled();
  assertThat(logs).contains("gtm-identify antsomi failed: window.web_event is a string, not Antsomi's SDK; nothing sent");
});

scenario('Antsomi reset is skipped without the SDK, and keeps the anonymous id when the SDK cannot reset it yet', () => {
  runCode(tag({ sendAntsomi: true, action: 'reset' }));
  assertThat(logs).contains('gtm-identify antsomi skipped: not on the page; nothing to reset');
  pageFunction('web_event.track', undefined);
  runCode(tag({ sendAntsomi: true, action: 'reset' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'web_event.track', 'user', 'sign_out']]);
  assertApi('gtmOnSuccess').wasCalled();
});
