import type { Messages } from "./messages.ts";

// The service page (features/service). Kept apart from uk.ts for its size; uk.ts includes it.
export const serviceUk = {} satisfies Messages;
