import { scenario, runCode, assertApi, assertThat } from 'gtm-sandbox/test';
import { callsOf, letters, logs, page, pageFunction, tag } from './setup';

scenario('Gist gets an object trait flattened one level and lists joined with commas; deeper values are dropped with a message', () => {
  pageFunction('gist.identify', undefined);
  runCode(tag({
    sendGist: true, userId: 'u-1', email: 'ann@example.com',
    traitsObject: { home: { city: 'Paris', geo: { lat: 1 } }, interests: ['ski', 'golf'], orders: [{ id: 1 }] },
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'gist.identify', 'u-1', {
    email: 'ann@example.com', home_city: 'Paris', interests: 'ski,golf',
  }]]);
  assertThat(logs).contains('gtm-identify gist warning: home.geo is nested over one level deep; dropped');
  assertThat(logs).contains('gtm-identify gist warning: orders is a list of objects or lists; dropped');
});

scenario('Gist gets dates in _at keys as Unix seconds, long text cut to 255 characters, and never a trait named like its own properties', () => {
  pageFunction('gist.identify', undefined);
  runCode(tag({
    sendGist: true, userId: 'u-1', email: 'ann@example.com', tagsText: 'tags=x',
    traitsObject: { last_seen_at: '2024-01-15T10:00:00Z', trial_at: 'soon', bio: letters(300, 'b') },
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'gist.identify', 'u-1', {
    email: 'ann@example.com', last_seen_at: 1705312800, trial_at: 'soon', bio: letters(255, 'b'),
  }]]);
  assertThat(logs).contains('gtm-identify gist warning: property "bio" truncated to 255 characters');
  assertThat(logs).contains('gtm-identify gist info: property "last_seen_at" sent as unix seconds (1705312800)');
  assertThat(logs).contains('gtm-identify gist warning: property "trial_at" ends in _at (a date), but "soon" is not a date; sent as given');
  assertThat(logs).contains('gtm-identify gist warning: "tags" not sent: "tags" comes from the email and tags');
});

scenario('Gist labels beyond 255 characters in all are left out whole and named in preview mode', () => {
  pageFunction('gist.identify', undefined);
  runCode(tag({ sendGist: true, userId: 'u-1', email: 'ann@example.com', tagsText: letters(100, 'a') + ',' + letters(100, 'b') + ',' + letters(100, 'c') }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'gist.identify', 'u-1', {
    email: 'ann@example.com', tags: letters(100, 'a') + ',' + letters(100, 'b'), overwrite_tags: false,
  }]]);
  assertThat(logs).contains('gtm-identify gist warning: tags over 255 characters in all; not sent: ' + letters(100, 'c'));
});

scenario('Gist does not send a key/value tag whose name a trait already uses, and says so', () => {
  pageFunction('gist.identify', undefined);
  runCode(tag({ sendGist: true, userId: 'u-1', email: 'ann@example.com', traitRows: [{ key: 'plan', value: 'pro' }], tagsText: 'plan=gold' }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'gist.identify', 'u-1', { email: 'ann@example.com', plan: 'pro' }]]);
  assertThat(logs).contains('gtm-identify gist warning: tag plan not sent: "plan" is already set');
});

scenario('Without its widget on the page and without loading it, the Gist identify waits in window.gist', () => {
  runCode(tag({ sendGist: true, userId: 'u-1', email: 'ann@example.com' }));
  assertThat(page.gist).isEqualTo([['identify', 'u-1', { email: 'ann@example.com' }]]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('When window.gist holds something that is not Gist, nothing is sent to Gist and the tag fails', () => {
  page.gist = 'gist';
  runCode(tag({ sendGist: true, userId: 'u-1', email: 'ann@example.com' }));
  assertApi('gtmOnFailure').wasCalled();
  assertThat(logs).contains('gtm-identify gist failed: window.gist is a string, not Gist\'s SDK; nothing sent');
});
