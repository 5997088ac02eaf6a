-- Views an analyst would otherwise write, and that the reports read. Recreated whenever the
-- archive is opened for writing, so a view always matches the code that reads it.

-- The organisation of every attendance row: the one the row names, or, when it names none (a
-- role such as "Leder av Styringsgruppen" in the organisation column, a guest named in prose),
-- the one the same person is listed with elsewhere: same body first, then the nearest meeting.
-- `inferred_from` is that other attendance row, so the inference points back to a page and line;
-- the row itself keeps organisation_id NULL, as its minutes say nothing more.
CREATE OR REPLACE VIEW attendance_organisations AS
WITH listed AS (
    SELECT a.id, a.person_id, a.organisation_id, m.body_id, m.date
    FROM attendance a JOIN meetings m ON m.id = a.meeting_id
), inferred AS (
    SELECT missing.id AS attendance_id, known.organisation_id, known.id AS inferred_from
    FROM listed missing JOIN listed known ON known.person_id = missing.person_id
        AND known.organisation_id IS NOT NULL AND known.id <> missing.id
    WHERE missing.organisation_id IS NULL
    QUALIFY row_number() OVER (PARTITION BY missing.id ORDER BY
        known.body_id IS NOT DISTINCT FROM missing.body_id DESC,
        abs(date_diff('day', known.date, missing.date)) NULLS LAST, known.id) = 1
)
SELECT listed.id AS attendance_id, coalesce(listed.organisation_id, inferred.organisation_id) AS organisation_id,
       inferred.inferred_from
FROM listed LEFT JOIN inferred ON inferred.attendance_id = listed.id;

-- One row per attendance row, with what the attendance report counts it by: the meeting's body
-- and year, the person's canonical name, the organisation (a unit counts for its organisation),
-- who substituted for the person at that meeting, and whether the row is a guest who came only
-- for exempt cases (whom reports/publication.py withholds from a public output).
CREATE OR REPLACE VIEW attendance_rows AS
SELECT a.id AS attendance_id, a.meeting_id, m.body, m.date, year(m.date) AS year, a.seq, a.person_id, p.name,
       coalesce(top.name, o.name) AS organisation, a.category, a.status,
       coalesce((SELECT list(p2.name) FROM attendance b JOIN people p2 ON p2.id = b.person_id
                 WHERE b.meeting_id = a.meeting_id AND b.substitute_for_id = a.person_id), []) AS substitutes,
       len(coalesce(a.items, [])) > 0 AND list_has_all(
           coalesce((SELECT list(i.number) FROM items i WHERE i.meeting_id = a.meeting_id AND i.exempt), []),
           a.items) AS exempt_only
FROM attendance a JOIN meetings m ON m.id = a.meeting_id JOIN people p ON p.id = a.person_id
JOIN attendance_organisations ao ON ao.attendance_id = a.id
LEFT JOIN organisations o ON o.id = ao.organisation_id LEFT JOIN organisations top ON top.id = o.parent_id;

-- The attendance report's figures for members between two dates (NULL: no bound) and for one body
-- (NULL: all), per person, body and year, or with by_organisation per organisation, body and year
-- (person_id NULL, name the organisation or '(uten organisasjon)'). The rate counts remote as
-- attended and leaves out meetings whose status is unknown: (present + remote) / (expected - unknown).
-- A person's organisation is the one of their first meeting in the year; of two meetings on one day
-- with the person at the same place in both lists, the row stored first, so that every run agrees.
CREATE OR REPLACE MACRO attendance_counts_between(body_name, from_date, to_date, by_organisation) AS TABLE
WITH keyed AS (
    SELECT CASE WHEN NOT by_organisation THEN person_id END AS person_id,
           CASE WHEN by_organisation THEN coalesce(organisation, '(uten organisasjon)') ELSE name END AS name,
           CASE WHEN by_organisation THEN organisation END AS of_organisation,
           organisation, body, year, date, seq, attendance_id, status, substitutes
    FROM attendance_rows
    WHERE category = 'member' AND (body_name IS NULL OR body = body_name)
      AND (from_date IS NULL OR date >= from_date::DATE) AND (to_date IS NULL OR date <= to_date::DATE)
)
SELECT person_id, name,
       CASE WHEN by_organisation THEN of_organisation
            ELSE first(organisation ORDER BY date, seq, attendance_id) END AS organisation,
       body, year, count(*) AS expected,
       count(*) FILTER (status = 'present') AS present, count(*) FILTER (status = 'remote') AS remote,
       count(*) FILTER (status = 'substituted') AS substituted, count(*) FILTER (status = 'absent') AS absent,
       count(*) FILTER (status = 'unknown') AS unknown,
       count(*) FILTER (status IN ('present', 'remote')) AS attended,
       array_to_string(list_sort(list_distinct(flatten(list(substitutes)))), ', ') AS substituted_by,
       round(count(*) FILTER (status IN ('present', 'remote'))
             / nullif(count(*) - count(*) FILTER (status = 'unknown'), 0), 3) AS rate
