-- Placeholder in the alerts worktree only: V4 belongs to the casework helper's migration. Drop this file and its
-- line in migrations.txt when merging (the real V4 takes its place).
SELECT 1;
