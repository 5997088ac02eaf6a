-- What every table, view and column means, as COMMENT ON, so DBeaver, `duckdb` and `referat schema`
-- show it. Applied whenever the archive is opened for writing (see db.py); a test fails when a
-- column has no comment, so a new column gets its comment here.

COMMENT ON TABLE documents IS 'One row per file ever offered to `referat ingest`, loaded or not';
COMMENT ON COLUMN documents.id IS 'Document id';
COMMENT ON COLUMN documents.source IS 'The file''s base name, as the export contract names it';
COMMENT ON COLUMN documents.path IS 'Resolved absolute path: a file is one document however its path is written';
COMMENT ON COLUMN documents.sha256 IS 'sha256 of the file''s bytes when read';
COMMENT ON COLUMN documents.size IS 'Size of the file in bytes';
COMMENT ON COLUMN documents.media_type IS 'pdf | text';
COMMENT ON COLUMN documents.encoding IS 'Detected text encoding';
COMMENT ON COLUMN documents.kind IS 'minutes | other | failed';
COMMENT ON COLUMN documents.status IS 'loaded | failed';
COMMENT ON COLUMN documents.error IS 'Why it failed, for the archivist';
COMMENT ON COLUMN documents.raw_text IS 'The full text as read (pages separated by form feeds); holds exempt cases';
COMMENT ON COLUMN documents.text_sha256 IS 'sha256 of raw_text, checked by `referat verify`';
COMMENT ON COLUMN documents.n_pages IS 'Number of pages';
COMMENT ON COLUMN documents.ingested_at IS 'When it was read';

COMMENT ON TABLE document_paths IS 'Other paths that held the same bytes as a loaded document: further sources of it';
COMMENT ON COLUMN document_paths.document_id IS 'The document the copy is of (documents.id)';
COMMENT ON COLUMN document_paths.path IS 'Resolved absolute path of the copy';
COMMENT ON COLUMN document_paths.seen_at IS 'When the copy was seen';

COMMENT ON TABLE pages IS 'The text of each page of a document';
COMMENT ON COLUMN pages.document_id IS 'documents.id';
COMMENT ON COLUMN pages.page IS 'Page number, from 1';
COMMENT ON COLUMN pages.text IS 'The page''s text as read';
COMMENT ON COLUMN pages.ocr_confidence IS 'Mean Tesseract word confidence (0-100), weighted by length';
COMMENT ON COLUMN pages.ocr IS 'The text was read by OCR from a scanned image';

COMMENT ON TABLE bodies IS 'Meeting bodies (styre, utvalg, partnermøte), under their current name';
COMMENT ON COLUMN bodies.id IS 'Body id';
COMMENT ON COLUMN bodies.name IS 'Canonical (current) name';

COMMENT ON TABLE body_names IS 'The names a body had over time (Styringsgruppen became Partnermøtet in 2022)';
COMMENT ON COLUMN body_names.body_id IS 'bodies.id';
COMMENT ON COLUMN body_names.name IS 'A name the body had';
COMMENT ON COLUMN body_names.valid_from IS 'First day of the name (NULL: not known)';
COMMENT ON COLUMN body_names.valid_to IS 'Last day of the name (NULL: still in use)';

COMMENT ON TABLE organisations IS 'Organisations and parties people attend for, and their units';
COMMENT ON COLUMN organisations.id IS 'Organisation id';
COMMENT ON COLUMN organisations.name IS 'Canonical name';
COMMENT ON COLUMN organisations.abbreviation IS 'Short form (UiB, FrP)';
COMMENT ON COLUMN organisations.parent_id IS 'A unit (''Universitetet i Bergen – MED'') points to its organisation';

COMMENT ON TABLE people IS 'Canonical people, one row per person however their name is spelt';
COMMENT ON COLUMN people.id IS 'Person id';
COMMENT ON COLUMN people.name IS 'Canonical spelling';

COMMENT ON TABLE aliases IS 'Every spelling seen or curated, for people and organisations alike';
COMMENT ON COLUMN aliases.entity_kind IS 'person | organisation';
COMMENT ON COLUMN aliases.entity_id IS 'people.id or organisations.id';
COMMENT ON COLUMN aliases.alias IS 'The spelling';
COMMENT ON COLUMN aliases.folded IS 'The spelling folded (case, accents, æøå) as names are matched';
COMMENT ON COLUMN aliases.source IS 'authority | document:<id> | review';
COMMENT ON COLUMN aliases.confidence IS 'How sure the match is, 0-1';
COMMENT ON COLUMN aliases.document_id IS 'Where the spelling was seen (documents.id)';

