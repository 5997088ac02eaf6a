-- referat archive schema. Every extracted fact carries document_id, page and line
-- (the first line of the fact; line_end where it spans several), so it can be
-- traced back to its source file.
--
-- Only the registry's small tables (bodies, organisations, people, reviews) have a PRIMARY KEY. The
-- tables that grow with every document take their ids from the loader's one counter (seq_id, see
-- store/db.py next_free_id), which never hands one out twice; `referat verify` checks that they are
-- unique. DuckDB keeps a key's index whole in memory once a row is added and writes it whole at every
-- checkpoint of a v1.1 file: at 7,200 documents that was 1.2 s of CPU and 300 MB per checkpoint,
-- growing with the archive, half the loader's CPU. An archive made before keeps its keys (DuckDB
-- cannot drop one); ingest it anew into a new file to be rid of them.

CREATE SEQUENCE IF NOT EXISTS seq_id START 1;

-- One row per file ever offered to `referat ingest`, loaded or not.
CREATE TABLE IF NOT EXISTS documents (
    id          BIGINT NOT NULL,   
    source      VARCHAR NOT NULL,       -- base name, as the export contract wants it
    path        VARCHAR NOT NULL,       -- resolved absolute path: a file is one document however its path is written
    sha256      VARCHAR NOT NULL,
    size        BIGINT,
    media_type  VARCHAR,                -- pdf | text | docx | odt | html
    encoding    VARCHAR,                -- detected text encoding
    kind        VARCHAR,                -- minutes | other | failed
    status      VARCHAR NOT NULL,       -- loaded | failed
    error       VARCHAR,                -- why it failed, for the archivist
    raw_text    VARCHAR,                -- the full text as read (pages separated by form feeds)
    text_sha256 VARCHAR,                -- sha256 of raw_text, checked by `referat verify`
    n_pages     INTEGER,
    ingested_at TIMESTAMP DEFAULT current_timestamp,
    mtime_ns    BIGINT                  -- the file's mtime when read: with size, a re-run knows it unchanged unhashed
);

-- Other paths that held the same bytes as a loaded document: identical copies are recorded here, as
-- further sources of that document, rather than read and stored twice.
CREATE TABLE IF NOT EXISTS document_paths (
    document_id BIGINT NOT NULL,
    path        VARCHAR NOT NULL,       -- resolved absolute path of the copy
    seen_at     TIMESTAMP DEFAULT current_timestamp,
    size        BIGINT,                 -- the copy's size and mtime when seen, as in documents
    mtime_ns    BIGINT
);
-- Archives made before ingest skipped unchanged files unread lack the stamps: their files are hashed once.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS mtime_ns BIGINT;
ALTER TABLE document_paths ADD COLUMN IF NOT EXISTS size BIGINT;
ALTER TABLE document_paths ADD COLUMN IF NOT EXISTS mtime_ns BIGINT;

CREATE TABLE IF NOT EXISTS pages (
    document_id    BIGINT NOT NULL,
    page           INTEGER NOT NULL,
    text           VARCHAR,
    ocr_confidence DOUBLE,                -- mean Tesseract word confidence (0-100), weighted by length
    ocr            BOOLEAN DEFAULT false  -- the text was read by OCR from a scanned image
);
-- Archives made before OCR lack the column; adding it keeps them loadable.
ALTER TABLE pages ADD COLUMN IF NOT EXISTS ocr BOOLEAN DEFAULT false;

-- Meeting bodies and the names they had over time (Styringsgruppen became Partnermøtet in 2022).
CREATE TABLE IF NOT EXISTS bodies (
    id   BIGINT PRIMARY KEY,
    name VARCHAR NOT NULL UNIQUE        -- canonical (current) name
);
CREATE TABLE IF NOT EXISTS body_names (
    body_id    BIGINT NOT NULL,
    name       VARCHAR NOT NULL,        -- a name the body had
    valid_from DATE,
    valid_to   DATE
);

CREATE TABLE IF NOT EXISTS organisations (
    id           BIGINT PRIMARY KEY,
    name         VARCHAR NOT NULL,
    abbreviation VARCHAR,
    parent_id    BIGINT                 -- a unit ('Universitetet i Bergen – MED') points to its organisation
);

CREATE TABLE IF NOT EXISTS people (
    id   BIGINT PRIMARY KEY,
    name VARCHAR NOT NULL               -- canonical spelling
);

-- Every spelling seen or curated, for people and organisations alike.
CREATE TABLE IF NOT EXISTS aliases (
    entity_kind VARCHAR NOT NULL,       -- person | organisation
    entity_id   BIGINT NOT NULL,
    alias       VARCHAR NOT NULL,
    folded      VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,       -- authority | document:<id> | review
    confidence  DOUBLE NOT NULL,
    document_id BIGINT
);

