import type { Messages } from "./messages.ts";

// The problems page (features/problems). Kept apart from ru.ts for its size; ru.ts includes it.
export const problemsRu = {} satisfies Messages;
