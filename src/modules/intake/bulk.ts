import { once } from "node:events";
import os from "node:os";
import { finished } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { BinaryCopyWriter, sendLent } from "../../platform/db/index.ts";
import { KeyMap } from "./key-table.ts";
import { type CustomerRef, FastOrderRows, grown, type OrderRow } from "./parse/index.ts";

/**
 * A workspace's first large orders import, loaded as a block (docs/decisions/0009-bulk-orders.md).
 *
 * Keeping the orders' indexes up to date row by row costs about ten times a bare COPY. When a workspace has
 * no orders yet and the file is large, the rows go instead, by binary COPY, into a new table without
 * indexes; then the table gets its keys and indexes in one sorted pass each (two at a time, on two
 * connections) and is attached as the workspace's partition of `orders`. Until the attach the table is
 * invisible to every query, so a killed import leaves no orders behind, and the same command simply runs
 * again (dropping what the killed one left). Customers and locations the rows name are resolved here in
 * memory; new customers stream to the server on a third connection as they appear, with what their first
 * batch says of them — the row-by-row import's rule. The last row of a repeated order id wins, as there.
 */

/** Advisory-lock class: every orders writer holds (LOCK_CLASS, workspace) shared; a bulk load exclusively. */
const LOCK_CLASS = 0x4f52;

/** The file size (rows) from which an orders import into a workspace without orders loads as a block. */
export const bulkMinRows = (): number => Number(process.env.STORONA_BULK_MIN_ROWS ?? 200_000);
/** Bytes of COPY data sent at a time (tests make it tiny, so that a small file reuses many buffers). */
const copyChunkBytes = (): number => Number(process.env.STORONA_COPY_CHUNK_BYTES ?? 1 << 20);

/**
 * Taken by every import transaction that writes orders or customers, so none slips in while a block is being
 * loaded (a customer created meanwhile would land in the shared partition and fail the block's attach).
 */
export async function holdImportWriteLock(client: pg.ClientBase, workspaceId: number): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock_shared($1, $2)", [LOCK_CLASS, workspaceId]);
}

export const partitionName = (workspaceId: number): string => `orders_w${Math.trunc(workspaceId)}`;
/** The workspace's own customer partition, made when its first block load finds it without customers. */
export const customerPartitionName = (workspaceId: number): string => `customer_w${Math.trunc(workspaceId)}`;

// The columns the block writes, in the order of the binary rows below (updated_at takes its default).
const ORDER_COLUMNS = [
  "workspace_id",
  "id",
  "external_id",
  "customer_id",
  "ordered_at",
  "amount",
  "list_amount",
  "currency",
  "channel",
  "location_id",
  "status",
  "wait_days",
  "referred_by_id",
];

const ID_BLOCK = 65_536;
/** maintenance_work_mem for the block's index builds (see build()). */
const SORT_MEMORY = "32MB";

/** Ids drawn from a table's identity sequence in blocks, so rows can be numbered before they are sent. */
class IdBlocks {
  private next = 0;
  private end = 0;
  constructor(
    private readonly db: pg.ClientBase,
    private readonly sequence: string,
  ) {}
  async ensure(n: number): Promise<void> {
    if (this.end - this.next >= n) return;
    const size = Math.max(ID_BLOCK, n);
    // Only ids within this workspace must not collide (keys start with workspace_id), and the workspace is
    // locked: a value another session draws between nextval and setval belongs to another workspace.
    const r = await this.db.query<{ first: string }>(
      "SELECT (setval($1::regclass, nextval($1::regclass) + $2 - 1) - $2 + 1)::text AS first",
      [this.sequence, size],
    );
    this.next = Number(r.rows[0]!.first);
    this.end = this.next + size;
  }
  take(): number {
    if (this.next >= this.end) throw new Error("id block exhausted");
    return this.next++;
  }
}

export type BulkOutcome = {
  inserted: number;
  /** Rows whose order id came again later in the file (the later row was kept). */
  duplicates: number;
  createdCustomers: number;
  createdLocations: number;
  /** Milliseconds per phase (streaming the rows, ending the COPY, each index, attaching), for benchmarks. */
  phases: Record<string, number>;
};

