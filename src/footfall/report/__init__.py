"""The self-contained report of the runner's own trend (R8): one HTML file that opens
with no network, and its charts as PNG and SVG beside it."""

from __future__ import annotations

from footfall.report.build import ReportFiles, build_report, write_report

__all__ = ["ReportFiles", "build_report", "write_report"]
