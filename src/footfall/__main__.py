"""``python -m footfall`` is the ``footfall`` command."""

from footfall.cli.app import main

main()
