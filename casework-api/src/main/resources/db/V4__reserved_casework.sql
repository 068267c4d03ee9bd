-- Placeholder on branch wt/linking only: version 4 belongs to the casework helper's migration, which replaces this
-- file (and its line in migrations.txt) when the branches are merged. It changes nothing.
SELECT 1;
