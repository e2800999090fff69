"""Measures: pure functions over arrays, numbers out (SPEC §2)."""
