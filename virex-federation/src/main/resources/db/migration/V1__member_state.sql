-- A federation member's own pending work (docs/spec/federation.md, "Persistence"). The log is the
-- truth for network state; this database only keeps what the member must not lose on a restart.

-- Join requests and removal/parameter proposals under review.
CREATE TABLE proposal (
    id          TEXT PRIMARY KEY,          -- request ID or proposal ID, 64 hex
    kind        TEXT NOT NULL,             -- join | remove | params
    body        BLOB NOT NULL,             -- the signed join request, or the proposal JSON
    received_at INTEGER NOT NULL,          -- ms since the Unix epoch
    deadline    INTEGER NOT NULL,
    origin      TEXT NOT NULL,             -- the member the node or proposer sent it to
    closed      INTEGER NOT NULL DEFAULT 0,
    log_index   INTEGER,                   -- the decision's log index, once logged
    outcome     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX proposal_open ON proposal (closed, received_at);

-- Nonces of join requests seen: a nonce is used once, across restarts.
CREATE TABLE join_nonce (
    nonce       TEXT PRIMARY KEY,
    request_id  TEXT NOT NULL
);

-- Votes, this member's and the others' (from their signed envelopes).
CREATE TABLE vote (
    proposal_id TEXT NOT NULL,
    member      TEXT NOT NULL,
    yes         INTEGER NOT NULL,
    reasons     TEXT NOT NULL,             -- one reason per line
    at          INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, member)
);

-- This member's review of a join request: probation, waiting for manual review, voted.
CREATE TABLE review (
    proposal_id TEXT PRIMARY KEY,
    state       TEXT NOT NULL,
    note        TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);

-- Probes this member made: probation of join requests (subject join:<id>) and monitoring of
-- admitted nodes (subject node:<node id>).
CREATE TABLE probe (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    subject     TEXT NOT NULL,
    node        TEXT NOT NULL,
    at          INTEGER NOT NULL,
    ok          INTEGER NOT NULL,
    detail      TEXT NOT NULL,
    report_hash TEXT NOT NULL
);
CREATE INDEX probe_subject ON probe (subject, seq);

-- What this member signed as a FROST signer, per subject: it never signs a conflicting outcome.
CREATE TABLE signed (
    subject       TEXT PRIMARY KEY,
    outcome       TEXT NOT NULL,
    decision_hash TEXT NOT NULL,
    at            INTEGER NOT NULL
);

-- FROST signing sessions this member committed to; used = 1 once its nonces were released.
-- Recorded durably before nonces leave the store, so no nonce signs twice across restarts.
CREATE TABLE frost_session (
    group_id    TEXT NOT NULL,
    session_id  TEXT NOT NULL,
    used        INTEGER NOT NULL,
    PRIMARY KEY (group_id, session_id)
);
