import { scenario, runCode, assertApi, assertThat } from 'gtm-sandbox/test';
import { callsOf, dataLayer, pageFunction, tag } from './setup';

scenario('A Get Dealer Details click tags the visitor with the brand from oemname', () => {
  pageFunction('analytics.identify', undefined);
  dataLayer.oemname = 'Audi';
  runCode(tag({ sendSegment: true, keyMapping: [{ from: 'oemname', as: 'tag', to: 'brand', type: 'text' }] }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', { brand: 'Audi' }]]);
  assertApi('copyFromDataLayer').wasCalledWith('oemname');
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('A sign-in event gives the user id and email from dotted data layer keys', () => {
  pageFunction('analytics.identify', undefined);
  dataLayer['user.id'] = 'u-9';
  dataLayer['user.email'] = 'zoe@example.com';
  runCode(tag({
    sendSegment: true, event: 'sign_in',
    keyMapping: [{ from: 'user.id', as: 'userId', to: '', type: 'text' }, { from: 'user.email', as: 'email', to: '', type: 'text' }],
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-9', { email: 'zoe@example.com' }]]);
});

scenario('A data layer trait is typed, and named after the key when no name is given', () => {
  pageFunction('analytics.identify', undefined);
  dataLayer.visits = '12';
  runCode(tag({ sendSegment: true, userId: 'u-1', keyMapping: [{ from: 'visits', as: 'trait', to: '', type: 'number' }] }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { visits: 12 }]]);
});

scenario('The User ID field wins over a user id from the data layer, and table traits over mapped ones', () => {
  pageFunction('analytics.identify', undefined);
  dataLayer.uid = 'from-data-layer';
  dataLayer.plan = 'free';
  runCode(tag({
    sendSegment: true, userId: 'u-1', traitRows: [{ key: 'plan', value: 'pro', type: 'text' }],
    keyMapping: [{ from: 'uid', as: 'userId', to: '', type: 'text' }, { from: 'plan', as: 'trait', to: 'plan', type: 'text' }],
  }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', { plan: 'pro' }]]);
});

scenario('A data layer key that is not there adds nothing', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', keyMapping: [{ from: 'oemname', as: 'tag', to: 'brand', type: 'text' }] }));
  assertThat(callsOf('callInWindow')).isEqualTo([['callInWindow', 'analytics.identify', 'u-1', {}]]);
});
