import type { Messages } from "./messages.ts";

// The speedometer page (features/speedometer). Kept apart from ru.ts for its size; ru.ts includes it.
export const speedometerRu = {} satisfies Messages;