COMMENT ON TABLE reviews IS 'Name matches the matcher would not decide alone: they wait for `referat review accept|reject`';
COMMENT ON COLUMN reviews.id IS 'Review id, as `referat review` shows it';
COMMENT ON COLUMN reviews.entity_kind IS 'person | organisation';
COMMENT ON COLUMN reviews.mention IS 'The spelling in the minutes';
COMMENT ON COLUMN reviews.mention_id IS 'The provisional entity the mention got';
COMMENT ON COLUMN reviews.candidate_id IS 'The entity it may be';
COMMENT ON COLUMN reviews.score IS 'Similarity to the candidate, 0-100';
COMMENT ON COLUMN reviews.runner_up_id IS 'The next best candidate';
COMMENT ON COLUMN reviews.runner_up_score IS 'Similarity to the runner-up, 0-100';
COMMENT ON COLUMN reviews.document_id IS 'Where the mention is (documents.id)';
COMMENT ON COLUMN reviews.page IS 'Page of the mention';
COMMENT ON COLUMN reviews.line IS 'Line of the mention on its page';
COMMENT ON COLUMN reviews.status IS 'pending | accepted | rejected';

COMMENT ON TABLE decisions_log IS 'Human decisions on names, kept apart from what re-ingest rebuilds, exported to data/registry/';
COMMENT ON COLUMN decisions_log.action IS 'accept | reject | merge | split';
COMMENT ON COLUMN decisions_log.mention IS 'Folded spelling the decision is about';
COMMENT ON COLUMN decisions_log.target IS 'Canonical name it belongs (or must not belong) to';
COMMENT ON COLUMN decisions_log.decided_at IS 'When it was decided';

COMMENT ON TABLE meetings IS 'One row per meeting, read from its minutes';
COMMENT ON COLUMN meetings.id IS 'Meeting id';
COMMENT ON COLUMN meetings.document_id IS 'The minutes it was first read from (documents.id)';
COMMENT ON COLUMN meetings.body_id IS 'bodies.id';
COMMENT ON COLUMN meetings.body IS 'The body''s name as the meeting had it, canonical spelling';
COMMENT ON COLUMN meetings.body_raw IS 'The body as the minutes write it';
COMMENT ON COLUMN meetings.date IS 'Date of the meeting';
COMMENT ON COLUMN meetings.start_time IS 'Start, HH:MM';
COMMENT ON COLUMN meetings.end_time IS 'End, HH:MM';
COMMENT ON COLUMN meetings.location IS 'Where it was held';
COMMENT ON COLUMN meetings.page IS 'Page of the heading';
COMMENT ON COLUMN meetings.line IS 'Line of the heading on its page';

COMMENT ON TABLE meeting_sources IS 'Every document a meeting was read from: the primary source and later copies (the PDF of a text)';
COMMENT ON COLUMN meeting_sources.meeting_id IS 'meetings.id';
COMMENT ON COLUMN meeting_sources.document_id IS 'documents.id';
COMMENT ON COLUMN meeting_sources.role IS 'primary | copy';

COMMENT ON TABLE items IS 'Cases (saker) on a meeting''s agenda';
COMMENT ON COLUMN items.id IS 'Item id';
COMMENT ON COLUMN items.meeting_id IS 'meetings.id';
COMMENT ON COLUMN items.document_id IS 'documents.id';
COMMENT ON COLUMN items.seq IS 'Order in the meeting, from 1';
COMMENT ON COLUMN items.number IS 'Case number, normalized to NN-YY';
COMMENT ON COLUMN items.raw_number IS 'Case number as written (''Sak 6/23'')';
COMMENT ON COLUMN items.title IS 'Title of the case';
COMMENT ON COLUMN items.exempt IS 'Marked ''Unntatt offentlighet'': withheld from every public output';
COMMENT ON COLUMN items.exempt_raw IS 'The exemption mark as written';
COMMENT ON COLUMN items.text IS 'The case''s text';
COMMENT ON COLUMN items.page IS 'Page of the case heading';
COMMENT ON COLUMN items.line IS 'Line of the case heading on its page';
COMMENT ON COLUMN items.line_end IS 'Last line of the case';
COMMENT ON COLUMN items.legal_basis IS 'Of an exempt case: ''offl. § 13'', as shown where it is withheld';

