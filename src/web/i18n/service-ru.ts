import type { Messages } from "./messages.ts";

// The service page (features/service). Kept apart from ru.ts for its size; ru.ts includes it.
export const serviceRu = {} satisfies Messages;
