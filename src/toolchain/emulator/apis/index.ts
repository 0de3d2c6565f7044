// Every web API the emulator implements, by the name `require` takes. The catalogue
// (src/sandbox/apis.ts) is the list of names; a test checks that both agree.
import type { ApiFactory } from './context';
import { CONSENT_APIS } from './consent';
import { COOKIE_APIS } from './cookies';
import { CRYPTO_APIS } from './crypto';
import { DATA_LAYER_APIS } from './data-layer';
import { LANG_APIS } from './lang';
import { NETWORK_APIS } from './network';
import { PAGE_INFO_APIS } from './page-info';
import { STORAGE_APIS } from './storage';
import { URL_APIS } from './url';
import { WINDOW_APIS } from './window';

export const API_FACTORIES: Readonly<Record<string, ApiFactory>> = {
  ...CONSENT_APIS,
  ...COOKIE_APIS,
  ...CRYPTO_APIS,
  ...DATA_LAYER_APIS,
  ...LANG_APIS,
  ...NETWORK_APIS,
  ...PAGE_INFO_APIS,
  ...STORAGE_APIS,
  ...URL_APIS,
  ...WINDOW_APIS,
};