COMMENT ON TABLE decisions IS 'Decisions (vedtak) of a case';
COMMENT ON COLUMN decisions.id IS 'Decision id';
COMMENT ON COLUMN decisions.item_id IS 'items.id';
COMMENT ON COLUMN decisions.document_id IS 'documents.id';
COMMENT ON COLUMN decisions.seq IS 'Order in the case, from 1';
COMMENT ON COLUMN decisions.text IS 'The decision''s text';
COMMENT ON COLUMN decisions.labeled IS 'The minutes label it (''Vedtak:''), rather than it being read from the prose';
COMMENT ON COLUMN decisions.label IS 'The label as written';
COMMENT ON COLUMN decisions.page IS 'Page of the decision';
COMMENT ON COLUMN decisions.line IS 'First line of the decision on its page';

COMMENT ON TABLE follow_ups IS 'Follow-up points (oppfølging) of a case';
COMMENT ON COLUMN follow_ups.id IS 'Follow-up id';
COMMENT ON COLUMN follow_ups.item_id IS 'items.id';
COMMENT ON COLUMN follow_ups.document_id IS 'documents.id';
COMMENT ON COLUMN follow_ups.seq IS 'Order in the case, from 1';
COMMENT ON COLUMN follow_ups.text IS 'The follow-up''s text';
COMMENT ON COLUMN follow_ups.page IS 'Page of the follow-up';
COMMENT ON COLUMN follow_ups.line IS 'First line of the follow-up on its page';

COMMENT ON TABLE proposals IS 'What was put to the meeting (innstilling, forslag til vedtak): beside the decisions, never one of them';
COMMENT ON COLUMN proposals.id IS 'Proposal id';
COMMENT ON COLUMN proposals.item_id IS 'items.id';
COMMENT ON COLUMN proposals.document_id IS 'documents.id';
COMMENT ON COLUMN proposals.seq IS 'Order in the case, from 1';
COMMENT ON COLUMN proposals.text IS 'The proposal''s text';
COMMENT ON COLUMN proposals.label IS 'The label as written: ''Kommunedirektørens forslag til vedtak''';
COMMENT ON COLUMN proposals.proposer IS 'Who put it forward, when the minutes say';
COMMENT ON COLUMN proposals.page IS 'Page of the proposal';
COMMENT ON COLUMN proposals.line IS 'First line of the proposal on its page';
COMMENT ON COLUMN proposals.line_end IS 'Last line of the proposal';

COMMENT ON TABLE item_references IS 'A case''s references to other cases (''jf. sak 24-23 i Styringsgruppen'')';
COMMENT ON COLUMN item_references.id IS 'Reference id';
COMMENT ON COLUMN item_references.item_id IS 'The referring case (items.id)';
COMMENT ON COLUMN item_references.document_id IS 'documents.id';
COMMENT ON COLUMN item_references.raw IS 'The text around the reference';
COMMENT ON COLUMN item_references.target_body_id IS 'bodies.id of the body that owns the target case';
COMMENT ON COLUMN item_references.target_body IS 'Canonical name of the body that owns the target case';
COMMENT ON COLUMN item_references.target_number IS 'Target case number, NN-YY';
COMMENT ON COLUMN item_references.page IS 'Page of the reference';
COMMENT ON COLUMN item_references.line IS 'Line of the reference on its page';

