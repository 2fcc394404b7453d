import type { Messages } from "./messages.ts";

// The segments page (features/segments). Kept apart from en.ts for its size; en.ts includes it.
export const segmentsEn = {} satisfies Messages;
