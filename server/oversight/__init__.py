"""A team manager's oversight of their teams' circles."""
