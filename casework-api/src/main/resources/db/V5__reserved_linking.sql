-- Placeholder in the alerts worktree only: V5 belongs to the linking helper's migration. Drop this file and its
-- line in migrations.txt when merging (the real V5 takes its place).
SELECT 1;
