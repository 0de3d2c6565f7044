import { scenario, runCode, assertThat } from 'gtm-sandbox/test';
import { callsOf, logs, pageFunction, tag } from './setup';

scenario('A tags variable holding an object sends each key as a tag: true ones and unreadable values as labels, false ones not at all', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', tagsText: { brand: 'Audi', vip: true, churned: false, size: 3, meta: { a: 1 } } }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { brand: 'Audi', size: '3', tags: ['vip', 'meta'] }]]);
  assertThat(logs).contains('gtm-identify warning: tag "meta" has a object value; sent as a label');
});

scenario('Tags that cannot be used are dropped and each is named in preview mode', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({
    sendSegment: true, userId: 'u-1',
    tagsText: 'vip, =gold',
    tagRows: [{ name: 'a,b', value: 'x' }, { name: '__proto__', value: 'x' }, { name: 'brand', value: 'Audi' }],
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { brand: 'Audi', tags: ['vip'] }]]);
  assertThat(logs).contains('gtm-identify warning: tag "=gold" has no name; dropped');
  assertThat(logs).contains('gtm-identify warning: tag "a,b" dropped: no commas in names');
  assertThat(logs).contains('gtm-identify warning: tag "__proto__" dropped: a reserved key');
});

scenario('A tags variable that is true or false is ignored with a message', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', tagsText: true, traitRows: [{ key: 'plan', value: 'pro' }] }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { plan: 'pro' }]]);
  assertThat(logs).contains('gtm-identify warning: tags must be text, a list or an object, not a boolean; ignored');
});
