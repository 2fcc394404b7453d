import type { Messages } from "./messages.ts";

// The problems page (features/problems). Kept apart from en.ts for its size; en.ts includes it.
export const problemsEn = {} satisfies Messages;
