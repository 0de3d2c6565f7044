// Splits a .tpl file into its marker-delimited sections, tolerantly: optional BOM, CRLF or LF,
// text before the first marker, any order, unknown sections. GTM frames each section as
// `___NAME___\n\n<body>\n\n\n`; the splitter undoes exactly that framing and no more.

export interface TplSection {
  /** Marker name without underscores, e.g. `INFO`. */
  name: string;
  body: string;
  /** 1-based line of the marker. */
  markerLine: number;
  /** 1-based line where the body starts (for positions of errors inside it). */
  bodyLine: number;
  /** The framing actually found: GTM writes lead '\n' (a blank line) and tail '\n\n\n'. */
  lead: string;
  tail: string;
}

export const CANONICAL_LEAD = '\n';
export const CANONICAL_TAIL = '\n\n\n';

export interface TplFile {
  bom: boolean;
  lineEnding: '\n' | '\r\n';
  /** Text before the first marker ('' for GTM exports). */
  preamble: string;
  sections: TplSection[];
}

const BOM = '\uFEFF';
const MARKER = /^___([A-Z0-9_]+?)___$/;

function markerName(line: string): string | undefined {
  return MARKER.exec(line)?.[1];
}

export function parseTpl(text: string): TplFile {
  const bom = text.startsWith(BOM);
  const unmarked = bom ? text.slice(1) : text;
  const lineEnding = unmarked.includes('\r\n') ? '\r\n' : '\n';
  const lines = unmarked.replace(/\r\n/g, '\n').split('\n');

  const markers: { name: string; index: number }[] = [];
  lines.forEach((line, index) => {
    const name = markerName(line);
    if (name !== undefined) markers.push({ name, index });
  });

  const preambleEnd = markers.length ? markers[0].index : lines.length;
  const preamble = lines.slice(0, preambleEnd).join('\n') + (markers.length && preambleEnd > 0 ? '\n' : '');
  const sections = markers.map(({ name, index }, i) => {
    const end = i + 1 < markers.length ? markers[i + 1].index : lines.length;
    // The region between marker lines, as text: '\n' + body + '\n\n\n' when framed by GTM.
    const region = lines.slice(index + 1, end).join('\n') + (i + 1 < markers.length ? '\n' : '');
    const lead = region.startsWith('\n') ? '\n' : '';
    const rest = region.slice(lead.length);
    const tail = rest.endsWith(CANONICAL_TAIL) ? CANONICAL_TAIL : /\n{0,2}$/.exec(rest)![0];
    const body = rest.slice(0, rest.length - tail.length);
    return { name, body, markerLine: index + 1, bodyLine: index + 2 + lead.length, lead, tail };
  });
  return { bom, lineEnding, preamble, sections };
}
