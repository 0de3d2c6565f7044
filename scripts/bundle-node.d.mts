/** Bundles a TypeScript entry for Node (npm packages external) into `outfile`, with a node shebang. */
export function bundleNodeEntry(entry: string, outfile: string): Promise<void>;
