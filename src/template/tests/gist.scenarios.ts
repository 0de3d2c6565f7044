import { scenario, runCode, assertApi, assertThat, mock } from 'gtm-sandbox/test';
import { callsOf, logs, page, pageFunction, tag } from './setup';

scenario('Gist identify sends snake_case properties, a full name and dates as Unix seconds in _at keys', () => {
  pageFunction('gist.identify', undefined);
  runCode(tag({
    sendGist: true, userId: 'u-1', email: 'ann@example.com',
    traitRows: [
      { key: 'firstName', value: 'Ann', type: 'text' }, { key: 'lastName', value: 'Lee', type: 'text' },
      { key: 'createdAt', value: '2024-01-15T10:00:00Z', type: 'date' },
    ],
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'gist.identify', 'u-1', {
    email: 'ann@example.com', first_name: 'Ann', last_name: 'Lee', created_at: 1705312800, name: 'Ann Lee',
  }]]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Gist needs an email: without one nothing is sent to Gist and the tag fails', () => {
  pageFunction('gist.identify', undefined);
  runCode(tag({ sendGist: true, userId: 'u-1' }));
  assertApi('callInWindow').wasNotCalled();
  assertApi('gtmOnFailure').wasCalled();
  assertThat(logs).contains('gtm-identify gist failed: needs an email; not sent');
});

scenario('Gist loads its widget and queues setAppId, trackPageView and the identify in its array', () => {
  runCode(tag({ sendGist: true, gistLoadScript: true, gistAppId: 'app42', userId: 'u-1', email: 'ann@example.com' }));
  assertThat(page.gist).isEqualTo([['setAppId', 'app42'], ['trackPageView'], ['identify', 'u-1', { email: 'ann@example.com' }]]);
  assertThat(callsOf('injectScript')).isEqualTo([['injectScript', 'https://widget.getgist.com/']]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Gist adds labels to the contact\'s existing tags by default: one comma list with overwrite_tags false', () => {
  pageFunction('gist.identify', undefined);
  runCode(tag({
    sendGist: true, userId: 'u-1', email: 'ann@example.com',
    tagsText: 'vip', tagRows: [{ name: 'newsletter', value: '' }, { name: 'brand', value: 'Audi' }],
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'gist.identify', 'u-1', {
    email: 'ann@example.com', brand: 'Audi', tags: 'vip,newsletter', overwrite_tags: false,
  }]]);
});

scenario('Gist replaces the contact\'s tags only when the box says so, with Gist\'s own default', () => {
  pageFunction('gist.identify', undefined);
  runCode(tag({ sendGist: true, gistOverwriteTags: true, userId: 'u-1', email: 'ann@example.com', tagsText: 'vip' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'gist.identify', 'u-1', { email: 'ann@example.com', tags: 'vip' }]]);
});

scenario('Gist identifies a lead with an email but no user ID under the empty user ID', () => {
  pageFunction('gist.identify', undefined);
  runCode(tag({ sendGist: true, email: 'ann@example.com', tagsText: 'brand=Audi' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'gist.identify', '', { email: 'ann@example.com', brand: 'Audi' }]]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Gist drops property names with a dollar sign and says so', () => {
  pageFunction('gist.identify', undefined);
  runCode(tag({ sendGist: true, userId: 'u-1', email: 'ann@example.com', traitRows: [{ key: '$score', value: '9', type: 'number' }] }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'gist.identify', 'u-1', { email: 'ann@example.com' }]]);
  assertThat(logs).contains('gtm-identify gist warning: property "$score" dropped: no "$" or empty names');
});

scenario('Gist reset shuts the chat down', () => {
  page.gist = [];
  pageFunction('gist.chat', undefined);
  runCode(tag({ sendGist: true, action: 'reset' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'gist.chat', 'shutdown']]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Gist reset waits for the Gist widget to load, then shuts the chat down', () => {
  page.gist = [];
  mock('callLater', (fn: () => void) => {
    pageFunction('gist.chat', undefined);
    fn();
  });
  runCode(tag({ sendGist: true, action: 'reset' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'gist.chat', 'shutdown']]);
  assertThat(logs).contains("gtm-identify gist sent: gist.chat('shutdown') called");
});

scenario('Gist reset is skipped when Gist is not on the page', () => {
  runCode(tag({ sendGist: true, action: 'reset' }));
  assertApi('callInWindow').wasNotCalled();
  assertApi('gtmOnSuccess').wasCalled();
  assertThat(logs).contains('gtm-identify gist skipped: not on the page; nothing to shut down');
});
