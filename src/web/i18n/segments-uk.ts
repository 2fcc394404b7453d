import type { Messages } from "./messages.ts";

// The segments page (features/segments). Kept apart from uk.ts for its size; uk.ts includes it.
export const segmentsUk = {} satisfies Messages;
