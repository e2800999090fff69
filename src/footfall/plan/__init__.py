"""The planner: a running week in, the same week with walks placed by R1-R9 out."""
