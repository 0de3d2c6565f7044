// Who the visitor is, as the page's own pushes said it: taken from every identify a rule starts
// and forgotten on reset. A tagged click that no rule claims becomes an identify of this visitor
// whose tags are the click's data (clicks.ts keeps identities out of that data, so page HTML
// can add tags to the visitor but never choose who the visitor is).
import { isMissing } from '../core/checks';
import type { IdentifyInput } from '../core/index';

export function visitor() {
  let known: IdentifyInput = {};
  return {
    /** Keeps the identity an input carries (a reset forgets it); returns the input. */
    seen(input: IdentifyInput): IdentifyInput {
      if (input.action === 'reset') known = {};
      else if (!isMissing(input.userId) || !isMissing(input.email)) known = { userId: input.userId, email: input.email };
      return input;
    },
    /** The identify for a click message no rule claims: every key but `event` is a tag. */
    clickInput(message: Record<string, string>): IdentifyInput {
      const tags: Record<string, string> = Object.assign({}, message);
      delete tags.event;
      return { action: 'identify', userId: known.userId, email: known.email, tags };
    },
  };
}