COMMENT ON TABLE attendance IS 'Who was listed for a meeting and how they attended';
COMMENT ON COLUMN attendance.id IS 'Attendance row id';
COMMENT ON COLUMN attendance.meeting_id IS 'meetings.id';
COMMENT ON COLUMN attendance.document_id IS 'documents.id';
COMMENT ON COLUMN attendance.seq IS 'Order in the meeting''s list, from 1';
COMMENT ON COLUMN attendance.person_id IS 'people.id';
COMMENT ON COLUMN attendance.name_raw IS 'The name as written';
COMMENT ON COLUMN attendance.organisation_id IS 'organisations.id the row names (see attendance_organisations for inferred ones)';
COMMENT ON COLUMN attendance.organisation_raw IS 'The organisation as written';
COMMENT ON COLUMN attendance.role IS 'Role as written (leder, nestleder, sekretær)';
COMMENT ON COLUMN attendance.category IS 'member | observer | secretariat | substitute | guest';
COMMENT ON COLUMN attendance.status IS 'present | remote | absent | substituted | unknown';
COMMENT ON COLUMN attendance.substitute_for_id IS 'Of a substitute: the member they stood in for (people.id)';
COMMENT ON COLUMN attendance.substitute_for_raw IS 'That member''s name as written';
COMMENT ON COLUMN attendance.items IS 'For guests: the cases they attended for';
COMMENT ON COLUMN attendance.code IS 'Attendance code as written (F, V, D)';
COMMENT ON COLUMN attendance.raw_mark IS 'The mark in an attendance table as written';
COMMENT ON COLUMN attendance.mark_column IS 'The table column the mark stood in';
COMMENT ON COLUMN attendance.source IS 'table | list | prose';
COMMENT ON COLUMN attendance.page IS 'Page of the row';
COMMENT ON COLUMN attendance.line IS 'Line of the row on its page';

COMMENT ON TABLE memberships IS 'Who sat in which body for which organisation, between the first and last meeting seen';
COMMENT ON COLUMN memberships.person_id IS 'people.id';
COMMENT ON COLUMN memberships.body_id IS 'bodies.id';
COMMENT ON COLUMN memberships.organisation_id IS 'organisations.id';
COMMENT ON COLUMN memberships.role IS 'Role in the body';
COMMENT ON COLUMN memberships.first_date IS 'First meeting listed';
COMMENT ON COLUMN memberships.last_date IS 'Last meeting listed';

COMMENT ON TABLE warnings IS 'Problems found while reading a document, with where they are';
COMMENT ON COLUMN warnings.document_id IS 'documents.id';
COMMENT ON COLUMN warnings.page IS 'Page the warning is about';
COMMENT ON COLUMN warnings.line IS 'Line the warning is about';
COMMENT ON COLUMN warnings.message IS 'What is wrong';

COMMENT ON TABLE votes IS 'Votes on a case''s proposals; counts are on the vote''s own proposal';
COMMENT ON COLUMN votes.id IS 'Vote id';
COMMENT ON COLUMN votes.meeting_id IS 'meetings.id';
COMMENT ON COLUMN votes.item_id IS 'items.id; NULL for a vote read outside any case';
COMMENT ON COLUMN votes.document_id IS 'documents.id';
COMMENT ON COLUMN votes.seq IS 'Order in the meeting, from 1';
COMMENT ON COLUMN votes.proposal IS 'As written: ''innstillingen'', ''forslag 1'', ''tilleggsforslag''';
COMMENT ON COLUMN votes.outcome IS 'adopted | rejected | NULL (not said)';
COMMENT ON COLUMN votes.votes_for IS 'Votes for the proposal';
COMMENT ON COLUMN votes.votes_against IS 'Votes against it';
COMMENT ON COLUMN votes.votes_abstain IS 'Abstentions';
COMMENT ON COLUMN votes.unanimous IS 'Adopted unanimously (enstemmig)';
COMMENT ON COLUMN votes.casting_vote IS 'Carried by the chair''s second vote';
COMMENT ON COLUMN votes.text IS 'The tallies and the outcome as read';
COMMENT ON COLUMN votes.page IS 'Page of the vote';
COMMENT ON COLUMN votes.line IS 'First line of the vote on its page';
COMMENT ON COLUMN votes.line_end IS 'Last line of the vote';

COMMENT ON TABLE vote_voters IS 'Each person a vote names, linked to the same person as the meeting''s attendance row';
COMMENT ON COLUMN vote_voters.vote_id IS 'votes.id';
COMMENT ON COLUMN vote_voters.document_id IS 'documents.id';
COMMENT ON COLUMN vote_voters.seq IS 'Order in the vote, from 1';
COMMENT ON COLUMN vote_voters.person_id IS 'people.id';
COMMENT ON COLUMN vote_voters.name_raw IS 'The name as written';
COMMENT ON COLUMN vote_voters.organisation_id IS 'The party (organisations.id)';
COMMENT ON COLUMN vote_voters.party_raw IS 'The party as written';
COMMENT ON COLUMN vote_voters.side IS 'for | against | abstain, on the vote''s proposal';
COMMENT ON COLUMN vote_voters.proposal IS 'The proposal the list was for, where it names one';
COMMENT ON COLUMN vote_voters.page IS 'Page of the name';
COMMENT ON COLUMN vote_voters.line IS 'Line of the name on its page';

