// One Storona import in its own process, so the benchmark can read that process's peak memory alone.
import { importFile } from "../src/modules/intake/index.ts";
import { openDatabase } from "../src/platform/db/index.ts";

const [url, workspace, file] = process.argv.slice(2);
const db = openDatabase(url!, { max: 2 });
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const s = await importFile(db.pool, { workspaceId: Number(workspace), entity: "orders", file: file! });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
await db.close();
console.log(
  JSON.stringify({
    rows: s.read,
    inserted: s.inserted,
    phases: s.phases,
    laneRows: s.laneRows,
    seconds,
    nodeCpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
