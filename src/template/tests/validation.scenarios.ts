import { scenario, runCode, assertApi, assertThat, mock } from 'gtm-sandbox/test';
import { logs, pageFunction, tag } from './setup';

scenario('A user id over 255 characters fails the tag and says why', () => {
  pageFunction('analytics.identify', undefined);
  let longId = '';
  for (let i = 0; i < 26; i++) longId = longId + '0123456789';
  runCode(tag({ sendSegment: true, userId: longId }));
  assertApi('callInWindow').wasNotCalled();
  assertApi('gtmOnFailure').wasCalled();
  assertThat(logs).contains('gtm-identify error: user id is 260 characters; at most 255 allowed');
});

scenario('A traits variable that is not an object is reported and ignored', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', traitsObject: 'plan=pro' }));
  assertThat(logs).contains('gtm-identify warning: traits must be an object, not a string; ignored');
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('A tag with no tool ticked fails and says so', () => {
  runCode(tag({ userId: 'u-1' }));
  assertApi('gtmOnFailure').wasCalled();
  assertApi('gtmOnSuccess').wasNotCalled();
  assertThat(logs).contains('gtm-identify error: no destination to send to');
});

scenario('An identify with nothing to send fails and says so', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true }));
  assertApi('callInWindow').wasNotCalled();
  assertApi('gtmOnFailure').wasCalled();
  assertThat(logs).contains('gtm-identify error: nothing to identify: no user id, email, traits, tags or company');
});

scenario('An invalid email is dropped with a message', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', email: 'not-an-email' }));
  assertThat(logs).contains('gtm-identify warning: email "not-an-email" is not a valid address; dropped');
  assertApi('gtmOnSuccess').wasCalled();
});

scenario('A Number trait whose value is not a number is dropped and reported', () => {
  pageFunction('analytics.identify', undefined);
  runCode(tag({ sendSegment: true, userId: 'u-1', traitRows: [{ key: 'age', value: 'forty', type: 'number' }] }));
  assertThat(logs).contains('gtm-identify warning: traits row 1 (age): "forty" is not a number; dropped');
});

scenario('Messages are not logged outside preview and debug mode', () => {
  mock('getContainerVersion', () => ({
    containerId: 'GTM-TEST', version: '7', environmentName: '', environmentMode: false, debugMode: false, previewMode: false,
  }));
  runCode(tag({ userId: 'u-1' }));
  assertApi('logToConsole').wasNotCalled();
  assertApi('gtmOnFailure').wasCalled();
});

scenario('Gist refuses a user id of 255 characters or more and says why', () => {
  pageFunction('gist.identify', undefined);
  let id = '';
  for (let i = 0; i < 25; i++) id = id + '0123456789';
  runCode(tag({ sendGist: true, userId: id + '12345', email: 'ann@example.com' }));
  assertApi('callInWindow').wasNotCalled();
  assertThat(logs).contains('gtm-identify gist failed: user id over 254 characters (255); not sent');
});
