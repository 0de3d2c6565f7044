// UTF-8 base64 with the platform's btoa/atob (browsers and Node 18+ both have them).

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export const utf8ToBase64 = (text: string): string => bytesToBase64(new TextEncoder().encode(text));

/** undefined for input that is not base64 or not UTF-8 once decoded. */
export function base64ToUtf8(encoded: string): string | undefined {
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
