// Dotted paths into the page's window ('analytics.identify'), as the window APIs take them.

export interface PathTarget {
  /** The object holding the last segment, or undefined when an intermediate is missing. */
  owner: Record<string, unknown> | undefined;
  key: string;
}

const isContainer = (value: unknown): value is Record<string, unknown> =>
  value !== null && (typeof value === 'object' || typeof value === 'function');

export function resolvePath(root: Record<string, unknown>, path: string): PathTarget {
  const parts = path.split('.');
  let owner: unknown = root;
  for (const part of parts.slice(0, -1)) {
    owner = isContainer(owner) ? owner[part] : undefined;
  }
  return { owner: isContainer(owner) ? owner : undefined, key: parts[parts.length - 1] };
}

export function readPath(root: Record<string, unknown>, path: string): unknown {
  const { owner, key } = resolvePath(root, path);
  return owner ? owner[key] : undefined;
}

/** Writes at a path, creating missing intermediate objects; false when an intermediate is a primitive. */
export function writePath(root: Record<string, unknown>, path: string, value: unknown): boolean {
  const parts = path.split('.');
  let owner: Record<string, unknown> = root;
  for (const part of parts.slice(0, -1)) {
    if (owner[part] === undefined || owner[part] === null) owner[part] = {};
    if (!isContainer(owner[part])) return false;
    owner = owner[part] as Record<string, unknown>;
  }
  owner[parts[parts.length - 1]] = value;
  return true;
}
