// ___WEB_PERMISSIONS___ as plain values. GTM stores each permission parameter as a typed value
// ({type:1,string}, {type:8,boolean}, {type:2,listItem}, {type:3,mapKey,mapValue}); this module
// converts between that encoding and plain JSON (strings, booleans, arrays, objects whose key
// order is kept), so that the emulator and the deriver can read permissions as ordinary objects.
// Decoding then encoding reproduces the source exactly: optional parts are written only when
// present, and map keys keep their source order even where a JS object would reorder them.
import type { PermissionId } from '../../sandbox/apis';

export type PlainValue = string | boolean | number | PlainValue[] | { [key: string]: PlainValue };

export interface Permission {
  publicId: PermissionId | string;
  versionId: string;
  params: { [key: string]: PlainValue };
  /** Kept as GTM wrote them; written only when present (toPermissions sets them as GTM does). */
  clientAnnotations?: { [key: string]: unknown };
  /** Written only when present (GTM writes `true`; absent means not required). */
  isRequired?: boolean;
}

/**
 * The source order of a decoded map's keys. JS objects list integer-like keys ("0", "1") first
 * whatever their insertion order, so the order as read is kept beside the object, out of sight
 * of Object.keys and JSON.stringify, and used by the encoder while the key set is unchanged.
 */
const MAP_KEY_ORDER: unique symbol = Symbol('mapKeyOrder');

type Typed =
  | { type: 1; string: string }
  | { type: 8; boolean: boolean }
  | { type: 2; listItem: Typed[] }
  | { type: 3; mapKey: Typed[]; mapValue: Typed[] }
  | { type: number; [key: string]: unknown };

interface TypedPermission {
  instance: { key: { publicId: string; versionId: string }; param: { key: string; value: Typed }[] };
  clientAnnotations?: { [key: string]: unknown };
  isRequired?: boolean;
}

function decodeValue(value: Typed): PlainValue {
  switch (value.type) {
    case 1: return (value as { string: string }).string;
    case 8: return (value as { boolean: boolean }).boolean;
    case 2: return ((value as { listItem?: Typed[] }).listItem ?? []).map(decodeValue);
    case 3: {
      const { mapKey = [], mapValue = [] } = value as { mapKey?: Typed[]; mapValue?: Typed[] };
      return orderedMap(mapKey.map((k, i) => [String(decodeValue(k)), decodeValue(mapValue[i])]));
    }
    default:
      throw new Error(`unknown permission value type ${value.type}`);
  }
}

function encodeValue(value: PlainValue): Typed {
  if (typeof value === 'string') return { type: 1, string: value };
  if (typeof value === 'boolean') return { type: 8, boolean: value };
  if (typeof value === 'number') return { type: 1, string: String(value) };
  if (Array.isArray(value)) return { type: 2, listItem: value.map(encodeValue) };
  const keys = keyOrder(value);
  return { type: 3, mapKey: keys.map((k) => encodeValue(k)), mapValue: keys.map((k) => encodeValue(value[k])) };
}

/** An object of the entries, remembering their order when JS would not keep it. */
function orderedMap(entries: [string, PlainValue][]): { [key: string]: PlainValue } {
  const out: { [key: string]: PlainValue } = {};
  for (const [key, value] of entries) out[key] = value;
  const order = entries.map(([key]) => key);
  if (order.join('\0') !== Object.keys(out).join('\0')) {
    Object.defineProperty(out, MAP_KEY_ORDER, { value: order, enumerable: false });
  }
  return out;
}

/** The keys of a map in source order when known and still valid, else in JS order. */
function keyOrder(value: { [key: string]: PlainValue }): string[] {
  const keys = Object.keys(value);
  const order = (value as { [MAP_KEY_ORDER]?: string[] })[MAP_KEY_ORDER];
  if (!order || order.length !== keys.length) return keys;
  const present = new Set(keys);
  return order.every((k) => present.has(k)) && new Set(order).size === order.length ? order : keys;
}

export function decodePermissions(json: unknown): Permission[] {
  if (!Array.isArray(json)) throw new Error('___WEB_PERMISSIONS___ must be a JSON array');
  json.forEach(checkEntry);
  return (json as TypedPermission[]).map((p) => {
    const params = orderedMap((p.instance.param ?? []).map(({ key, value }) => [key, decodeValue(value)]));
    const out: Permission = {
      publicId: p.instance.key.publicId,
      versionId: p.instance.key.versionId,
      params,
    };
    if (p.clientAnnotations) out.clientAnnotations = p.clientAnnotations;
    if (p.isRequired !== undefined) out.isRequired = p.isRequired;
    return out;
  });
}

/** Throws a readable message for an entry that is not shaped as GTM writes permissions. */
function checkEntry(entry: unknown, index: number): void {
  const p = entry as Partial<TypedPermission> | null;
  const publicId = typeof p === 'object' && p !== null ? p.instance?.key?.publicId : undefined;
  if (typeof publicId !== 'string') {
    throw new Error(`entry ${index + 1} has no "instance": {"key": {"publicId": …}} (a GTM permission entry)`);
  }
  if (p!.instance!.param !== undefined && !Array.isArray(p!.instance!.param)) {
    throw new Error(`${publicId}: "param" must be a list`);
  }
}

export function encodePermissions(permissions: readonly Permission[]): TypedPermission[] {
  return permissions.map((p) => {
    const out: TypedPermission = {
      instance: {
        key: { publicId: p.publicId, versionId: p.versionId },
        param: keyOrder(p.params).map((key) => ({ key, value: encodeValue(p.params[key]) })),
      },
    };
    if (p.clientAnnotations) out.clientAnnotations = p.clientAnnotations;
    if (p.isRequired !== undefined) out.isRequired = p.isRequired;
    return out;
  });
}
