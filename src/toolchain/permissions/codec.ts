// ___WEB_PERMISSIONS___ as plain values. GTM stores each permission parameter as a typed value
// ({type:1,string}, {type:8,boolean}, {type:2,listItem}, {type:3,mapKey,mapValue}); this module
// converts between that encoding and plain JSON (strings, booleans, arrays, objects whose key
// order is kept), so that the emulator and the deriver can read permissions as ordinary objects.
import type { PermissionId } from '../sandbox/apis';

export type PlainValue = string | boolean | number | PlainValue[] | { [key: string]: PlainValue };

export interface Permission {
  publicId: PermissionId | string;
  versionId: string;
  params: { [key: string]: PlainValue };
  /** Kept as GTM wrote them; the writer emits `{isEditedByUser: true}` when params are non-empty. */
  clientAnnotations?: { [key: string]: unknown };
  isRequired: boolean;
}

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

export function decodeValue(value: Typed): PlainValue {
  switch (value.type) {
    case 1: return (value as { string: string }).string;
    case 8: return (value as { boolean: boolean }).boolean;
    case 2: return ((value as { listItem?: Typed[] }).listItem ?? []).map(decodeValue);
    case 3: {
      const { mapKey = [], mapValue = [] } = value as { mapKey?: Typed[]; mapValue?: Typed[] };
      const out: { [key: string]: PlainValue } = {};
      mapKey.forEach((k, i) => { out[String(decodeValue(k))] = decodeValue(mapValue[i]); });
      return out;
    }
    default:
      throw new Error(`unknown permission value type ${value.type}`);
  }
}

export function encodeValue(value: PlainValue): Typed {
  if (typeof value === 'string') return { type: 1, string: value };
  if (typeof value === 'boolean') return { type: 8, boolean: value };
  if (typeof value === 'number') return { type: 1, string: String(value) };
  if (Array.isArray(value)) return { type: 2, listItem: value.map(encodeValue) };
  const keys = Object.keys(value);
  return { type: 3, mapKey: keys.map((k) => encodeValue(k)), mapValue: keys.map((k) => encodeValue(value[k])) };
}

export function decodePermissions(json: unknown): Permission[] {
  if (!Array.isArray(json)) throw new Error('___WEB_PERMISSIONS___ must be a JSON array');
  return (json as TypedPermission[]).map((p) => {
    const params: { [key: string]: PlainValue } = {};
    for (const { key, value } of p.instance.param ?? []) params[key] = decodeValue(value);
    const out: Permission = {
      publicId: p.instance.key.publicId,
      versionId: p.instance.key.versionId,
      params,
      isRequired: p.isRequired ?? false,
    };
    if (p.clientAnnotations) out.clientAnnotations = p.clientAnnotations;
    return out;
  });
}

export function encodePermissions(permissions: readonly Permission[]): TypedPermission[] {
  return permissions.map((p) => {
    const out: TypedPermission = {
      instance: {
        key: { publicId: p.publicId, versionId: p.versionId },
        param: Object.keys(p.params).map((key) => ({ key, value: encodeValue(p.params[key]) })),
      },
    };
    const annotations = p.clientAnnotations ?? (Object.keys(p.params).length ? { isEditedByUser: true } : undefined);
    if (annotations) out.clientAnnotations = annotations;
    out.isRequired = p.isRequired;
    return out;
  });
}