export class OrdersBulkLoad {
  private readonly table: string;
  private readonly writer = new BinaryCopyWriter(copyChunkBytes());
  private readonly peopleWriter = new BinaryCopyWriter(copyChunkBytes());
  private sink!: ReturnType<typeof copyFrom>;
  private peopleSink!: ReturnType<typeof copyFrom>;
  private sinkError: Error | undefined;
  private orderIds!: IdBlocks;
  private customerIds!: IdBlocks;
  /** Whether the workspace had customers when the load began (else none needs looking up). */
  private lookUpCustomers = false;
  /**
   * When it had none: its customers go, like the orders, into a table of their own (`customer_w<id>`)
   * without indexes, keyed at the end and attached with the orders — else into `customer` itself.
   */
  private customerTable: string | undefined;
  // Customers by external id → id, "fresh" while the current batch is the one creating them (settled when
  // it has sent them). Positions stay valid within a batch (it reserves room first).
  private readonly known: KeyMap;
  // The customers the current batch creates (numbered 0…freshCount-1): position, earliest order, and the
  // key — as text (a general row's, with contacts) or as bytes of the batch's buffer (a fast row's).
  private freshCount = 0;
  private freshPos = new Int32Array(1024);
  private freshSeen = new Float64Array(1024);
  private freshFrom = new Int32Array(1024);
  private freshTo = new Int32Array(1024);
  private freshKey: (string | null)[] = [];
  private freshContacts: (Contacts | null)[] = [];
  private readonly freshIndex = new Map<number, number>();
  private readonly locationByKey = new Map<string, number>();
  /** Each spelling a row used, resolved once (rows name a handful of locations millions of times). */
  private readonly locationOfName = new Map<string, number | null>();
  private createdLocations = 0;
  private createdCustomers = 0;
  private written = 0;
  private readonly startedAt = performance.now();
  private readonly phases: Record<string, number> = {};
  private readonly noFast = new FastOrderRows();
  /** The workspace's currency: the fast lane's rows are in it. */
  currency = "";
  private lap = performance.now();
  private mark(phase: string): void {
    const now = performance.now();
    this.phases[phase] = Math.round(now - this.lap);
    this.lap = now;
  }

  private constructor(
    private readonly client: pg.ClientBase,
    private readonly aux: pg.PoolClient,
    private readonly people: pg.Client,
    private readonly workspaceId: number,
    expectedRows: number,
  ) {
    this.table = partitionName(workspaceId);
    // Sized for a customer a row (the file's worst case) up to six million, with room for the last batch's
    // reservation (two keys a row): growing later would hold the old and the new table at once, the peak
    // that matters for the memory limit.
    this.known = new KeyMap(Math.min(Math.max(expectedRows, 1 << 16), 6_000_000) + 2 * 65_536);
  }

