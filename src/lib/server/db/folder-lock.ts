/**
 * An exclusive lock on an embedded database folder. PGlite is one process per folder: two
 * processes writing the same folder do not see each other's writes and leave it unreadable.
 * So whoever opens the folder first writes `<folder>.lock` (created with O_EXCL) holding its
 * process id, host, boot id and process start time; anyone else is refused with a message that
 * names the holder. A lock whose holder is gone (killed, machine restarted) is taken over.
 */
import {
	closeSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmdirSync,
	statSync,
	unlinkSync,
	writeSync
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export interface LockOwner {
	pid: number;
	host: string;
	/** Linux boot id: a lock from before a restart is stale whatever its pid. */
	boot: string | null;
	/** Start time of the holding process (Linux clock ticks since boot): guards against pid reuse. */
	started: string | null;
	at: string;
	command: string;
}

export class DatabaseFolderLocked extends Error {
	constructor(
		readonly folder: string,
		readonly owner: LockOwner | null
	) {
		const who = owner
			? `process ${owner.pid} on ${owner.host} (${owner.command}), since ${owner.at}`
			: 'another process';
		super(
			`The embedded database in ${folder} is in use by ${who}. ` +
				'PGlite allows one process per folder: stop that process first, or use PostgreSQL ' +
				'(DATABASE_URL) to run several. Nothing was written.'
		);
		this.name = 'DatabaseFolderLocked';
	}
}

function readOrNull(path: string): string | null {
	try {
		return readFileSync(path, 'utf8').trim();
	} catch {
		return null;
	}
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command, which may hold spaces). */
function processStart(pid: number | 'self'): string | null {
	const stat = readOrNull(`/proc/${pid}/stat`);
	if (!stat) return null;
	return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

function me(): LockOwner {
	return {
		pid: process.pid,
		host: hostname(),
		boot: readOrNull('/proc/sys/kernel/random/boot_id'),
		started: processStart('self'),
		at: new Date().toISOString(),
		command: process.argv.slice(1, 3).join(' ') || 'node'
	};
}

function parseOwner(text: string | null): LockOwner | null {
	if (!text) return null;
	try {
		const owner = JSON.parse(text) as LockOwner;
		return Number.isInteger(owner.pid) ? owner : null;
	} catch {
		return null;
	}
}

/** Is the process that wrote this lock still running? Unsure (another host) counts as alive. */
export function isAlive(owner: LockOwner, self: LockOwner = me()): boolean {
	if (owner.host !== self.host) return true;
	if (owner.boot && self.boot && owner.boot !== self.boot) return false;
	if (owner.started && self.started) return processStart(owner.pid) === owner.started;
	try {
		process.kill(owner.pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function create(path: string, owner: LockOwner): boolean {
	let fd: number;
	try {
		fd = openSync(path, 'wx');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
	try {
		writeSync(fd, JSON.stringify(owner));
	} finally {
		closeSync(fd);
	}
	return true;
}

/** A takeover of a stale lock is itself guarded, so two starters cannot both take it over. */
function withTakeoverGuard<T>(path: string, run: () => T): T | null {
	const guard = `${path}.takeover`;
	try {
		mkdirSync(guard);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		// A guard left by a starter that died mid-takeover is removed after 10 s.
		if (olderThan(guard, 10_000)) rmdirSync(guard);
		return null;
	}
	try {
		return run();
	} finally {
		rmdirSync(guard);
	}
}

function olderThan(path: string, ms: number): boolean {
	try {
		return Date.now() - statSync(path).mtimeMs > ms;
	} catch {
		return true;
	}
}

export interface FolderLock {
	release(): void;
}

/** Takes the lock of `folder`, or throws DatabaseFolderLocked. Released on release() or exit. */
export function lockFolder(folder: string): FolderLock {
	const path = `${folder}.lock`;
	mkdirSync(dirname(folder), { recursive: true });
	const owner = me();
	for (let attempt = 0; !create(path, owner); attempt++) {
		const seen = readOrNull(path);
		const holder = parseOwner(seen);
		// An unreadable lock is stale once nobody has written it for 10 s (its writer died).
		const stale = holder ? !isAlive(holder, owner) : olderThan(path, 10_000);
		if (!stale || attempt >= 3) throw new DatabaseFolderLocked(folder, holder);
		withTakeoverGuard(path, () => {
			// Read again under the guard: remove only the stale lock that was seen.
			if (readOrNull(path) === seen) unlinkSync(path);
		});
	}
	const onExit = () => release();
	let released = false;
	function release() {
		if (released) return;
		released = true;
		process.off('exit', onExit);
		if (parseOwner(readOrNull(path))?.pid === owner.pid) unlinkSync(path);
	}
	process.on('exit', onExit);
	return { release };
}
