import type { Messages } from "./messages.ts";

// The service page (features/service). Kept apart from en.ts for its size; en.ts includes it.
export const serviceEn = {} satisfies Messages;
