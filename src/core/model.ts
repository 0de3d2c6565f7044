// The identify model shared by the template and the bridge
// (docs/reference/vendors.md#the-identify-model, adapted): what comes in raw (IdentifyInput), what
// normalisation makes of it (IdentifyCall), what each destination is configured with, and what
// comes out (VendorResult, Message). Types only: no runtime code.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Traits = JsonObject;

export type VendorId = 'segment' | 'customerio' | 'gist' | 'mutiny' | 'connecto' | 'antsomi';
/** Why we identify: the step the visitor just took. */
export type IdentifyEvent = 'identify' | 'sign_in' | 'sign_up';
export type Action = 'identify' | 'reset';
export type Source = 'gtm_template' | 'datalayer_bridge';
export type TraitType = 'text' | 'number' | 'boolean' | 'date';
export type HashMethod = 'none' | 'sha256' | 'md5';

/** A B2B account (Segment's `company` trait, Mutiny's shared Account). */
export interface Company {
  id?: string;
  name?: string;
  domain?: string;
  industry?: string;
  employeeCount?: number;
  plan?: string;
  [key: string]: Json | undefined;
}

/** `vip` is a label (no value); `brand = Audi` is a key/value tag. */
export interface Tag {
  name: string;
  value?: string;
}

/** One row of the typed traits table. */
export interface TraitRow {
  key?: unknown;
  value?: unknown;
  /** 'text' (default) | 'number' | 'boolean' | 'date' */
  type?: unknown;
}

/** One row of a tags table: a value makes it a key/value tag, no value a label. */
export interface TagRow {
  name?: unknown;
  key?: unknown;
  value?: unknown;
}

/**
 * Raw, unvalidated input from template fields or bridge messages. Every field is `unknown`
 * because GTM variables and dataLayer values can be anything; normalisation reports what it
 * cannot use instead of throwing.
 */
export interface IdentifyInput {
  /** 'identify' (default) | 'reset' */
  action?: unknown;
  /** 'identify' (default) | 'sign_in' | 'sign_up' */
  event?: unknown;
  /** string or number; '' or missing = anonymous */
  userId?: unknown;
  email?: unknown;
  /** true: the (trimmed, lower-cased) email is the user id when no user id is given */
  useEmailAsUserId?: unknown;
  /** typed table rows; they win over `traits` */
  traitRows?: unknown;
  /** a plain object of traits (e.g. from a GTM variable) */
  traits?: unknown;
  /** 'vip, brand=Audi', ['vip', 'brand=Audi'] or rows [{name|key, value}] */
  tags?: unknown;
  /** a plain object; wins over `traits.company` field by field */
  company?: unknown;
  /** 'none' (default) | 'sha256' | 'md5' — applied to the user id */
  userIdHash?: unknown;
}

/** The normalised, vendor-neutral call every vendor module maps from. */
export interface IdentifyCall {
  /** null = anonymous (never "keep the previous user") */
  userId: string | null;
  /** a valid address, or null */
  email: string | null;
  /** canonical camelCase reserved names (firstName, createdAt, …); email/company/tags pulled out */
  traits: Traits;
  /** top-level trait keys whose values are ISO-8601 UTC date-times */
  dateKeys: string[];
  tags: Tag[];
  company: Company | null;
  event: IdentifyEvent;
  source: Source;
}

export type MessageLevel = 'info' | 'warning' | 'error';

/** A debug message; `error` means the call (or one destination) could not be made. */
export interface Message {
  level: MessageLevel;
  vendor: VendorId | null;
  text: string;
}

export type ResultStatus = 'sent' | 'queued' | 'skipped' | 'failed';

/**
 * `sent`: handed to the vendor's method on the page (its SDK, or its own snippet stub);
 * `queued`: pushed into the vendor's pre-load queue by us (or waiting for consent);
 * `skipped`: deliberately not sent (unchanged, consent dropped, documented no-op, SDK absent);
 * `failed`: could not be sent (invalid input or options, script failed to load, SDK never came).
 */
export interface VendorResult {
  vendor: VendorId;
  status: ResultStatus;
  message: string;
}

// ---- per-destination options (all optional; vendor modules validate and default them) ----

export interface SegmentOptions {
  /** needed only to load analytics.js ourselves */
  writeKey?: unknown;
  /** inject analytics.js when it is not on the page */
  loadScript?: unknown;
  /** analytics.js `integrations` option, e.g. {All: true, Intercom: false} */
  integrations?: unknown;
}

export interface CustomerioOptions {
  writeKey?: unknown;
  loadScript?: unknown;
  integrations?: unknown;
  /** 'cioanalytics' (default, current snippet) | 'analytics' (older snippets) */
  globalName?: unknown;
  /** 'us' (default) | 'eu' — the script host */
  region?: unknown;
}

export interface GistOptions {
  /** the workspace app id, needed only to load the script ourselves */
  appId?: unknown;
  loadScript?: unknown;
  /** false merges tags instead of replacing them (Gist's default is true) */
  overwriteTags?: unknown;
  /** how long a reset waits for the SDK before giving up (ms, default 5000) */
  waitMs?: unknown;
}

export type MutinyOptions = Record<string, never>;

export interface ConnectoOptions {
  licenseKey?: unknown;
  loadScript?: unknown;
  /** how long identify waits for `_connecto.identify` (ms, default 5000) */
  waitMs?: unknown;
}

export interface AntsomiOptions {
  /** numeric; needed to load the script ourselves */
  portalId?: unknown;
  /** numeric; needed to load the script ourselves */
  propertyId?: unknown;
  loadScript?: unknown;
  /** 'email' (default) | 'phone' | 'userId' */
  customerIdFrom?: unknown;
  /** 'md5' (default) | 'none' */
  customerIdHash?: unknown;
  /** 'lowercase' (default) | 'asGiven': the email as the site gives it, before hashing */
  customerIdEmail?: unknown;
  /** 'template' (default, Antsomi's GTM template) | 'devguide' (developer guide) */
  vocabulary?: unknown;
}

export type Destination =
  | { vendor: 'segment'; options?: SegmentOptions }
  | { vendor: 'customerio'; options?: CustomerioOptions }
  | { vendor: 'gist'; options?: GistOptions }
  | { vendor: 'mutiny'; options?: MutinyOptions }
  | { vendor: 'connecto'; options?: ConnectoOptions }
  | { vendor: 'antsomi'; options?: AntsomiOptions };

/**
 * The window paths and script URL patterns a vendor module may use, one list per Platform
 * method (createArgumentsQueue and aliasInWindow list both of their paths); a method the vendor
 * never uses is left out. The template's build declares them as GTM permissions
 * (src/template/permissions.ts, for every vendor); at run time the template asks GTM
 * (queryPermission), so these lists stay out of its code.
 */
export interface WindowUse {
  /** Page functions called; each is also read, to see whether it is there yet. */
  callInWindow?: readonly string[];
  /** Page values read and never called. */
  copyFromWindow?: readonly string[];
  setInWindow?: readonly string[];
  createQueue?: readonly string[];
  createArgumentsQueue?: readonly string[];
  aliasInWindow?: readonly string[];
  /** GTM URL match patterns for injectScript */
  injectScript?: readonly string[];
}
