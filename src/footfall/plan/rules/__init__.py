"""The planner's rules, one module each, all pure: a rule takes the week's planned
sessions and the runner's :class:`~footfall.plan.estimate.Rates` and returns the walks
(or flags) it adds, each citing its rule and source.

- :mod:`.finisher` R1, :mod:`.second` R2, :mod:`.swap` R3, :mod:`.step_floor` R4,
  :mod:`.ladder` R5, :mod:`.pace_band` R6, :mod:`.spike` R9;
- :mod:`.words`: the numbers in a runner's sentences, and the citations.

:mod:`footfall.plan.compose` applies them in order and resolves their conflicts.
"""
