import type { Messages } from "./messages.ts";

// The speedometer page (features/speedometer). Kept apart from uk.ts for its size; uk.ts includes it.
export const speedometerUk = {} satisfies Messages;