FROM keyed
GROUP BY person_id, name, of_organisation, body, year;

CREATE OR REPLACE MACRO attendance_rates_between(body_name, from_date, to_date) AS TABLE
FROM attendance_counts_between(body_name, from_date, to_date, false);

-- The same figures per organisation (members without one under '(uten organisasjon)').
CREATE OR REPLACE MACRO attendance_organisation_rates_between(body_name, from_date, to_date) AS TABLE
SELECT * EXCLUDE (person_id) FROM attendance_counts_between(body_name, from_date, to_date, true);

-- Everyone listed but members (observers, secretariat, substitutes, guests): how many meetings per
-- person, body and year, with their category and organisation at the last of them. A guest who came
-- only for exempt cases is counted only with include_exempt.
CREATE OR REPLACE MACRO attendance_others_between(body_name, from_date, to_date, include_exempt) AS TABLE
SELECT name, body, year, last(category ORDER BY date, seq, attendance_id) AS category,
       last(organisation ORDER BY date, seq, attendance_id) AS organisation, count(*) AS meetings
FROM attendance_rows
WHERE category <> 'member' AND (include_exempt OR NOT exempt_only) AND (body_name IS NULL OR body = body_name)
  AND (from_date IS NULL OR date >= from_date::DATE) AND (to_date IS NULL OR date <= to_date::DATE)
GROUP BY name, body, year;

CREATE OR REPLACE VIEW attendance_rates AS FROM attendance_rates_between(NULL, NULL, NULL);
CREATE OR REPLACE VIEW attendance_organisation_rates AS FROM attendance_organisation_rates_between(NULL, NULL, NULL);
CREATE OR REPLACE VIEW attendance_others AS FROM attendance_others_between(NULL, NULL, NULL, false);

-- Every decision with its case and meeting, and where it stands in its source.
CREATE OR REPLACE VIEW decisions_full AS
SELECT d.id AS decision_id, m.id AS meeting_id, m.body, m.date, i.id AS item_id, i.number, i.title, i.exempt,
       d.seq, d.text, d.labeled, d.label, doc.source, d.page, d.line
FROM decisions d JOIN items i ON i.id = d.item_id JOIN meetings m ON m.id = i.meeting_id
JOIN documents doc ON doc.id = d.document_id;

-- A case's links in both directions: each reference once as written ('refers_to') and once
-- seen from its target ('referred_by'), so `WHERE body = ? AND number = ?` finds both.
CREATE OR REPLACE VIEW case_links AS
WITH refs AS (
    SELECT r.id AS reference_id, m.body AS from_body, i.number AS from_number, m.date AS from_date,
           r.target_body AS to_body, r.target_number AS to_number, r.raw, doc.source, r.page, r.line
    FROM item_references r JOIN items i ON i.id = r.item_id JOIN meetings m ON m.id = i.meeting_id
    JOIN documents doc ON doc.id = r.document_id
)
SELECT from_body AS body, from_number AS number, 'refers_to' AS direction, to_body AS other_body,
       to_number AS other_number, from_date AS date, raw, source, page, line, reference_id FROM refs
UNION ALL
SELECT to_body, to_number, 'referred_by', from_body, from_number, from_date, raw, source, page, line,
       reference_id FROM refs;

-- How each party voted on each vote: its members named in the minutes, and the party named as a
-- whole ('mot 5 stemmer (FrP, H)', members NULL when the count is not said).
CREATE OR REPLACE VIEW party_votes AS
WITH named AS (
    SELECT x.vote_id, coalesce(top.name, o.name, x.party_raw) AS party, x.side, count(*) AS members
    FROM vote_voters x LEFT JOIN organisations o ON o.id = x.organisation_id
    LEFT JOIN organisations top ON top.id = o.parent_id GROUP BY ALL
    UNION ALL
    SELECT x.vote_id, coalesce(top.name, o.name, x.party_raw), x.side, x.count
    FROM vote_parties x LEFT JOIN organisations o ON o.id = x.organisation_id
    LEFT JOIN organisations top ON top.id = o.parent_id
)
SELECT v.id AS vote_id, m.body, m.date, i.number, i.title, coalesce(i.exempt, false) AS exempt, v.proposal,
       v.outcome, n.party, n.side, n.members
FROM named n JOIN votes v ON v.id = n.vote_id JOIN meetings m ON m.id = v.meeting_id
LEFT JOIN items i ON i.id = v.item_id;
