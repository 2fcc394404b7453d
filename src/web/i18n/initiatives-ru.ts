import type { Messages } from "./messages.ts";

// The initiatives page (features/initiatives). Kept apart from ru.ts for its size; ru.ts includes it.
export const initiativesRu = {} satisfies Messages;
