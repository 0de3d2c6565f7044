// What the vendors' fields share: the patterns keys, ids and waits are checked with, and the
// builders of a key rule, a required key, a wait and the "Load the vendor's script" checkbox.
import { checkbox, equals, nonEmpty, regex, text } from '../../toolchain/fields';
import type { Field } from '../../toolchain/fields';

/** A GTM variable reference such as {{DLV - user id}}: validators must let it through. */
export const VARIABLE = '\\{\\{[^{}]+\\}\\}';
/** Keys, app ids and license keys: letters, digits, _ and - (core's KEY_CHARS), or a variable. */
export const KEY_PATTERN = '^([A-Za-z0-9_-]+|' + VARIABLE + ')$';
/** Antsomi portal and property ids, and waits in ms: whole numbers, or a variable. */
export const DIGITS_PATTERN = '^([0-9]+|' + VARIABLE + ')$';

export const keyRule = (what: string) =>
  regex(KEY_PATTERN, { errorMessage: what + ' has only letters, digits, _ and - (no spaces), or is a {{variable}}.' });
export const required = (what: string, untick: string, loadCheckbox: string) =>
  nonEmpty({ errorMessage: 'Enter the ' + what + ', or untick "' + untick + '".', enablingConditions: [equals(loadCheckbox, true)] });
/** A wait in ms: digits or a {{variable}} (NON_NEGATIVE_NUMBER would refuse a variable). */
export const waitMs = <N extends string>(name: N, checkboxName: string, what: string, help: string) =>
  text(name, {
    displayName: what,
    valueUnit: 'ms',
    defaultValue: '5000',
    help: help + ' At most 30000 ms; empty means 5000. The other tools are sent to at once.',
    valueValidators: [regex(DIGITS_PATTERN, { errorMessage: 'Enter a whole number of milliseconds, e.g. 5000 (or a {{variable}}).' })],
    enablingConditions: [equals(checkboxName, true)],
  });
/**
 * "Load the vendor's script" checkbox with the fields that loading needs nested under it: GTM ORs
 * enabling conditions, so nesting is what shows a key only while both the vendor and Load are ticked.
 */
export const loadScript = <N extends string, const S extends readonly Field[]>(name: N, vendorCheckbox: string, checkboxText: string, help: string, subParams: S) =>
  checkbox(name, { checkboxText, defaultValue: false, help, enablingConditions: [equals(vendorCheckbox, true)], subParams });