  /**
   * Starts a block when the workspace has no orders (holding the workspace's orders lock on `client` until
   * `close`); otherwise returns undefined and the caller imports row by row.
   */
  static async begin(
    pool: pg.Pool,
    client: pg.ClientBase,
    workspaceId: number,
    expectedRows = 0,
  ): Promise<OrdersBulkLoad | undefined> {
    await client.query("SELECT pg_advisory_lock($1, $2)", [LOCK_CLASS, workspaceId]);
    let aux: pg.PoolClient | undefined;
    let people: pg.Client | undefined;
    try {
      const has = await client.query<{ has: boolean }>(
        "SELECT EXISTS (SELECT 1 FROM orders WHERE workspace_id = $1) AS has",
        [workspaceId],
      );
      if (has.rows[0]!.has) {
        await client.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_CLASS, workspaceId]);
        return undefined;
      }
      aux = await pool.connect();
      people = new pg.Client(pool.options);
      await people.connect();
      const load = new OrdersBulkLoad(client, aux, people, workspaceId, expectedRows);
      await load.open();
      return load;
    } catch (e) {
      aux?.release();
      await people?.end().catch(() => {});
      await client.query("ROLLBACK").catch(() => {});
      await client.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_CLASS, workspaceId]).catch(() => {});
      throw e;
    }
  }

  private async open(): Promise<void> {
    const t = this.table;
    await dropDetachable(this.client, "orders", t);
    await this.client.query("BEGIN");
    await this.client.query("SET LOCAL jit = off");
    await this.client.query(`CREATE TABLE ${t} (LIKE orders INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    await this.client.query(
      `ALTER TABLE ${t} ADD CONSTRAINT ${t}_workspace CHECK (workspace_id = ${this.workspaceId})`,
    );
    // The BRIN index on updated_at exists from the start: it costs next to nothing per row (a new block
    // range is left unsummarized; autosummarize has autovacuum summarize it, and until then a query reads
    // the range), while building it afterwards would read the whole table once more.
    await this.client.query(
      `CREATE INDEX ${t}_updated ON ${t} USING brin (updated_at) WITH (autosummarize = on)`,
    );
    const seq = await this.aux.query<{ o: string; c: string }>(
      "SELECT pg_get_serial_sequence('orders', 'id') AS o, pg_get_serial_sequence('customer', 'id') AS c",
    );
    this.orderIds = new IdBlocks(this.aux, seq.rows[0]!.o);
    this.customerIds = new IdBlocks(this.aux, seq.rows[0]!.c);
    const any = await this.aux.query("SELECT 1 FROM customer WHERE workspace_id = $1 LIMIT 1", [
      this.workspaceId,
    ]);
    this.lookUpCustomers = any.rows.length > 0;
    // Locations are few: all of them in memory, by external id and by name (as the row-by-row merge finds them).
    const locs = await this.aux.query<{ id: string; external_id: string; name: string }>(
      "SELECT id, external_id, name FROM location WHERE workspace_id = $1 ORDER BY id DESC",
      [this.workspaceId],
    );
    for (const l of locs.rows) this.locationByKey.set(`n:${l.name.toLowerCase()}`, Number(l.id));
    for (const l of locs.rows) this.locationByKey.set(`x:${l.external_id}`, Number(l.id));
    const onError = (e: Error) => {
      this.sinkError ??= e;
    };
    this.sink = this.client.query(
      copyFrom(`COPY ${t} (${ORDER_COLUMNS.join(", ")}) FROM STDIN (FORMAT binary, FREEZE)`),
    );
    this.sink.on("error", onError);
    const people = this.people;
    let into = "customer";
    if (this.lookUpCustomers) {
      // The customers' foreign keys (to the workspace, locked and present; the referrer, always empty here)
      // would queue a check per row, run when the COPY ends: seconds for a million new customers. Where the
      // server lets this connection (a superuser's, like the embedded one's), they are skipped.
      await people.query("SET session_replication_role = replica").catch(() => {});
      await people.query("BEGIN");
    } else {
      // Inserted into `customer`, each new customer would update its three indexes (a random place in the
      // external id's unique key, and a uniqueness check): about 6 of 7 CPU-seconds for a million customers.
      into = customerPartitionName(this.workspaceId);
      this.customerTable = into;
      await dropDetachable(people, "customer", into);
      await people.query("BEGIN");
      await people.query(`CREATE TABLE ${into} (LIKE customer INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      await people.query(
        `ALTER TABLE ${into} ADD CONSTRAINT ${into}_workspace CHECK (workspace_id = ${this.workspaceId})`,
      );
    }
    this.peopleSink = people.query(
      copyFrom(
        `COPY ${into} (workspace_id, id, external_id, name, email, phone, first_seen_at) FROM STDIN (FORMAT binary${this.customerTable ? ", FREEZE" : ""})`,
      ),
    );
    this.peopleSink.on("error", onError);
  }

  /** The customer id of an external id; one the workspace lacks is created with what this batch says. */
  private customer(ref: CustomerRef | string, seenMs: number): number {
    const key = typeof ref === "string" ? ref : ref.externalId;
    const found = this.known.find(key);
    if (found !== -1 && !this.known.fresh(found)) return this.known.id(found);
    const p = found === -1 ? this.known.insert(key, this.customerIds.take(), true) : found;
    const j = found === -1 ? this.addFresh(p, key, -1, -1) : this.freshIndex.get(p)!;
    if (seenMs < this.freshSeen[j]!) this.freshSeen[j] = seenMs;
    if (typeof ref !== "string" && (ref.name || ref.email || ref.phone)) {
      // Like the row-by-row merge: the greatest value of each across the batch's rows.
      const had = this.freshContacts[j] ?? [null, null, null];
      this.freshContacts[j] = [pick(had[0], ref.name), pick(had[1], ref.email), pick(had[2], ref.phone)];
    }
    return this.known.id(p);
  }

  /** Notes a customer this batch creates; returns its number in the batch. */
  private addFresh(p: number, key: string | null, from: number, to: number): number {
    const j = this.freshCount++;
    if (j === this.freshPos.length) {
      const n = j * 2;
      this.freshPos = grown(this.freshPos, n);
      this.freshFrom = grown(this.freshFrom, n);
      this.freshTo = grown(this.freshTo, n);
      this.freshSeen = grown(this.freshSeen, n);
    }
    this.freshPos[j] = p;
    this.freshSeen[j] = Number.POSITIVE_INFINITY;
    this.freshFrom[j] = from;
    this.freshTo[j] = to;
    this.freshKey[j] = key;
    this.freshContacts[j] = null;
    this.freshIndex.set(p, j);
    return j;
  }

  /**
   * customer() for a fast row (no contacts in the lane); `looked` is its position as found for the whole
   * batch before any customer was created (-1: look again, an earlier row may have created it).
   */
  private fastCustomer(fast: FastOrderRows, i: number, seenMs: number, looked: number): number {
    // Found before the batch began: a customer of an earlier batch, whose id lookUp() kept (its slot is
    // not read again, a second cache miss on a large map).
    if (looked !== -1) return this.lookedId[i]!;
    const b = fast.buf;
    const from = fast.customerFrom[i]!;
    const to = fast.customerTo[i]!;
    const found = this.known.findBytes(b, from, to);
    let j: number;
    if (found === -1) {
      const p = this.known.insertBytes(b, from, to, this.customerIds.take(), true);
      j = this.addFresh(p, null, from, to);
    } else if (this.known.fresh(found)) j = this.freshIndex.get(found)!;
    else return this.known.id(found);
    if (seenMs < this.freshSeen[j]!) this.freshSeen[j] = seenMs;
    return this.known.id(this.freshPos[j]!);
  }

  /** Finds the customers of a batch the workspace already has (only when it had any when the load began). */
  private async findCustomers(rows: readonly OrderRow[], fast: FastOrderRows): Promise<void> {
    if (!this.lookUpCustomers) return;
    const unknown = new Set<string>();
    for (const r of rows) {
      if (this.known.find(r.customer.externalId) === -1) unknown.add(r.customer.externalId);
      if (r.referredBy !== null && this.known.find(r.referredBy) === -1) unknown.add(r.referredBy);
    }
    this.lookUp(fast);
    for (let i = 0; i < fast.n; i++) if (this.looked[i] === -1) unknown.add(fast.customer(i));
    if (unknown.size === 0) return;
    const found = await this.aux.query<{ external_id: string; id: string }>(
      "SELECT external_id, id FROM customer WHERE workspace_id = $1 AND external_id = ANY($2::text[])",
      [this.workspaceId, [...unknown]],
    );
    for (const c of found.rows) {
      this.known.insert(c.external_id, Number(c.id), false);
    }
  }

  /** Creates the locations a batch names that the workspace lacks (as the row-by-row merge does). */
  private async findLocations(names: Iterable<string | null>): Promise<void> {
    // One new location per name whatever its case, spelt as its first row spells it.
    const missing = new Map<string, string>();
    for (const l of names) {
      if (l === null || this.locationOfName.get(l) != null || this.locationByKey.has(`x:${l}`)) continue;
      const key = `n:${l.toLowerCase()}`;
      if (!this.locationByKey.has(key) && !missing.has(key)) missing.set(key, l);
    }
    for (const [key, name] of missing) {
      const r = await this.aux.query<{ id: string; made: boolean }>(
        `WITH made AS (INSERT INTO location (workspace_id, external_id, name) VALUES ($1, $2, $2)
                       ON CONFLICT (workspace_id, external_id) DO NOTHING RETURNING id)
         SELECT id, true AS made FROM made
         UNION ALL SELECT id, false FROM location WHERE workspace_id = $1 AND external_id = $2`,
        [this.workspaceId, name],
      );
      const row = r.rows[0]!;
      if (row.made) this.createdLocations++;
      this.locationByKey.set(`x:${name}`, Number(row.id));
      if (!this.locationByKey.has(key)) this.locationByKey.set(key, Number(row.id));
    }
  }

  private locationId(name: string | null): number | null {
    if (name === null) return null;
    let id = this.locationOfName.get(name);
    if (id === undefined) {
      id = this.locationByKey.get(`x:${name}`) ?? this.locationByKey.get(`n:${name.toLowerCase()}`) ?? null;
      if (this.locationOfName.size < 100_000) this.locationOfName.set(name, id);
    }
    return id;
  }

  /** Sends a batch of valid rows (in file order). */
  async write(rows: readonly OrderRow[]): Promise<void> {
    this.noFast.reset(this.noFast.buf);
    await this.writeMixed(this.noFast, rows);
  }

  /**
   * Sends a batch read partly by the fast lane (`fast`) and partly by the general converter (`rows`, the
   * lines the lane handed back), merged in file order: ids, customers' first batch and "the last row of an
   * order id wins" all follow the file's order.
   */
  async writeMixed(fast: FastOrderRows, rows: readonly OrderRow[]): Promise<void> {
    if (this.sinkError) throw this.sinkError;
    // At most two customers a row (buyer, referrer): no growth, so positions hold through the batch.
    this.known.reserve(2 * (fast.n + rows.length));
    await this.findCustomers(rows, fast);
    const names = new Set<string | null>();
    for (const r of rows) names.add(r.location);
    for (let i = 0; i < fast.n; i++) names.add(fast.locationOf(i));
    await this.findLocations(names);
    const count = fast.n + rows.length;
    this.lookUp(fast);
    const looked = this.looked;
    await this.orderIds.ensure(count);
    await this.customerIds.ensure(count * 2);
    const w = this.writer;
    const currency = Buffer.from(this.currency, "utf8");
    let g = 0;
    for (let i = 0; i < fast.n; i++) {
      const line = fast.line[i]!;
      while (g < rows.length && rows[g]!.line < line) {
        this.encode(rows[g++]!);
        if (w.full) await this.send(this.sink, w);
      }
      const at = fast.at[i]!;
      const buyer = this.fastCustomer(fast, i, at, looked[i]!);
      w.row(ORDER_COLUMNS.length)
        .int4(this.workspaceId)
        .int8(this.orderIds.take())
        .bytes(fast.buf, fast.idFrom[i]!, fast.idTo[i]!)
        .int8(buyer)
        .timestamptz(at)
        .int8(fast.amount[i]!)
        .int8(fast.list[i]!)
        .bytes(currency, 0, currency.length);
      const channel = fast.channel[i]!;
      if (channel < 0) w.null();
      else {
        const c = this.wordBytes(fast, channel);
        w.bytes(c, 0, c.length);
      }
      w.int8OrNull(this.locationOfCode(fast, fast.location[i]!));
      const status = this.wordBytes(fast, fast.status[i]!);
      w.bytes(status, 0, status.length).int4(fast.wait[i]!).null();
      if (w.full) await this.send(this.sink, w);
    }
    while (g < rows.length) {
      this.encode(rows[g++]!);
      if (w.full) await this.send(this.sink, w);
    }
    this.written += count;
    await this.sendCustomers(fast);
  }

  private looked = new Int32Array(0);
  private lookedId = new Float64Array(0);
  /** The positions of the fast rows' customers (before this batch creates any), and their ids. */
  private lookUp(fast: FastOrderRows): void {
    if (this.looked.length < fast.n) {
      this.looked = new Int32Array(fast.n * 2);
      this.lookedId = new Float64Array(fast.n * 2);
    }
    this.known.findAllBytes(fast.buf, fast.customerFrom, fast.customerTo, fast.n, this.looked, this.lookedId);
  }

  // The fast lane's words (statuses, channels, locations) by code: their UTF-8 bytes, and a location's id
  // (known for every name a batch uses once findLocations has run).
  private readonly wordUtf8: Buffer[] = [];
  private readonly locationByCode: (number | null)[] = [];
  private wordBytes(fast: FastOrderRows, code: number): Buffer {
    let b = this.wordUtf8[code];
    if (b === undefined) {
      b = Buffer.from(fast.words[code]!, "utf8");
      this.wordUtf8[code] = b;
    }
    return b;
  }
  private locationOfCode(fast: FastOrderRows, code: number): number | null {
    if (code < 0) return null;
    let id = this.locationByCode[code];
    if (id === undefined || id === null) {
      id = this.locationId(fast.words[code]!);
      this.locationByCode[code] = id;
    }
    return id;
  }

  private encode(r: OrderRow): void {
    const at = Date.parse(r.orderedAt);
    const buyer = this.customer(r.customer, at);
    const referrer = r.referredBy === null ? null : this.customer(r.referredBy, Number.POSITIVE_INFINITY);
    this.writer
      .row(ORDER_COLUMNS.length)
      .int4(this.workspaceId)
      .int8(this.orderIds.take())
      .text(r.externalId)
      .int8(buyer)
      .timestamptz(at)
      .int8(r.amount)
      .int8(r.listAmount)
      .text(r.currency)
      .textOrNull(r.channel)
      .int8OrNull(this.locationId(r.location))
      .text(r.status)
      .int4(r.waitDays)
      .int8OrNull(referrer);
  }

  /** The customers this batch created, as it describes them. */
  private async sendCustomers(fast: FastOrderRows): Promise<void> {
    const w = this.peopleWriter;
    for (let j = 0; j < this.freshCount; j++) {
      const c = this.freshContacts[j];
      const key = this.freshKey[j];
      const p = this.freshPos[j]!;
      // Its batch is done: later batches find it as a customer that exists.
      this.known.settle(p);
      w.row(7).int4(this.workspaceId).int8(this.known.id(p));
      if (key === null || key === undefined) w.bytes(fast.buf, this.freshFrom[j]!, this.freshTo[j]!);
      else w.text(key);
      w.textOrNull(c?.[0] ?? null)
        .textOrNull(c?.[1] ?? null)
        .textOrNull(c?.[2] ?? null);
      const seen = this.freshSeen[j]!;
      if (Number.isFinite(seen)) w.timestamptz(seen);
      else w.null();
      if (w.full) await this.send(this.peopleSink, w);
    }
    this.createdCustomers += this.freshCount;
    this.freshCount = 0;
    this.freshKey = [];
    this.freshContacts = [];
    this.freshIndex.clear();
  }

  private async send(sink: ReturnType<typeof copyFrom>, w: BinaryCopyWriter): Promise<void> {
    if (this.sinkError) throw this.sinkError;
    // Up to a few megabytes in flight, so that parsing here and loading in the server overlap (waiting for
    // each chunk to drain before making the next would run them in turn). A chunk's buffer is reused once
    // the stream has written it to the connection (its write callback).
    sendLent(sink, w);
    if (sink.writableLength > 8 << 20) {
      // Whichever comes first; the other listener goes too (one left per wait piled up on the stream).
      const done = new AbortController();
      const { signal } = done;
      await Promise.race([once(sink, "drain", { signal }), once(sink, "error", { signal })]).finally(() =>
        done.abort(),
      );
    }
    if (this.sinkError) throw this.sinkError;
  }

  /** Builds indexes one after another on one connection. */
  private async build(db: pg.ClientBase, statements: string[]): Promise<void> {
    // Sort memory the size of a processor's last-level cache, not as much as the sort could use: with
    // 512 MB the customer index sorted 5,000,000 rows in one piece and took 4.2–4.9 s; with 32 MB, in runs
    // that stay in the cache and are merged, 2.9–3.2 s (16 MB the same; the other keys gain less).
    await db.query(`SET maintenance_work_mem = '${SORT_MEMORY}'`);
    const workers = buildWorkers(db as { host?: string });
    if (workers !== undefined) await db.query(`SET max_parallel_maintenance_workers = ${workers}`);
    for (const sql of statements) {
      const t0 = performance.now();
      await db.query(sql);
      const name = sql
        .slice(0, sql.indexOf(" ON "))
        .replace(/^CREATE (UNIQUE )?INDEX orders_w\d+_/, "")
        .replace(/^CREATE (UNIQUE )?INDEX customer_w\d+_/, "customers ");
      this.phases[name] = (this.phases[name] ?? 0) + Math.round(performance.now() - t0);
    }
    await db.query("RESET maintenance_work_mem; RESET max_parallel_maintenance_workers");
  }

  /**
   * Ends both COPYs and commits them (the block table is still detached: no query sees it), builds its
   * keys — the external id's key and the primary key on this connection, the customer index on the
   * second (the BRIN index exists from the start) — and, in a new transaction the caller commits after
   * recording the run, attaches it.
   */
  async finish(): Promise<BulkOutcome> {
    this.mark("stream");
    this.sink.end(this.writer.end());
    this.peopleSink.end(this.peopleWriter.end());
    await Promise.all([finished(this.sink), finished(this.peopleSink)]);
    if (this.sinkError) throw this.sinkError;
    this.mark("copy end");
    await Promise.all([this.client.query("COMMIT"), this.people.query("COMMIT")]);
    this.mark("commit");
    const t = this.table;
    const ct = this.customerTable;
    let duplicates = 0;
    const external = async () => {
      const sql = `CREATE UNIQUE INDEX ${t}_external_key ON ${t} (external_id, workspace_id)`;
      try {
        await this.build(this.client, [sql]);
      } catch (e) {
        if ((e as { code?: string }).code !== "23505") throw e;
        // A repeated order id: its later row wins, as in a row-by-row import.
        const d = await this.client.query(
          `DELETE FROM ${t} o USING (SELECT external_id, max(id) AS keep FROM ${t} GROUP BY external_id
                                     HAVING count(*) > 1) d
           WHERE o.external_id = d.external_id AND o.id < d.keep`,
        );
        duplicates = d.rowCount ?? 0;
        await this.build(this.client, [sql]);
      }
    };
    // Three connections at a time: the orders' statistics then the external id key on one, the customer
    // index (the one real sort: rows come in file order, ids and order ids nearly sorted) on another, and on
    // the customers' connection the customers' keys and statistics when they have a table of their own
    // (small sorts: a customer per few orders), then the primary key. ANALYZE and an index build of the same
    // table wait for each other: the orders' builds start once it is done (a fraction of a second), while
    // the customers' keys already run. (Rows a repeated order id deletes below are still in its sample.)
    const analyzed = (async () => {
      const a0 = performance.now();
      await this.client.query(`ANALYZE ${t}`);
      this.phases.analyze = Math.round(performance.now() - a0);
    })();
    const customersThenKey = async () => {
      if (ct) {
        await this.build(this.people, [
          `CREATE UNIQUE INDEX ${ct}_pkey ON ${ct} (workspace_id, id)`,
          `CREATE UNIQUE INDEX ${ct}_external_key ON ${ct} (external_id, workspace_id)`,
          `CREATE INDEX ${ct}_updated ON ${ct} (workspace_id, updated_at)`,
        ]);
        const a0 = performance.now();
        await this.people.query(`ANALYZE ${ct}`);
        this.phases["customers analyze"] = Math.round(performance.now() - a0);
      }
      await analyzed;
      await this.build(this.people, [`CREATE UNIQUE INDEX ${t}_pkey ON ${t} (workspace_id, id)`]);
    };
    await Promise.all([
      analyzed.then(external),
      analyzed.then(() =>
        this.build(this.aux, [`CREATE INDEX ${t}_customer ON ${t} (customer_id, ordered_at)`]),
      ),
      customersThenKey(),
    ]);
    this.mark("indexes");
    const c = this.client;
    await c.query("BEGIN");
    if (ct) {
      await c.query(
        `ALTER TABLE ${ct} ADD CONSTRAINT ${ct}_pkey PRIMARY KEY USING INDEX ${ct}_pkey,
                           ADD CONSTRAINT ${ct}_external_key UNIQUE USING INDEX ${ct}_external_key`,
      );
      await c.query(`ALTER TABLE customer ATTACH PARTITION ${ct} FOR VALUES IN (${this.workspaceId})`);
      this.mark("attach customers");
    }
    await c.query(
      `ALTER TABLE ${t} ADD CONSTRAINT ${t}_pkey PRIMARY KEY USING INDEX ${t}_pkey,
                        ADD CONSTRAINT ${t}_external_key UNIQUE USING INDEX ${t}_external_key`,
    );
    await c.query(`ALTER TABLE orders ATTACH PARTITION ${t} FOR VALUES IN (${this.workspaceId})`);
    this.mark("attach");
    this.phases.total = Math.round(performance.now() - this.startedAt);
    return {
      inserted: this.written - duplicates,
      duplicates,
      createdCustomers: this.createdCustomers,
      createdLocations: this.createdLocations,
      phases: this.phases,
    };
  }

  /**
   * After the caller's COMMIT (or on failure, after its ROLLBACK): the detached tables dropped if it failed,
   * the workspace's orders lock released, the connections given back.
   */
  async close(ok: boolean): Promise<void> {
    try {
      if (!ok) {
        await this.people.query("ROLLBACK").catch(() => {});
        // Committed but never attached (or its attach rolled back): nobody else can see it; it goes.
        for (const table of [this.table, this.customerTable]) {
          if (table === undefined) continue;
          await this.aux
            .query(
              `DO $$ BEGIN
                 IF to_regclass('${table}') IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass('${table}')) THEN
                   DROP TABLE ${table};
                 END IF;
               END $$`,
            )
            .catch(() => {});
        }
      }
      await this.client.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_CLASS, this.workspaceId]);
    } finally {
      this.aux.release();
      await this.people.end().catch(() => {});
    }
  }

  get auxClient(): pg.ClientBase {
    return this.aux;
  }
}

