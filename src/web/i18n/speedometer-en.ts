import type { Messages } from "./messages.ts";

// The speedometer page (features/speedometer). Kept apart from en.ts for its size; en.ts includes it.
export const speedometerEn = {} satisfies Messages;
