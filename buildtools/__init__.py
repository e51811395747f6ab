"""Build machinery of tasks.py that is not a task: the build lock and the atomic swap (swap.py).

Not a Pelican plugin (those are in plugins/) and not a quality gate (checks/).
"""
