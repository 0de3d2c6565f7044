// Errors the emulator throws out of a template run. Their messages are what a failed scenario
// reports, so they name the cause in GTM's own terms (permission id, key, access).

/** An un-mocked API call that the template's ___WEB_PERMISSIONS___ do not allow. */
export class PermissionError extends Error {
  constructor(readonly permission: string, detail: string) {
    super(`${permission}: ${detail}`);
    this.name = 'PermissionError';
  }
}

/** A failed assertThat/assertApi check or a call of fail() in ___TESTS___. */
export class AssertionFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionFailure';
  }
}

/** The one-line message a failed scenario reports for an error (never a stack trace). */
export function messageOf(error: unknown): string {
  if (error instanceof PermissionError || error instanceof AssertionFailure) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `uncaught value: ${String(error)}`;
}
