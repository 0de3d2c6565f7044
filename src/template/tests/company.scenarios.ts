import { scenario, runCode, assertThat } from 'gtm-sandbox/test';
import { callsOf, logs, pageFunction, tag } from './setup';

scenario('A company given as text is sent as the company name', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', company: 'Acme' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { company: { name: 'Acme' } }]]);
  assertThat(logs).contains('gtm-identify info: company is text; used as the company name');
});

scenario('A company that is neither text nor an object is ignored with a message', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', company: true, traitRows: [{ key: 'plan', value: 'pro' }] }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { plan: 'pro' }]]);
  assertThat(logs).contains('gtm-identify warning: company must be an object, not a boolean; ignored');
});

scenario('The Company details table adds to a company object from a variable', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({
    sendSegment: true, userId: 'u-1', company: { name: 'Acme', id: { x: 1 } }, companyRows: [{ key: 'plan', value: 'enterprise' }],
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { company: { name: 'Acme', plan: 'enterprise' } }]]);
  assertThat(logs).contains('gtm-identify warning: company.id must be text or a number; dropped');
});

scenario('Gist and Antsomi get the company details as company_ properties', () => {
  pageFunction('gist.identify', undefined);
  pageFunction('web_event.track', undefined);
  runCode(tag({
    sendGist: true, sendAntsomi: true, userId: 'u-1', email: 'ann@example.com', company: { name: 'Acme', domain: 'acme.com' },
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([
    ['callInWindow', 'gist.identify', 'u-1', { email: 'ann@example.com', company_name: 'Acme', company_domain: 'acme.com' }],
    ['callInWindow', 'web_event.track', 'user', 'identify', {
      items: [],
      dims: { customers: {
        type: 'customers', customer_id: '257c57037d384ae37ea27a07e8a01665', email: 'ann@example.com', company_name: 'Acme', company_domain: 'acme.com',
      } },
      extra: { identify_id: '257c57037d384ae37ea27a07e8a01665', identify_event: 'identify' },
    }],
  ]);
});
