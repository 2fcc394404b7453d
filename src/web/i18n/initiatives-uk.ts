import type { Messages } from "./messages.ts";

// The initiatives page (features/initiatives). Kept apart from uk.ts for its size; uk.ts includes it.
export const initiativesUk = {} satisfies Messages;
