import type { Messages } from "./messages.ts";

// The problems page (features/problems). Kept apart from uk.ts for its size; uk.ts includes it.
export const problemsUk = {} satisfies Messages;
