// Completion guards: core promises exactly one completion per call, whatever the platform or a
// vendor's page code does with the callbacks it is given.

/** `fn` wrapped so that only its first call runs. */
export function once<T>(fn: (value: T) => void): (value: T) => void {
  let called = false;
  return (value: T) => {
    if (called) return;
    called = true;
    fn(value);
  };
}