-- Matches the matcher would not decide alone: they wait for `referat review accept|reject`.
CREATE TABLE IF NOT EXISTS reviews (
    id             BIGINT PRIMARY KEY,
    entity_kind    VARCHAR NOT NULL,
    mention        VARCHAR NOT NULL,
    mention_id     BIGINT NOT NULL,     -- the provisional entity the mention got
    candidate_id   BIGINT NOT NULL,
    score          DOUBLE,
    runner_up_id   BIGINT,
    runner_up_score DOUBLE,
    document_id    BIGINT,
    page           INTEGER,
    line           INTEGER,
    status         VARCHAR NOT NULL DEFAULT 'pending'   -- pending | accepted | rejected
);

-- Human decisions, kept apart from what re-ingest rebuilds, and exported to data/registry/.
CREATE TABLE IF NOT EXISTS decisions_log (
    action     VARCHAR NOT NULL,        -- accept | reject | merge | split
    mention    VARCHAR NOT NULL,        -- folded spelling the decision is about
    target     VARCHAR,                 -- canonical name it belongs (or must not belong) to
    decided_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS meetings (
    id          BIGINT NOT NULL,   
    document_id BIGINT NOT NULL,
    body_id     BIGINT,
    body        VARCHAR,                -- the body's name as the meeting had it, canonical spelling
    body_raw    VARCHAR,
    date        DATE,
    start_time  VARCHAR,
    end_time    VARCHAR,
    location    VARCHAR,
    page        INTEGER,
    line        INTEGER
);

-- Every document a meeting was read from: the first is its primary source; a later copy of the
-- same minutes (the PDF of a text already loaded) is recorded here instead of making a second meeting.
CREATE TABLE IF NOT EXISTS meeting_sources (
    meeting_id  BIGINT NOT NULL,
    document_id BIGINT NOT NULL,
    role        VARCHAR NOT NULL        -- primary | copy
);

CREATE TABLE IF NOT EXISTS items (
    id          BIGINT NOT NULL,   
    meeting_id  BIGINT NOT NULL,
    document_id BIGINT NOT NULL,
    seq         INTEGER NOT NULL,
    number      VARCHAR NOT NULL,       -- NN-YY
    raw_number  VARCHAR,
    title       VARCHAR,
    exempt      BOOLEAN NOT NULL,
    exempt_raw  VARCHAR,
    text        VARCHAR,
    page        INTEGER,
    line        INTEGER,
    line_end    INTEGER,
    legal_basis VARCHAR                 -- of an exempt case: 'offl. § 13', as shown where it is withheld
);
-- Archives made before the legal basis was read lack the column.
ALTER TABLE items ADD COLUMN IF NOT EXISTS legal_basis VARCHAR;

CREATE TABLE IF NOT EXISTS decisions (
    id          BIGINT NOT NULL,   
    item_id     BIGINT NOT NULL,
    document_id BIGINT NOT NULL,
    seq         INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    labeled     BOOLEAN NOT NULL,
    label       VARCHAR,
    page        INTEGER,
    line        INTEGER
);

CREATE TABLE IF NOT EXISTS follow_ups (
    id          BIGINT NOT NULL,   
    item_id     BIGINT NOT NULL,
    document_id BIGINT NOT NULL,
    seq         INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    page        INTEGER,
    line        INTEGER
);

-- What was put to the meeting ('Innstilling:', 'Forslag til vedtak:', 'X fremmet følgende forslag:'):
-- kept beside the decisions, never one of them, and not in the export.
CREATE TABLE IF NOT EXISTS proposals (
    id          BIGINT NOT NULL,   
    item_id     BIGINT NOT NULL,
    document_id BIGINT NOT NULL,
    seq         INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    label       VARCHAR NOT NULL,       -- the label as written: 'Kommunedirektørens forslag til vedtak'
    proposer    VARCHAR,                -- who put it forward, when the minutes say
    page        INTEGER,
    line        INTEGER,
    line_end    INTEGER
);

CREATE TABLE IF NOT EXISTS item_references (
    id             BIGINT NOT NULL,   
    item_id        BIGINT NOT NULL,
    document_id    BIGINT NOT NULL,
    raw            VARCHAR,             -- the text around the reference
    target_body_id BIGINT,
    target_body    VARCHAR NOT NULL,    -- canonical name of the body that owns the target case
    target_number  VARCHAR NOT NULL,
    page           INTEGER,
    line           INTEGER
);

CREATE TABLE IF NOT EXISTS attendance (
    id               BIGINT NOT NULL,   
    meeting_id       BIGINT NOT NULL,
    document_id      BIGINT NOT NULL,
    seq              INTEGER NOT NULL,
    person_id        BIGINT NOT NULL,
    name_raw         VARCHAR NOT NULL,
    organisation_id  BIGINT,
    organisation_raw VARCHAR,
    role             VARCHAR,
    category         VARCHAR NOT NULL,  -- member | observer | secretariat | substitute | guest
    status           VARCHAR NOT NULL,  -- present | remote | absent | substituted | unknown
    substitute_for_id BIGINT,
    substitute_for_raw VARCHAR,
    items            VARCHAR[],         -- for guests: the cases they attended for
    code             VARCHAR,
    raw_mark         VARCHAR,
    mark_column      VARCHAR,
    source           VARCHAR,           -- table | list | prose
    page             INTEGER,
    line             INTEGER
);

CREATE TABLE IF NOT EXISTS memberships (
    person_id       BIGINT NOT NULL,
    body_id         BIGINT NOT NULL,
    organisation_id BIGINT,
    role            VARCHAR,
    first_date      DATE,
    last_date       DATE
);

CREATE TABLE IF NOT EXISTS warnings (
    document_id BIGINT NOT NULL,
    page        INTEGER,
    line        INTEGER,
    message     VARCHAR NOT NULL
);

-- Votes on a case's proposals ('For forslaget stemte 4: ...', 'Vedtatt mot to stemmer',
-- 'Enstemmig vedtatt'); item_id is NULL for a vote read outside any case. Counts are on the
-- vote's own proposal: a list for a rival proposal counts against it.
CREATE TABLE IF NOT EXISTS votes (
    id            BIGINT NOT NULL,   
    meeting_id    BIGINT NOT NULL,
    item_id       BIGINT,
    document_id   BIGINT NOT NULL,
    seq           INTEGER NOT NULL,
    proposal      VARCHAR,              -- as written: 'innstillingen', 'forslag 1', 'tilleggsforslag'
    outcome       VARCHAR,              -- adopted | rejected | NULL (not said)
    votes_for     INTEGER,
    votes_against INTEGER,
    votes_abstain INTEGER,
    unanimous     BOOLEAN NOT NULL,
    casting_vote  BOOLEAN NOT NULL,     -- carried by the chair's second vote
    text          VARCHAR,              -- the tallies and the outcome as read
    page          INTEGER,
    line          INTEGER,
    line_end      INTEGER
);

