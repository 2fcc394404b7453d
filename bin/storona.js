#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so there is no separate build step for the server.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
