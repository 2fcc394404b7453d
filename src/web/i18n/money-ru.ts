import type { Messages } from "./messages.ts";

// The money page (features/money). Kept apart from ru.ts for its size; ru.ts includes it.
export const moneyRu = {} satisfies Messages;