/**
 * Drops a workspace's own partition an earlier block left: never attached (a killed load) or attached and
 * emptied since (the caller found the workspace without orders, or without customers).
 */
async function dropDetachable(
  db: pg.ClientBase,
  parent: "orders" | "customer",
  table: string,
): Promise<void> {
  const old = await db.query<{ attached: boolean | null }>(
    `SELECT (SELECT true FROM pg_inherits WHERE inhrelid = to_regclass($1)) AS attached
     WHERE to_regclass($1) IS NOT NULL`,
    [table],
  );
  if (old.rows.length === 0) return;
  if (old.rows[0]!.attached) await db.query(`ALTER TABLE ${parent} DETACH PARTITION ${table}`);
  await db.query(`DROP TABLE ${table}`);
}

type Contacts = [string | null, string | null, string | null];
const pick = (a: string | null, b: string | null) => (a === null || (b !== null && b > a) ? b : a);

/**
 * Parallel workers for one index build: two builds run at once, so each gets half the cores, less its own
 * process. Known only for a server on this machine (the embedded one); elsewhere the server's setting stands.
 * On two cores that is none: measured on the 5-million-row benchmark, workers there only compete (index
 * phase about 7 s with them, about 5.5 s without).
 */
export function buildWorkers(db: { host?: string }, cores = os.availableParallelism()): number | undefined {
  const host = db.host ?? "";
  const local =
    host === "" || host.startsWith("/") || host === "localhost" || host === "127.0.0.1" || host === "::1";
  return local ? Math.max(0, Math.floor(cores / 2) - 1) : undefined;
}
