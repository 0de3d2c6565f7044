import { scenario, runCode, assertApi, assertThat } from 'gtm-sandbox/test';
import { callsOf, logs, pageFunction, tag } from './setup';

scenario('A traits variable keeps lists and nested objects for Segment, and drops what cannot be sent, saying why', () => {
  pageFunction('analytics.identify', undefined);
  // Ten levels under deep; the tenth level down is where the nesting limit cuts.
  let deep: { [key: string]: unknown } = { end: 'too deep' };
  let kept: { [key: string]: unknown } = {};
  let where = 'traits.deep';
  for (let i = 0; i < 10; i++) {
    deep = { more: deep };
    if (i < 8) kept = { more: kept };
    if (i < 9) where = where + '.more';
  }
  runCode(tag({
    sendSegment: true, userId: 'u-1',
    traitsObject: { interests: ['ski', ' ', 'golf'], score: 0 / 0, deep: deep, greet: () => 'hi' },
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { interests: ['ski', 'golf'], deep: kept }]]);
  assertThat(logs).contains('gtm-identify warning: ' + where + ' is nested more than 10 levels deep; dropped');
  assertThat(logs).contains('gtm-identify warning: traits.score is not a finite number; dropped');
  assertThat(logs).contains('gtm-identify warning: traits.greet is a function; dropped');
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('A trait given both in camelCase and snake_case is sent once, in camelCase, and preview mode says so', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', traitsObject: { first_name: 'Annie', firstName: 'Ann' } }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { firstName: 'Ann' }]]);
  assertThat(logs).contains('gtm-identify warning: traits has both first_name and firstName; firstName is used');
});

scenario('Yes/no words become true or false in a Boolean trait row, and other words are dropped with a message', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({
    sendSegment: true, userId: 'u-1',
    traitRows: [
      { key: 'newsletter', value: 'No', type: 'boolean' }, { key: 'beta', value: 'yes', type: 'boolean' },
      { key: 'trial', value: 'maybe', type: 'boolean' },
    ],
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { newsletter: false, beta: true }]]);
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('Trait rows without a name, or that are not rows, are skipped with a message', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', traitRows: ['plan=pro', { key: '', value: 'gold' }, { key: 'plan', value: 'pro' }] }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { plan: 'pro' }]]);
  assertThat(logs).contains('gtm-identify warning: traits row 1 is not a row; ignored');
  assertThat(logs).contains('gtm-identify warning: traits row 2 has a value but no name; ignored');
});

scenario('A created date from a traits variable is sent as ISO-8601, an age as a number, and a date that is not one as given', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', traitsObject: { createdAt: '2024-02-29', age: '42', birthday: 'someday' } }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', {
    createdAt: '2024-02-29T00:00:00.000Z', age: 42, birthday: 'someday',
  }]]);
  assertThat(logs).contains('gtm-identify warning: birthday: "someday" is not a date; sent as given');
});