-- Each person a vote names, linked to the same person as the meeting's attendance row.
CREATE TABLE IF NOT EXISTS vote_voters (
    vote_id          BIGINT NOT NULL,
    document_id      BIGINT NOT NULL,
    seq              INTEGER NOT NULL,
    person_id        BIGINT NOT NULL,
    name_raw         VARCHAR NOT NULL,
    organisation_id  BIGINT,            -- the party
    party_raw        VARCHAR,
    side             VARCHAR NOT NULL,  -- for | against | abstain, on the vote's proposal
    proposal         VARCHAR,           -- the proposal the list was for, where it names one
    page             INTEGER,
    line             INTEGER
);

-- A party's votes where the minutes name the party, not its members ('mot 5 stemmer (FrP, H)').
CREATE TABLE IF NOT EXISTS vote_parties (
    vote_id          BIGINT NOT NULL,
    document_id      BIGINT NOT NULL,
    organisation_id  BIGINT,
    party_raw        VARCHAR NOT NULL,
    side             VARCHAR NOT NULL,  -- for | against | abstain, on the vote's proposal
    count            INTEGER,           -- NULL: the party's members, how many not said
    page             INTEGER,
    line             INTEGER
);

-- Members disqualified from a case (inhabil) or who left the meeting for it.
CREATE TABLE IF NOT EXISTS recusals (
    meeting_id       BIGINT NOT NULL,
    item_id          BIGINT,
    document_id      BIGINT NOT NULL,
    person_id        BIGINT NOT NULL,
    name_raw         VARCHAR NOT NULL,
    organisation_id  BIGINT,
    party_raw        VARCHAR,
    text             VARCHAR,
    page             INTEGER,
    line             INTEGER
);

-- The search index (store/search.py): a unit is one text a hit can point to (a case's title and
-- text, a decision, a proposal, a follow-up); postings are its stemmed terms (searchterms.py) with
-- their counts, for BM25. Written with the document's other rows, deleted with them.
CREATE TABLE IF NOT EXISTS search_units (
    id          BIGINT NOT NULL,   
    document_id BIGINT NOT NULL,
    meeting_id  BIGINT NOT NULL,
    item_id     BIGINT NOT NULL,
    kind        VARCHAR NOT NULL,       -- case | decision | proposal | follow_up
    exempt      BOOLEAN NOT NULL,       -- of an exempt case: found only by an internal search
    text        VARCHAR NOT NULL,
    length      INTEGER NOT NULL,       -- terms in the text
    page        INTEGER,
    line        INTEGER
);
CREATE TABLE IF NOT EXISTS search_postings (
    unit_id     BIGINT NOT NULL,
    document_id BIGINT NOT NULL,
    term        VARCHAR NOT NULL,
    tf          INTEGER NOT NULL,
    exempt      BOOLEAN NOT NULL        -- the unit's, so term statistics leave exempt text out too
);
