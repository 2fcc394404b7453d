import type { Messages } from "./messages.ts";

// The money page (features/money). Kept apart from uk.ts for its size; uk.ts includes it.
export const moneyUk = {} satisfies Messages;
