-- 0008_dependency_sources.sql — what a vulnerability matcher looks an installed package up by.
-- See ../SCHEMA.md ("0008").
--
-- Distribution advisories (OSV, Debian's tracker) name the SOURCE package and its version in
-- the release's ecosystem: Debian 12's `bsdutils` 1:2.38.1-5+deb12u3 is `util-linux`
-- 2.38.1-5+deb12u3 in "Debian:12", and `bash` 5.2.15-2+b8 (a rebuild) is `bash` 5.2.15-2.
-- The seed's dependencies row has the binary package only.
--
-- '' is "unknown": rows written before this migration, and batches of agents that do not send
-- the values. NOT NULL with a constant default adds the columns without rewriting the table.

ALTER TABLE public.dependencies
    ADD COLUMN source_name text NOT NULL DEFAULT '',
    ADD COLUMN source_version text NOT NULL DEFAULT '',
    ADD COLUMN arch text NOT NULL DEFAULT '',
    ADD COLUMN ecosystem text NOT NULL DEFAULT '';