COMMENT ON TABLE vote_parties IS 'A party''s votes where the minutes name the party, not its members (''mot 5 stemmer (FrP, H)'')';
COMMENT ON COLUMN vote_parties.vote_id IS 'votes.id';
COMMENT ON COLUMN vote_parties.document_id IS 'documents.id';
COMMENT ON COLUMN vote_parties.organisation_id IS 'The party (organisations.id)';
COMMENT ON COLUMN vote_parties.party_raw IS 'The party as written';
COMMENT ON COLUMN vote_parties.side IS 'for | against | abstain, on the vote''s proposal';
COMMENT ON COLUMN vote_parties.count IS 'How many of the party voted so; NULL: not said';
COMMENT ON COLUMN vote_parties.page IS 'Page of the party''s vote';
COMMENT ON COLUMN vote_parties.line IS 'Line of the party''s vote on its page';

COMMENT ON TABLE recusals IS 'Members disqualified from a case (inhabil) or who left the meeting for it';
COMMENT ON COLUMN recusals.meeting_id IS 'meetings.id';
COMMENT ON COLUMN recusals.item_id IS 'items.id';
COMMENT ON COLUMN recusals.document_id IS 'documents.id';
COMMENT ON COLUMN recusals.person_id IS 'people.id';
COMMENT ON COLUMN recusals.name_raw IS 'The name as written';
COMMENT ON COLUMN recusals.organisation_id IS 'The party (organisations.id)';
COMMENT ON COLUMN recusals.party_raw IS 'The party as written';
COMMENT ON COLUMN recusals.text IS 'The sentence as read';
COMMENT ON COLUMN recusals.page IS 'Page of the sentence';
COMMENT ON COLUMN recusals.line IS 'Line of the sentence on its page';

COMMENT ON VIEW attendance_organisations IS 'The organisation of every attendance row: the one it names, or the one the person is listed with elsewhere';
COMMENT ON COLUMN attendance_organisations.attendance_id IS 'attendance.id';
COMMENT ON COLUMN attendance_organisations.organisation_id IS 'organisations.id, named or inferred';
COMMENT ON COLUMN attendance_organisations.inferred_from IS 'The attendance row the organisation was taken from; NULL: the row names it';

COMMENT ON VIEW attendance_rows IS 'Attendance rows with body, year, canonical name, organisation and substitutes: what the rates count';
COMMENT ON COLUMN attendance_rows.attendance_id IS 'attendance.id';
COMMENT ON COLUMN attendance_rows.meeting_id IS 'meetings.id';
COMMENT ON COLUMN attendance_rows.body IS 'The meeting''s body';
COMMENT ON COLUMN attendance_rows.date IS 'The meeting''s date';
COMMENT ON COLUMN attendance_rows.year IS 'The meeting''s year';
COMMENT ON COLUMN attendance_rows.seq IS 'Order in the meeting''s list';
COMMENT ON COLUMN attendance_rows.person_id IS 'people.id';
COMMENT ON COLUMN attendance_rows.name IS 'Canonical name';
COMMENT ON COLUMN attendance_rows.organisation IS 'Organisation (a unit counts for its organisation), named or inferred';
COMMENT ON COLUMN attendance_rows.category IS 'member | observer | secretariat | substitute | guest';
COMMENT ON COLUMN attendance_rows.status IS 'present | remote | absent | substituted | unknown';
COMMENT ON COLUMN attendance_rows.substitutes IS 'Who substituted for the person at that meeting';
COMMENT ON COLUMN attendance_rows.exempt_only IS 'A guest who came only for exempt cases: withheld from public outputs';

COMMENT ON VIEW attendance_others IS 'Everyone listed but members, per person, body and year: the last table of `referat report attendance` (attendance_others_between(body, from, to, include_exempt) for a period)';
COMMENT ON COLUMN attendance_others.name IS 'Canonical name';
COMMENT ON COLUMN attendance_others.body IS 'The body';
COMMENT ON COLUMN attendance_others.year IS 'The year';
COMMENT ON COLUMN attendance_others.category IS 'observer | secretariat | substitute | guest, at the last meeting of the year';
COMMENT ON COLUMN attendance_others.organisation IS 'The organisation at the last meeting of the year';
COMMENT ON COLUMN attendance_others.meetings IS 'Meetings listed (a guest at exempt cases only is not counted)';

