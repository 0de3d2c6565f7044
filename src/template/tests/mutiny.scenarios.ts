import { scenario, runCode, assertApi, assertThat } from 'gtm-sandbox/test';
import { callsOf, logs, pageFunction, tag } from './setup';

scenario('Mutiny identify passes the user id, traits and the company with camelCase employeeCount and a bare domain', () => {
  pageFunction('mutiny.client.identify', undefined);
  runCode(tag({
    sendMutiny: true, userId: 'u-1', email: 'ann@example.com',
    companyRows: [{ key: 'name', value: 'Acme' }, { key: 'domain', value: 'https://www.Acme.com/about' }, { key: 'employeeCount', value: '250' }],
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'mutiny.client.identify', 'u-1', {
    email: 'ann@example.com', company: { name: 'Acme', domain: 'acme.com', employeeCount: 250 },
  }]]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Mutiny gets null as the id of an anonymous visitor', () => {
  pageFunction('mutiny.client.identify', undefined);
  runCode(tag({ sendMutiny: true, email: 'ann@example.com' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'mutiny.client.identify', null, { email: 'ann@example.com' }]]);
});

scenario('Mutiny is skipped when its snippet is not on the page, and the tag still succeeds', () => {
  runCode(tag({ sendMutiny: true, userId: 'u-1' }));
  assertApi('callInWindow').wasNotCalled();
  assertApi('gtmOnSuccess').wasCalled();
  assertThat(logs).contains('gtm-identify mutiny skipped: not on the page (no mutiny.client.identify)');
});

scenario('Mutiny warns when there is no email to match a CRM record', () => {
  pageFunction('mutiny.client.identify', undefined);
  runCode(tag({ sendMutiny: true, userId: 'u-1' }));
  assertThat(logs).contains('gtm-identify mutiny warning: no email: cannot match a CRM record');
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Mutiny has no logout call, so a reset only says so', () => {
  pageFunction('mutiny.client.identify', undefined);
  runCode(tag({ sendMutiny: true, action: 'reset' }));
  assertApi('callInWindow').wasNotCalled();
  assertApi('gtmOnSuccess').wasCalled();
  assertThat(logs).contains('gtm-identify mutiny skipped: Mutiny has no reset/logout; nothing to do');
});
