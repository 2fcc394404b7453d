import type { Messages } from "./messages.ts";

// The initiatives page (features/initiatives). Kept apart from en.ts for its size; en.ts includes it.
export const initiativesEn = {} satisfies Messages;
