/**
 * Reads kept until the database changes: each connection names its data
 * version (SQLite: `data_version`, which moves when another connection
 * commits, and `total_changes()`, which moves with this connection's own
 * writes; PostgreSQL: the current snapshot, which moves when any transaction
 * that wrote commits). A value is kept under the version read before it was
 * read, so a reader never gets rows older than the last commit it could see;
 * a new version drops every kept value at once. Values that depend on the
 * clock (what is past its SLA now) say until when they hold.
 *
 * Only connections opened by `openDatabase` name a version; any other
 * (a transaction, D1) reads through every time.
 */
type VersionReader = () => string | Promise<string>;

interface Kept {
  value: unknown;
  /** The reader's clock (epoch ms) when the value was read, and from when it no longer holds even if nothing is written. */
  from: number;
  until: number;
}

/** A value read at a clock holds from that instant (a clock set back does not reuse it) until its bound. */
const holds = (kept: Kept, nowMs: number) => kept.until > nowMs && kept.from <= nowMs;

interface State {
  version: string;
  kept: Map<string, Promise<Kept>>;
}

/** Values one version holds at most (a queue page is some 50 rows); past it, the oldest are read again when asked for. */
const MAX_KEPT = 300;

const readers = new WeakMap<object, VersionReader>();
const states = new WeakMap<object, State>();

/** Names how `db` reads its data version; called once by `openDatabase`. */
export function trackDataVersion(db: object, read: VersionReader): void {
  readers.set(db, read);
}

/**
 * The version read in this turn of the event loop, if any. The reads asked
 * for in one turn (a page's several queries, started together) share one
 * version read: none of them began after it, and each reads its rows after it.
 */
const thisTurn = new WeakMap<object, string | Promise<string>>();

function versionOf(db: object, read: VersionReader): string | Promise<string> {
  let version = thisTurn.get(db);
  if (version === undefined) {
    version = read();
    thisTurn.set(db, version);
    queueMicrotask(() => thisTurn.delete(db));
  }
  return version;
}

async function stateOf(db: object): Promise<State | null> {
  const read = readers.get(db);
  if (!read) return null;
  let version: string;
  try {
    version = await versionOf(db, read);
  } catch {
    // A server that cannot name its version (PostgreSQL before 13 has no pg_current_snapshot): read through every time.
    readers.delete(db);
    return null;
  }
  let state = states.get(db);
  if (!state || state.version !== version) {
    state = { version, kept: new Map() };
    states.set(db, state);
  }
  return state;
}

/**
 * `read()`, or the value it gave under the same data version. For a value
 * read against the clock (`nowMs`, the reader's), `until` says from when
 * (epoch ms) it stops holding with the clock alone; without it, only a
 * write changes the value.
 */
export async function keptRead<T>(db: object, key: string, nowMs: number, read: () => Promise<T>, until?: (value: T) => number | Promise<number>): Promise<T> {
  const state = await stateOf(db);
  if (!state) return read();
  const held = state.kept.get(key);
  if (held) {
    const kept = await held;
    if (holds(kept, nowMs)) return kept.value as T;
    if (state.kept.get(key) === held) state.kept.delete(key);
  }
  if (state.kept.size >= MAX_KEPT) state.kept.delete(state.kept.keys().next().value as string);
  // Kept as a promise, so readers asking at once for the same thing wait for one read.
  const reading = (async (): Promise<Kept> => {
    const value = await read();
    // A value that does not depend on the clock holds at any instant.
    return until ? { value, from: nowMs, until: await until(value) } : { value, from: -Infinity, until: Infinity };
  })();
  state.kept.set(key, reading);
  try {
    return (await reading).value as T;
  } catch (error) {
    if (state.kept.get(key) === reading) state.kept.delete(key);
    throw error;
  }
}
