// How core reports: every module takes a `Note` and says what it dropped, changed or could not
// do; the engine collects the messages and echoes each one to the platform's debug log.
import type { Message, MessageLevel, VendorId } from './model';

export type Note = (level: MessageLevel, text: string) => void;

/** The debug-log line of a message: 'gtm-identify gist warning: …'. */
export const formatMessage = (message: Pick<Message, 'vendor' | 'text'> & { level: string }): string =>
  'gtm-identify ' + (message.vendor === null ? '' : message.vendor + ' ') + message.level + ': ' + message.text;

/** A Note that appends to `list`, tagged with `vendor`. */
export const collectInto = (list: Message[], vendor: VendorId | null): Note => (level, text) => {
  list.push({ level: level, vendor: vendor, text: text });
};

export const hasErrors = (list: Message[]): boolean => list.some((message) => message.level === 'error');

/** The texts of the error messages, joined. */
export const errorText = (list: Message[]): string =>
  list.filter((message) => message.level === 'error').map((message) => message.text).join('; ');
