-- Receipts the member got from the log when it appended a decision as coordinator: the entry and
-- its C2SP tlog-proof, kept so that the member can answer with a receipt while the log is down.
CREATE TABLE receipt (
    proposal_id TEXT PRIMARY KEY,
    log_index   INTEGER NOT NULL,
    entry       BLOB NOT NULL,
    proof       BLOB NOT NULL
);
