import type { Messages } from "./messages.ts";

// The money page (features/money). Kept apart from en.ts for its size; en.ts includes it.
export const moneyEn = {} satisfies Messages;