COMMENT ON VIEW attendance_rates IS 'Attendance of members per person, body and year: the figures of `referat report attendance` (attendance_rates_between(body, from, to) for a period)';
COMMENT ON COLUMN attendance_rates.person_id IS 'people.id';
COMMENT ON COLUMN attendance_rates.name IS 'Canonical name';
COMMENT ON COLUMN attendance_rates.organisation IS 'The organisation of the person''s first meeting in the year';
COMMENT ON COLUMN attendance_rates.expected IS 'Meetings the member was listed for';
COMMENT ON COLUMN attendance_rates.present IS 'Present in person';
COMMENT ON COLUMN attendance_rates.remote IS 'Attended digitally';
COMMENT ON COLUMN attendance_rates.substituted IS 'Stood in for by a substitute';
COMMENT ON COLUMN attendance_rates.absent IS 'Absent (forfall) without a substitute';
COMMENT ON COLUMN attendance_rates.unknown IS 'Listed, attendance not said';
COMMENT ON COLUMN attendance_rates.attended IS 'present + remote';
COMMENT ON COLUMN attendance_rates.substituted_by IS 'Who substituted, comma-separated';
COMMENT ON COLUMN attendance_rates.rate IS '(present + remote) / (expected - unknown), rounded to 3 places; NULL when nothing is known';
COMMENT ON COLUMN attendance_rates.body IS 'The body';
COMMENT ON COLUMN attendance_rates.year IS 'The year';

COMMENT ON VIEW attendance_organisation_rates IS 'Attendance of members per organisation, body and year: the organisation figures of `referat report attendance`';
COMMENT ON COLUMN attendance_organisation_rates.name IS 'The organisation, or (uten organisasjon)';
COMMENT ON COLUMN attendance_organisation_rates.organisation IS 'The organisation; NULL for members without one';
COMMENT ON COLUMN attendance_organisation_rates.expected IS 'Meetings the member was listed for';
COMMENT ON COLUMN attendance_organisation_rates.present IS 'Present in person';
COMMENT ON COLUMN attendance_organisation_rates.remote IS 'Attended digitally';
COMMENT ON COLUMN attendance_organisation_rates.substituted IS 'Stood in for by a substitute';
COMMENT ON COLUMN attendance_organisation_rates.absent IS 'Absent (forfall) without a substitute';
COMMENT ON COLUMN attendance_organisation_rates.unknown IS 'Listed, attendance not said';
COMMENT ON COLUMN attendance_organisation_rates.attended IS 'present + remote';
COMMENT ON COLUMN attendance_organisation_rates.substituted_by IS 'Who substituted, comma-separated';
COMMENT ON COLUMN attendance_organisation_rates.rate IS '(present + remote) / (expected - unknown), rounded to 3 places; NULL when nothing is known';
COMMENT ON COLUMN attendance_organisation_rates.body IS 'The body';
COMMENT ON COLUMN attendance_organisation_rates.year IS 'The year';

COMMENT ON VIEW decisions_full IS 'Every decision with its case and meeting (exempt cases included: filter on exempt)';
COMMENT ON COLUMN decisions_full.decision_id IS 'decisions.id';
COMMENT ON COLUMN decisions_full.meeting_id IS 'meetings.id';
COMMENT ON COLUMN decisions_full.body IS 'The meeting''s body';
COMMENT ON COLUMN decisions_full.date IS 'The meeting''s date';
COMMENT ON COLUMN decisions_full.item_id IS 'items.id';
COMMENT ON COLUMN decisions_full.number IS 'Case number, NN-YY';
COMMENT ON COLUMN decisions_full.title IS 'Title of the case';
COMMENT ON COLUMN decisions_full.exempt IS 'The case is exempt from public access';
COMMENT ON COLUMN decisions_full.seq IS 'Order in the case';
COMMENT ON COLUMN decisions_full.text IS 'The decision''s text';
COMMENT ON COLUMN decisions_full.labeled IS 'The minutes label it (''Vedtak:'')';
COMMENT ON COLUMN decisions_full.label IS 'The label as written';
COMMENT ON COLUMN decisions_full.source IS 'The file it was read from';
COMMENT ON COLUMN decisions_full.page IS 'Page of the decision';
COMMENT ON COLUMN decisions_full.line IS 'Line of the decision on its page';

