import type { Messages } from "./messages.ts";

// The segments page (features/segments). Kept apart from ru.ts for its size; ru.ts includes it.
export const segmentsRu = {} satisfies Messages;
