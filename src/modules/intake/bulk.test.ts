import { describe, expect, it } from "vitest";
import { buildWorkers } from "./bulk.ts";

describe("parallel workers for a block load's index builds", () => {
  it("gives each of the two builds half the cores of this machine, less its own process, on a local server", () => {
    expect(buildWorkers({ host: "127.0.0.1" }, 2)).toBe(0);
    expect(buildWorkers({ host: "localhost" }, 1)).toBe(0);
    expect(buildWorkers({ host: "::1" }, 8)).toBe(3);
    expect(buildWorkers({ host: "/var/run/postgresql" }, 16)).toBe(7);
    expect(buildWorkers({}, 6)).toBe(2);
  });

  it("leaves a server on another machine its own setting", () => {
    expect(buildWorkers({ host: "db.example.com" }, 2)).toBeUndefined();
    expect(buildWorkers({ host: "10.0.0.5" }, 64)).toBeUndefined();
  });
});
