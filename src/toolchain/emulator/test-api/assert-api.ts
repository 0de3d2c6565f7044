// assertApi(name): what the scenario's code made of one API (or of gtmOnSuccess/gtmOnFailure),
// from the session's call records. GTM documents wasCalled, wasNotCalled, wasCalledWith and
// wasNotCalledWith; there is no call-count assertion, so none is offered.
import type { ApiAssertion } from 'gtm-sandbox/test';
import { AssertionFailure } from '../errors';
import { render } from '../render';
import type { ApiCall } from '../session';
import { deepEqual } from './deep-equal';

export function assertApi(calls: readonly ApiCall[], name: unknown): ApiAssertion {
  const api = String(name);
  const argsOfCalls = () => calls.filter((call) => call.api === api).map((call) => call.args);
  const history = (list: unknown[][]) =>
    list.length === 0 ? 'not called' : `called with ${list.map((args) => render(args)).join(', ')}`;
  const fail = (message: string): never => {
    throw new AssertionFailure(message);
  };
  return {
    wasCalled() {
      if (argsOfCalls().length === 0) fail(`expected ${api} to have been called but it was not called`);
    },
    wasNotCalled() {
      const list = argsOfCalls();
      if (list.length > 0) fail(`expected ${api} not to have been called but it was ${history(list)}`);
    },
    wasCalledWith(...expected) {
      const list = argsOfCalls();
      if (!list.some((args) => deepEqual(args, expected))) {
        fail(`expected ${api} to have been called with ${render(expected)} but it was ${history(list)}`);
      }
    },
    wasNotCalledWith(...expected) {
      if (argsOfCalls().some((args) => deepEqual(args, expected))) {
        fail(`expected ${api} not to have been called with ${render(expected)} but it was`);
      }
    },
  };
}