COMMENT ON VIEW case_links IS 'A case''s links both ways: each reference as refers_to from its case and as referred_by from its target';
COMMENT ON COLUMN case_links.body IS 'The case''s body';
COMMENT ON COLUMN case_links.number IS 'The case''s number';
COMMENT ON COLUMN case_links.direction IS 'refers_to | referred_by';
COMMENT ON COLUMN case_links.other_body IS 'The linked case''s body';
COMMENT ON COLUMN case_links.other_number IS 'The linked case''s number';
COMMENT ON COLUMN case_links.date IS 'Date of the meeting where the reference was written';
COMMENT ON COLUMN case_links.raw IS 'The text around the reference';
COMMENT ON COLUMN case_links.source IS 'The file the reference was read from';
COMMENT ON COLUMN case_links.page IS 'Page of the reference';
COMMENT ON COLUMN case_links.line IS 'Line of the reference on its page';
COMMENT ON COLUMN case_links.reference_id IS 'item_references.id';

COMMENT ON VIEW party_votes IS 'How each party voted on each vote: members named, or the party named as a whole';
COMMENT ON COLUMN party_votes.vote_id IS 'votes.id';
COMMENT ON COLUMN party_votes.body IS 'The meeting''s body';
COMMENT ON COLUMN party_votes.date IS 'The meeting''s date';
COMMENT ON COLUMN party_votes.number IS 'Case number; NULL for a vote outside any case';
COMMENT ON COLUMN party_votes.title IS 'Title of the case';
COMMENT ON COLUMN party_votes.exempt IS 'The case is exempt from public access';
COMMENT ON COLUMN party_votes.proposal IS 'The proposal voted on, as written';
COMMENT ON COLUMN party_votes.outcome IS 'adopted | rejected | NULL (not said)';
COMMENT ON COLUMN party_votes.party IS 'The party';
COMMENT ON COLUMN party_votes.side IS 'for | against | abstain';
COMMENT ON COLUMN party_votes.members IS 'How many of the party voted so; NULL: the party as a whole, count not said';

-- What the top-ups and the search index added
COMMENT ON COLUMN documents.mtime_ns IS 'The file''s modification time (ns) when read: with size, tells an unchanged file without reading it';
COMMENT ON COLUMN document_paths.size IS 'Size of the copy in bytes when seen';
COMMENT ON COLUMN document_paths.mtime_ns IS 'The copy''s modification time (ns) when seen';
COMMENT ON TABLE search_units IS 'The search index: one row per thing a hit points to (a case''s title and text, a decision, a proposal, a follow-up)';
COMMENT ON COLUMN search_units.id IS 'Unit id';
COMMENT ON COLUMN search_units.document_id IS 'The document it was read from (documents.id)';
COMMENT ON COLUMN search_units.meeting_id IS 'The meeting (meetings.id)';
COMMENT ON COLUMN search_units.item_id IS 'The case (items.id)';
COMMENT ON COLUMN search_units.kind IS 'case | decision | proposal | follow_up';
COMMENT ON COLUMN search_units.exempt IS 'Of an exempt case: found only by an internal search, and left out of public term statistics';
COMMENT ON COLUMN search_units.text IS 'The text searched and shown in snippets';
COMMENT ON COLUMN search_units.length IS 'How many terms the text holds (for BM25)';
COMMENT ON COLUMN search_units.page IS 'Page in the document';
COMMENT ON COLUMN search_units.line IS 'Line on the page';
COMMENT ON TABLE search_postings IS 'The search index''s postings: each unit''s terms (folded, stemmed) with their counts';
COMMENT ON COLUMN search_postings.unit_id IS 'The unit (search_units.id)';
COMMENT ON COLUMN search_postings.document_id IS 'The document (documents.id), so a replaced document''s postings go with it';
COMMENT ON COLUMN search_postings.term IS 'A term: a word folded (folding.fold) and stemmed (Snowball, Norwegian)';
COMMENT ON COLUMN search_postings.tf IS 'How often the term stands in the unit';
COMMENT ON COLUMN search_postings.exempt IS 'The unit''s exempt flag, so term statistics leave exempt text out too';

COMMENT ON MACRO TABLE attendance_counts_between IS 'Attendance figures of members for a body and period (NULL: all), per person (by_organisation false) or per organisation: what attendance_rates_between and attendance_organisation_rates_between read';
