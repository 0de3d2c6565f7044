// sha256: asynchronous, base64 by default or hex with {outputEncoding: 'hex'}; the input's
// UTF-8 bytes are hashed. Uses WebCrypto (globalThis.crypto.subtle), present in browsers and
// Node 18+; without it onFailure runs, as GTM's does when the browser lacks support.
import { makeString } from '../../../sandbox/lang';
import { bytesToBase64 } from '../base64';
import { callLaterWith, type ApiFactory } from './context';

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

async function digest(input: string): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto is not available');
  return new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(input)));
}

export const CRYPTO_APIS: Record<string, ApiFactory> = {
  sha256: ({ page }) => (input: unknown, onSuccess?: unknown, onFailure?: unknown, options?: unknown) => {
    const hex = (options as { outputEncoding?: unknown } | undefined)?.outputEncoding === 'hex';
    page.scheduler.track(digest(makeString(input)).then(
      (bytes) => callLaterWith(page, onSuccess, hex ? toHex(bytes) : bytesToBase64(bytes)),
      (error: unknown) => callLaterWith(page, onFailure, { name: 'Error', message: error instanceof Error ? error.message : String(error) }),
    ));
  },
};
