// A separate process running one import, so a test can kill it with SIGKILL half-way (pipeline.int.test.ts).
import { openDatabase } from "../../../platform/db/index.ts";
import { importFile } from "../pipeline.ts";

const [url, workspace, file] = process.argv.slice(2);
const db = openDatabase(url!, { max: 2 });
await importFile(db.pool, { workspaceId: Number(workspace), entity: "orders", file: file!, batchSize: 2000 });
await db.close();
